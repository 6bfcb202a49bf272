/** `npm run eval:detection`: recall and precision per language on tests/fixtures/detection. */
import kazakhstan2022 from '../data/packs/kazakhstan-2022.json';
import { parsePack } from '../data/load';
import { detectWithPacks } from '../tests/fixtures/detect';
import { evaluate, loadEvalPages } from './detection-eval';

const parsed = parsePack(kazakhstan2022);
if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
const report = evaluate(loadEvalPages(), detectWithPacks([parsed.pack]));
const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
for (const [lang, s] of Object.entries(report.byLang)) {
  console.log(
    `${lang}: ${s.pages} pages, recall ${pct(s.recall)} (${s.correct}/${s.expected}), precision ${pct(s.precision)} (${s.correct}/${s.found})`,
  );
}
for (const miss of report.misses) console.log(`miss   ${miss}`);
for (const wrong of report.falses) console.log(`false  ${wrong}`);

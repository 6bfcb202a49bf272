/** The benchmark's pages: the real-page corpus (INDEX.tsv) and the generated long page. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS_DIR } from '../scripts/serve';

export interface BenchPage {
  /** File name in the corpus, or `generated-4mb`. */
  name: string;
  path: string;
  bytes: number;
  lang: string;
  /** Under 5 KB: measured, left out of the summaries (the corpus's tiny fixtures). */
  tiny: boolean;
  generated: boolean;
}

export const GENERATED_PATH = '/generated-4mb.html';

export function corpusPages(): BenchPage[] {
  const lines = readFileSync(join(CORPUS_DIR, 'INDEX.tsv'), 'utf8').trim().split('\n').slice(1);
  return lines.map((line) => {
    const [file, bytes, lang] = line.split('\t');
    return {
      name: file,
      path: `/corpus/${file}`,
      bytes: Number(bytes),
      lang: lang ?? '',
      tiny: Number(bytes) < 5000,
      generated: false,
    };
  });
}

/** Ten real pages spread evenly over the sizes of the ≥ 5 KB pages: the `--quick` subset. */
export function quickSubset(pages: readonly BenchPage[], count = 10): BenchPage[] {
  const real = pages.filter((p) => !p.tiny).sort((a, b) => a.bytes - b.bytes);
  const out: BenchPage[] = [];
  for (let i = 0; i < count; i++) {
    out.push(real[Math.round(count === 1 ? (real.length - 1) / 2 : (i * (real.length - 1)) / (count - 1))]);
  }
  return [...new Set(out)];
}

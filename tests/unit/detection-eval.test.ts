/** The detection evaluation set keeps its shape, and the scoring counts what it says. */
import { describe, expect, it } from 'vitest';
import packJson from '../../data/packs/kazakhstan-2022.json';
import { parsePack } from '../../data/load';
import { evaluate, loadEvalPages, type EvalPage } from '../../scripts/detection-eval';
import { detectWithPacks } from '../fixtures/detect';

const PLANNED = ['moscow', 'nato-russia-council'];
const IDS = new Set([...(packJson as { entities: { id: string }[] }).entities.map((e) => e.id), ...PLANNED]);

describe('detection evaluation set', () => {
  const pages = loadEvalPages();

  it('has at least 16 pages per language, each with disjoint truth lists of known entities', () => {
    const perLang: Record<string, number> = {};
    for (const page of pages) {
      perLang[page.lang] = (perLang[page.lang] ?? 0) + 1;
      const { must, mustNot, ambiguous } = page.truth;
      const all = [...must, ...mustNot, ...ambiguous];
      expect(new Set(all).size, page.file).toBe(all.length);
      expect(
        all.filter((id) => !IDS.has(id)),
        page.file,
      ).toEqual([]);
      expect(page.paragraphs.length, page.file).toBeGreaterThanOrEqual(3);
      if (page.published !== null) expect(page.published, page.file).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(perLang).toEqual({ en: 16, de: 16, ru: 16 });
  });

  it('scores recall over "must" and precision over what was found, ambiguous ones aside', () => {
    const page: EvalPage = {
      file: 'x.json',
      lang: 'en',
      published: null,
      title: '',
      paragraphs: [],
      note: '',
      truth: { must: ['a', 'b'], mustNot: ['c'], ambiguous: ['d'] },
    };
    const report = evaluate([page], () => new Set(['a', 'c', 'd', 'e']));
    expect(report.byLang.en).toMatchObject({ expected: 2, correct: 1, found: 3, recall: 0.5, precision: 1 / 3 });
    expect(report.misses).toEqual(['x.json: b']);
    expect(report.falses).toEqual(['x.json: c (trap)', 'x.json: e']);
  });
});

describe('detection on the evaluation set', () => {
  it('finds at least 97 % of what a reader expects, and is right at least 97 % of the time, in every language', () => {
    const parsed = parsePack(packJson);
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const report = evaluate(loadEvalPages(), detectWithPacks([parsed.pack]));
    for (const [lang, score] of Object.entries(report.byLang)) {
      expect(score.recall, `${lang} recall; misses: ${report.misses.join(', ')}`).toBeGreaterThanOrEqual(0.97);
      expect(score.precision, `${lang} precision; false: ${report.falses.join(', ')}`).toBeGreaterThanOrEqual(0.97);
    }
  });
});

/**
 * The detection evaluation (tests/fixtures/detection): pages of news text written for it, each with
 * the entities a careful reader expects marked ("must"), the ones a string matcher would wrongly
 * mark ("mustNot") and those where either is fine ("ambiguous"). Scored per entity and page.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface EvalPage {
  file: string;
  lang: string;
  published: string | null;
  title: string;
  paragraphs: string[];
  truth: { must: string[]; mustNot: string[]; ambiguous: string[] };
  note: string;
}

export const DETECTION_DIR = join(import.meta.dirname, '../tests/fixtures/detection');

export function loadEvalPages(dir = DETECTION_DIR): EvalPage[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => ({ file, ...(JSON.parse(readFileSync(join(dir, file), 'utf8')) as Omit<EvalPage, 'file'>) }));
}

/** Finds the entities on a page: the title and each paragraph are separate runs, as blocks are. */
export type Detect = (page: EvalPage) => ReadonlySet<string>;

export interface LangScore {
  pages: number;
  expected: number;
  found: number;
  correct: number;
  recall: number;
  precision: number;
}

export interface EvalReport {
  byLang: Record<string, LangScore>;
  /** `file: entity` a reader expects and Gloss did not find. */
  misses: string[];
  /** `file: entity` Gloss found that the page does not name (a trap, or not in the truth at all). */
  falses: string[];
}

export function evaluate(pages: readonly EvalPage[], detect: Detect): EvalReport {
  const byLang: Record<string, LangScore> = {};
  const misses: string[] = [];
  const falses: string[] = [];
  for (const page of pages) {
    const found = detect(page);
    const score = (byLang[page.lang] ??= { pages: 0, expected: 0, found: 0, correct: 0, recall: 1, precision: 1 });
    score.pages++;
    score.expected += page.truth.must.length;
    const acceptable = new Set([...page.truth.must, ...page.truth.ambiguous]);
    for (const id of page.truth.must) {
      if (found.has(id)) score.correct++;
      else misses.push(`${page.file}: ${id}`);
    }
    for (const id of found) {
      if (page.truth.ambiguous.includes(id)) continue;
      score.found++;
      if (!acceptable.has(id)) falses.push(`${page.file}: ${id}${page.truth.mustNot.includes(id) ? ' (trap)' : ''}`);
    }
  }
  for (const score of Object.values(byLang)) {
    score.recall = score.expected ? score.correct / score.expected : 1;
    score.precision = score.found ? score.correct / score.found : 1;
  }
  return { byLang, misses, falses };
}

/** The benchmark's summary: the reference content scripts read against the same floor as Gloss's (bench/summary.ts). */
import { describe, expect, it } from 'vitest';
import { summarize, type PageResult, type RunResult } from '../../bench/summary';
import { renderMarkdown } from '../../bench/report';

const loads = (...scriptMs: number[]) => scriptMs.map((ms) => ({ taskMs: 100, scriptMs: ms }));
const none = { q1: NaN, median: NaN, q3: NaN, n: 0 };

/** A cost page whose floor is `floor` ms in every load. */
function page(name: string, floor: number, gloss: number, walk: number): PageResult {
  const ms = (v: number) => [v, v, v];
  return {
    name,
    bytes: 50_000,
    lang: 'en',
    tiny: false,
    generated: false,
    ms: {
      floor: ms(floor),
      floorDirect: ms(floor / 2),
      scan: ms(floor),
      full: ms(floor),
      scan50k: ms(floor),
      markjs: ms(floor * 50),
      loadPack: ms(1),
      load50k: ms(10),
    },
    chars: 1000,
    runs: 10,
    matches: 0,
    matches50k: 0,
    mentions: 0,
    marks: 0,
    markDone: [1, 1, 1],
    markKeywords: 1,
    cost: { on: loads(gloss, gloss, gloss), off: loads(0, 0, 0) },
    cost50k: loads(gloss * 2),
    reference: { message: loads(1, 1, 50), walk: loads(walk, walk, walk), 'message-walk': loads(walk + 1) },
  };
}

const run: RunResult = {
  date: '2026-12-02T05:00:00.000Z',
  quick: true,
  reps: 3,
  browser: 'Chrome/156',
  machine: { cpu: 'cpu', cores: 2, memGB: 24, os: 'Linux', node: 'v20' },
  sizes: {
    contentJs: { raw: 60_000, gzip: 20_000 },
    contentCss: { raw: 3000, gzip: 400 },
    packs: { raw: 200_000, gzip: 46_000, files: 1 },
    packDataInContentScript: false,
  },
  pages: [page('a.html', 1, 10, 3), page('b.html', 2, 10, 4), page('c.html', 4, 10, 4)],
  disabled: { ext: loads(0), pages: ['a.html'] },
  markCap: { timesFull: 30, minMs: 100, maxMs: 400, generatedMs: 2000 },
  checks: {},
  dynamic: {
    build: 'x',
    onMs: [],
    offMs: [],
    observerMs: [],
    ratios: [],
    ratio: none,
    observerRatio: none,
    mentionsOn: 0,
  },
  load: { start: [0, 0, 0], end: [0, 0, 0] },
  durationS: 1,
};

describe('bench summary: reference content scripts', () => {
  it("reads each reference's median load over the page's floor, with quartiles over the cost pages", () => {
    const s = summarize(run);
    // Per page: walk / floor = 3, 2, 1; the message's median load is 1 ms (its 50 ms outlier is not the median).
    expect(s.referenceX.walk).toMatchObject({ median: 2, q1: 1.5, q3: 2.5, n: 3 });
    expect(s.referenceX.message?.median).toBe(0.5);
    expect(s.referenceX['message-walk']?.median).toBeCloseTo(2.5);
    // Gloss's own figure, over the same floors: 10, 5, 2.5.
    expect(s.spread.csX.median).toBe(5);
    expect(renderMarkdown(run, s)).toContain('0.50× (0.38×–0.75×); 2.00× (1.50×–2.50×); 2.50×');
  });
});

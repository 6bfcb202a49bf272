/** The benchmark's figures: per-page medians, the summary against the budgets, table and RESULTS.md. */
import type { Metrics } from './loads';
import type { SizeFigures } from './size';
import type { DynamicResult } from './dynamic';
import { fmtKB, fmtMs, fmtSpread, fmtX, median, quartiles, ratio, type Quartiles } from './stats';
import type { ContentScriptTasks } from './trace';

export interface PageResult {
  name: string;
  bytes: number;
  lang: string;
  tiny: boolean;
  generated: boolean;
  /** One entry per fresh load. */
  ms: Record<'floor' | 'floorDirect' | 'scan' | 'full' | 'scan50k' | 'markjs' | 'loadPack' | 'load50k', number[]>;
  chars: number;
  runs: number;
  matches: number;
  matches50k: number;
  mentions: number;
  marks: number;
  /** Keywords mark.js got through per load before the cap (all of them when not capped). */
  markDone: number[];
  markKeywords: number;
  /** Loads of the extension's browser with Gloss switched on and off for the site, pair by pair. */
  cost: { on: Metrics[]; off: Metrics[] };
  /** Loads with Gloss on and a generated pack imported (50,000 aliases in all). */
  cost50k: Metrics[];
  /** The 4 MB page only: the content script's tasks per traced load. */
  tasks?: ContentScriptTasks[];
}

export interface RunResult {
  date: string;
  quick: boolean;
  reps: number;
  browser: string;
  machine: { cpu: string; cores: number; memGB: number; os: string; node: string };
  sizes: SizeFigures;
  pages: PageResult[];
  disabled: { ext: Metrics[]; pages: string[] };
  /** When mark.js is stopped on a page (see run.ts). */
  markCap: { timesFull: number; minMs: number; maxMs: number; generatedMs: number };
  checks: Record<string, { enabled: boolean; mentions: number } | null>;
  /** The page's own DOM work with Gloss on and off (bench/dynamic.ts). */
  dynamic: DynamicResult;
  /** `uptime` load averages at the start and end of the run: other processes share the machine. */
  load: { start: number[]; end: number[] };
  durationS: number;
}

interface PageSummary {
  name: string;
  kb: number;
  floor: number;
  scan: number;
  full: number;
  scan50k: number;
  markjs: number;
  loadPack: number;
  load50k: number;
  fullX: number;
  scanX: number;
  scan50kX: number;
  /** The floor walked like the scanner, over the floor. */
  floorDirectX: number;
  /** gloss-full over the floor walked like the scanner. */
  fullVsDirectX: number;
  markVsFull: number;
  /** mark.js was stopped before the last keyword in some load: its figures are lower bounds. */
  markCapped: boolean;
  /** mark.js time extrapolated to all keywords (median load), for capped pages. */
  markEstimate: number;
  /** Main-thread time with Gloss on less off, per pair: median and quartiles. */
  cost: Quartiles;
  /** Content-script main-thread time per load with Gloss on (start-up, messages, scan, marks), median. */
  cs: number;
  csX: number;
  cs50k: number;
  cs50kX: number;
  mentions: number;
  marks: number;
}

export interface Budget {
  name: string;
  value: string;
  limit: string;
  /** null: not measured in this run (--quick leaves the 4 MB page out). */
  pass: boolean | null;
}

/** A budget: the figure it limits, as read from a run's summary. NaN: not measured in this run. */
interface BudgetRule {
  name: string;
  op: '≤' | '≥';
  limit: number;
  unit: '×' | 'ms' | 'KB';
  value: (s: Summary, run: RunResult) => number;
  /** How the measured figure is shown, when more than the value (its spread). */
  shown?: (s: Summary, run: RunResult) => string;
}

/** The budgets, from the issues that set them (#5, #13). */
const BUDGETS: BudgetRule[] = [
  {
    name: 'gloss-full vs floor (median, real pages; quartiles over pages)',
    op: '≤',
    limit: 1.3,
    unit: '×',
    value: (s) => s.fullX,
    shown: (s) => fmtSpread(s.spread.fullX),
  },
  {
    name: 'gloss-full vs floor walked like the scanner (median, real pages; quartiles over pages)',
    op: '≤',
    limit: 1.5,
    unit: '×',
    value: (s) => s.fullVsDirectX,
    shown: (s) => fmtSpread(s.spread.fullVsDirectX),
  },
  {
    name: 'mark.js vs gloss-full (median, real pages; mark.js extrapolated to all keywords)',
    op: '≥',
    limit: 50,
    unit: '×',
    value: (s) => s.markEstimateVsFull,
    shown: (s) => `${fmtX(s.markEstimateVsFull)} (measured ≥ ${fmtX(s.markVsFull)})`,
  },
  {
    name: '50,000 aliases: gloss-scan vs floor (median, real pages; quartiles over pages)',
    op: '≤',
    limit: 2,
    unit: '×',
    value: (s) => s.scan50kX,
    shown: (s) => fmtSpread(s.spread.scan50kX),
  },
  {
    name: 'content-script main-thread time per page / floor, start-up included (median over the cost pages; quartiles)',
    op: '≤',
    limit: 1.5,
    unit: '×',
    value: (s) => s.spread.csX.median,
    shown: (s) => fmtSpread(s.spread.csX),
  },
  {
    name: 'the same with 50,000 aliases',
    op: '≤',
    limit: 3,
    unit: '×',
    value: (s) => s.spread.cs50kX.median,
    shown: (s) => fmtSpread(s.spread.cs50kX),
  },
  { name: '4 MB page: gloss-full vs floor', op: '≤', limit: 3, unit: '×', value: (s) => s.generated?.fullX ?? NaN },
  {
    name: '4 MB page: longest content-script task (worst of the loads)',
    op: '≤',
    limit: 50,
    unit: 'ms',
    value: (s) => (s.generated ? s.generatedMaxTaskMs : NaN),
  },
  {
    name: 'switched-off site: content-script main-thread time',
    op: '≤',
    limit: 1,
    unit: 'ms',
    value: (s) => s.disabledMs,
  },
  {
    name: 'content script gzip',
    op: '≤',
    limit: 30,
    unit: 'KB',
    value: (_s, run) => run.sizes.contentJs.gzip / 1000,
    shown: (_s, run) => fmtKB(run.sizes.contentJs.gzip),
  },
  {
    name: "dynamic page, 3,000 mentions: the page's own DOM work with Gloss / without (median of pairs, quartiles)",
    op: '≤',
    limit: 1.2,
    unit: '×',
    value: (_s, run) => run.dynamic.ratio.median,
    shown: (_s, run) => fmtSpread(run.dynamic.ratio),
  },
];

export interface Summary {
  realPages: number;
  floorMedianMs: number;
  scanX: number;
  fullX: number;
  scan50kX: number;
  floorDirectX: number;
  fullVsDirectX: number;
  markVsFull: number;
  markCappedPages: number;
  /** mark.js extrapolated to every keyword, over gloss-full (median over pages). */
  markEstimateVsFull: number;
  worstFullX: { page: string; x: number };
  loadPackMs: number;
  load50kMs: number;
  /** Over pages: the ratios' quartiles. */
  spread: Record<
    'scanX' | 'fullX' | 'scan50kX' | 'floorDirectX' | 'fullVsDirectX' | 'csX' | 'cs50kX' | 'cost' | 'cs',
    Quartiles
  >;
  generated: PageSummary | null;
  generatedMaxTaskMs: number;
  generatedMedianMaxTaskMs: number;
  generatedLongTasksAfterStart: number[];
  /** Per load: the longest content-script task and that same task less the V8 GC inside it. */
  generatedLongestTaskGc: { ms: number; lessGcMs: number }[];
  disabledMs: number;
  costPages: number;
  costPairs: number;
  budgets: Budget[];
  pages: PageSummary[];
}

const metric = (list: Metrics[], key: keyof Metrics) => median(list.map((m) => m[key]));

function pageSummary(p: PageResult): PageSummary {
  const m = (k: keyof PageResult['ms']) => median(p.ms[k]);
  const floor = m('floor');
  return {
    name: p.name,
    kb: p.bytes / 1000,
    floor,
    scan: m('scan'),
    full: m('full'),
    scan50k: m('scan50k'),
    markjs: m('markjs'),
    loadPack: m('loadPack'),
    load50k: m('load50k'),
    fullX: ratio(m('full'), floor),
    scanX: ratio(m('scan'), floor),
    scan50kX: ratio(m('scan50k'), floor),
    floorDirectX: ratio(m('floorDirect'), floor),
    fullVsDirectX: ratio(m('full'), m('floorDirect')),
    markVsFull: ratio(m('markjs'), m('full')),
    markCapped: p.markDone.some((d) => d < p.markKeywords),
    markEstimate: median(p.ms.markjs.map((ms, i) => (ms * p.markKeywords) / Math.max(1, p.markDone[i]))),
    cost: quartiles(p.cost.on.map((on, i) => on.taskMs - (p.cost.off[i]?.taskMs ?? NaN))),
    cs: metric(p.cost.on, 'scriptMs'),
    csX: ratio(metric(p.cost.on, 'scriptMs'), floor),
    cs50k: metric(p.cost50k, 'scriptMs'),
    cs50kX: ratio(metric(p.cost50k, 'scriptMs'), floor),
    mentions: p.mentions,
    marks: p.marks,
  };
}

export function summarize(run: RunResult): Summary {
  const pages = run.pages.map(pageSummary);
  const real = pages.filter((_, i) => !run.pages[i].tiny && !run.pages[i].generated);
  const gi = run.pages.findIndex((p) => p.generated);
  const generated = gi >= 0 ? pages[gi] : null;
  const tasks = run.pages[gi]?.tasks ?? [];
  const over = (list: number[]) => median(list);
  const costed = real.filter((p) => Number.isFinite(p.cost.median));
  const spreadOf = (
    list: PageSummary[],
    key: 'scanX' | 'fullX' | 'scan50kX' | 'floorDirectX' | 'fullVsDirectX' | 'csX' | 'cs50kX' | 'cs',
  ) => quartiles(list.map((p) => p[key]));
  const worst = real.reduce((w, p) => (p.fullX > w.x ? { page: p.name, x: p.fullX } : w), { page: '', x: 0 });
  const s = {
    realPages: real.length,
    floorMedianMs: over(real.map((p) => p.floor)),
    scanX: over(real.map((p) => p.scanX)),
    fullX: over(real.map((p) => p.fullX)),
    scan50kX: over(real.map((p) => p.scan50kX)),
    floorDirectX: over(real.map((p) => p.floorDirectX)),
    fullVsDirectX: over(real.map((p) => p.fullVsDirectX)),
    markVsFull: over(real.map((p) => p.markVsFull)),
    markCappedPages: real.filter((p) => p.markCapped).length,
    markEstimateVsFull: over(real.map((p) => ratio(p.markEstimate, p.full))),
    worstFullX: worst,
    loadPackMs: over(real.map((p) => p.loadPack)),
    load50kMs: over(real.map((p) => p.load50k)),
    spread: {
      scanX: spreadOf(real, 'scanX'),
      fullX: spreadOf(real, 'fullX'),
      scan50kX: spreadOf(real, 'scan50kX'),
      floorDirectX: spreadOf(real, 'floorDirectX'),
      fullVsDirectX: spreadOf(real, 'fullVsDirectX'),
      csX: spreadOf(costed, 'csX'),
      cs50kX: spreadOf(
        costed.filter((p) => Number.isFinite(p.cs50kX)),
        'cs50kX',
      ),
      cs: spreadOf(costed, 'cs'),
      cost: quartiles(costed.map((p) => p.cost.median)),
    },
    generated,
    generatedMaxTaskMs: tasks.length ? Math.max(...tasks.map((t) => t.maxMs)) : NaN,
    generatedMedianMaxTaskMs: median(tasks.map((t) => t.maxMs)),
    generatedLongTasksAfterStart: tasks.map((t) => t.longTasksAfterStart.length),
    generatedLongestTaskGc: tasks.map((t) => {
      const i = t.tasks.indexOf(t.maxMs);
      return { ms: t.maxMs, lessGcMs: t.tasksLessGc?.[i] ?? NaN };
    }),
    disabledMs: metric(run.disabled.ext, 'scriptMs'),
    costPages: costed.length,
    costPairs: Math.max(0, ...run.pages.map((p) => p.cost.on.length)),
    budgets: [] as Budget[],
    pages,
  };
  s.budgets = BUDGETS.map((rule) => {
    const value = rule.value(s, run);
    const measured = Number.isFinite(value);
    return {
      name: rule.name,
      value:
        rule.shown?.(s, run) ??
        `${rule.unit === '×' ? fmtX(value) : rule.unit === 'KB' ? fmtKB(value) : `${fmtMs(value)} ms`}`,
      limit: `${rule.op} ${rule.limit}${rule.unit === '×' ? '×' : ` ${rule.unit}`}`,
      pass: measured ? (rule.op === '≤' ? value <= rule.limit : value >= rule.limit) : null,
    };
  });
  return s;
}

const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

const PAGE_COLUMNS = [
  'page',
  'KB',
  'floor ms',
  'scan',
  'full',
  '50k',
  'mark.js',
  'mark.js/full',
  'extrapolated',
  'mentions',
  'content script ms (/floor)',
  '50k aliases ms (/floor)',
  'cost ms (quartiles)',
];
const pageRow = (p: PageSummary) => [
  p.name.replace(/\.html$/, ''),
  p.kb.toFixed(0),
  fmtMs(p.floor),
  fmtX(p.scanX),
  fmtX(p.fullX),
  fmtX(p.scan50kX),
  `${p.markCapped ? '≥' : ''}${fmtX(ratio(p.markjs, p.floor))}`,
  `${p.markCapped ? '≥' : ''}${fmtX(p.markVsFull)}`,
  fmtX(ratio(p.markEstimate, p.full)),
  String(p.mentions),
  Number.isFinite(p.cs) ? `${fmtMs(p.cs)} (${fmtX(p.csX)})` : '—',
  Number.isFinite(p.cs50k) ? `${fmtMs(p.cs50k)} (${fmtX(p.cs50kX)})` : '—',
  Number.isFinite(p.cost.median) ? `${fmtMs(p.cost.median)} (${fmtMs(p.cost.q1)}–${fmtMs(p.cost.q3)})` : '—',
];

function budgetLines(s: Summary): string[][] {
  return s.budgets.map((b) => [b.pass === null ? 'n/a' : b.pass ? 'pass' : 'MISS', b.name, b.value, b.limit]);
}

function figureLines(run: RunResult, s: Summary): string[][] {
  const g = s.generated;
  const z = run.sizes;
  return [
    ['real pages (≥ 5 KB)', String(s.realPages)],
    ['floor, median page', `${fmtMs(s.floorMedianMs)} ms`],
    ['gloss-scan / floor (median page, quartiles over pages)', fmtSpread(s.spread.scanX)],
    ['gloss-full / floor', `${fmtSpread(s.spread.fullX)}, worst ${fmtX(s.worstFullX.x)} on ${s.worstFullX.page}`],
    ['gloss-scan, 50,000 aliases / floor', fmtSpread(s.spread.scan50kX)],
    ['floor walked like the scanner (no filter, no Map) / floor', fmtSpread(s.spread.floorDirectX)],
    ['gloss-full / floor walked like the scanner', fmtSpread(s.spread.fullVsDirectX)],
    [
      'mark.js / gloss-full',
      `${s.markCappedPages ? '≥ ' : ''}${fmtX(s.markVsFull)}${s.markCappedPages ? ` (lower bound: mark.js stopped at ${run.markCap.timesFull}× gloss-full's time on ${s.markCappedPages} pages)` : ''}`,
    ],
    ['mark.js / gloss-full, mark.js extrapolated to all keywords', fmtX(s.markEstimateVsFull)],
    [
      'matcher load in the page (parse the packed JSON, load), bundled pack / 50,000 aliases',
      `${fmtMs(s.loadPackMs)} ms / ${fmtMs(s.load50kMs)} ms (cold, per page, not in the ratios above)`,
    ],
    [
      `content-script main-thread time per page with Gloss on, start-up included (median of ${s.costPages} pages, quartiles over pages)`,
      `${fmtSpread(s.spread.cs, (v) => `${fmtMs(v)} ms`)}; / floor ${fmtSpread(s.spread.csX)}; with 50,000 aliases / floor ${fmtSpread(s.spread.cs50kX)}`,
    ],
    [
      `page cost: main-thread time with Gloss on less off, same browser, ${s.costPairs} pairs per page (median over ${s.costPages} pages of each page's median; quartiles over pages)`,
      fmtSpread(s.spread.cost, (v) => `${fmtMs(v)} ms`),
    ],
    ...(g
      ? [
          [
            '4 MB page: floor / scan / full / 50k / mark.js',
            `${fmtMs(g.floor)} / ${fmtMs(g.scan)} / ${fmtMs(g.full)} / ${fmtMs(g.scan50k)} / ${fmtMs(g.markjs)} ms`,
          ],
          [
            '4 MB page: ratios to floor (scan, full, 50k, mark.js)',
            [g.scanX, g.fullX, g.scan50kX].map(fmtX).join(', ') +
              `, ${g.markCapped ? '≥ ' : ''}${fmtX(ratio(g.markjs, g.floor))}`,
          ],
          ...(g.markCapped
            ? [
                [
                  '4 MB page: mark.js extrapolated to all keywords',
                  `≈ ${fmtMs(g.markEstimate / 1000)} s (${fmtX(ratio(g.markEstimate, g.floor))} floor)`,
                ],
              ]
            : []),
          [
            '4 MB page: longest content-script task, median load / worst load',
            `${fmtMs(s.generatedMedianMaxTaskMs)} / ${fmtMs(s.generatedMaxTaskMs)} ms`,
          ],
          [
            '4 MB page: longest content-script task per load, and the same task less the V8 garbage collection in it',
            s.generatedLongestTaskGc.map((t) => `${fmtMs(t.ms)} (${fmtMs(t.lessGcMs)})`).join(', ') + ' ms',
          ],
          [
            '4 MB page: main-thread tasks > 50 ms after the content script started (any cause), per load',
            s.generatedLongTasksAfterStart.join(', '),
          ],
          [
            '4 MB page: page cost, main-thread time on less off (median pair, quartiles)',
            fmtSpread(g.cost, (v) => `${fmtMs(v)} ms`),
          ],
        ]
      : []),
    [
      `dynamic page: the page's own DOM work, Gloss on / off (median of ${run.dynamic.ratios.length} loads each)`,
      `${fmtMs(quartiles(run.dynamic.onMs).median)} / ${fmtMs(quartiles(run.dynamic.offMs).median)} ms; ratio per pair ${fmtSpread(run.dynamic.ratio)}`,
    ],
    [
      'dynamic page: the same with only a bare mutation observer in the page / off (what any observer costs, not Gloss)',
      fmtSpread(run.dynamic.observerRatio),
    ],
    ['switched-off site: content-script main-thread time', `${fmtMs(s.disabledMs)} ms`],
    [
      'content.js raw / gzip',
      `${fmtKB(z.contentJs.raw)} / ${fmtKB(z.contentJs.gzip)}${z.packDataInContentScript ? ' (PACK DATA INSIDE)' : ' (no pack data)'}`,
    ],
    ...(z.cardJs
      ? [
          [
            'card.js (the card view, injected on the first card) raw / gzip',
            `${fmtKB(z.cardJs.raw)} / ${fmtKB(z.cardJs.gzip)}`,
          ],
        ]
      : []),
    ['content.css raw / gzip', `${fmtKB(z.contentCss.raw)} / ${fmtKB(z.contentCss.gzip)}`],
    ['pack data (minified JSON) raw / gzip', `${fmtKB(z.packs.raw)} / ${fmtKB(z.packs.gzip)} (${z.packs.files} pack)`],
  ];
}

function textTable(rows: string[][], right: number[] = []): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows
    .map((r) => r.map((cell, c) => (right.includes(c) ? lpad(cell, widths[c]) : pad(cell, widths[c]))).join('  '))
    .join('\n');
}

export function renderTable(run: RunResult, s: Summary): string {
  const shown = s.pages.filter((p, i) => !run.pages[i].tiny);
  return [
    '',
    textTable([PAGE_COLUMNS, ...shown.map(pageRow)], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]),
    '',
    textTable(figureLines(run, s)),
    '',
    textTable(budgetLines(s)),
    '',
  ].join('\n');
}

const mdTable = (head: string[], rows: string[][]) =>
  [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join(
    '\n',
  );

export function renderMarkdown(run: RunResult, s: Summary): string {
  const shown = s.pages.filter((p, i) => !run.pages[i].tiny);
  const m = run.machine;
  return `# Benchmark results

Generated by \`npm run bench${run.quick ? ' -- --quick' : ''}\` on ${run.date.slice(0, 16).replace('T', ' ')} UTC — do not edit by hand.
Machine: ${m.cpu}, ${m.cores} cores, ${m.memGB} GB, ${m.os}, Node ${m.node}. Browser: headless ${run.browser}.
Load average (1, 5, 15 min) at the start / end of the run: ${run.load.start.map((l) => l.toFixed(2)).join(', ')} / ${run.load.end.map((l) => l.toFixed(2)).join(', ')} (the machine is shared).
${run.pages.length - 1} corpus pages (${s.realPages} of them ≥ 5 KB, the only ones in the summary) and the generated 4 MB page; every figure is the median of ${run.reps} fresh loads; the run took ${Math.round(run.durationS / 60)} min.

## Budgets

${mdTable(
  ['', 'budget', 'measured', 'limit'],
  budgetLines(s).map((r) => [
    r[0] === 'pass' ? '✅ pass' : r[0] === 'n/a' ? 'not measured' : '❌ miss',
    r[1],
    r[2],
    r[3],
  ]),
)}

## Figures

${mdTable(['figure', 'value'], figureLines(run, s))}

## How it is measured

- **floor**: one TreeWalker over elements and text below \`<body>\`, rejecting the tags the scanner skips, non-HTML
  elements and \`display: none\` subtrees, reading each element's computed visibility; sums the visible text lengths.
- **floor walked like the scanner**: the same work, but following firstChild/nextSibling with each level's visibility
  on a stack, as \`RunCollector\` does, instead of a TreeWalker whose filter calls into script for every node.
- **gloss-scan**: \`RunCollector\` (page/scanner.ts) over the body, then the matcher on every run; nothing marked.
- **gloss-full**: what the content script does once its matcher is loaded: dark-page check, the walk, then
  \`PageScan.register\` (match, StaticRange, mention store, \`Highlight.add\`). In one go here; the extension cuts it into 4 ms slices.
- **mark.js** 8.11 (npm): the bundled pack's alias texts (deduplicated), \`accuracy: "exactly"\`, \`separateWordSearch: false\`,
  \`diacritics: false\`, last in its load (it rewrites the DOM). mark.js makes one full pass over the page per
  keyword, longest first; we make the same calls one keyword at a time and stop once mark.js has spent
  ${run.markCap.timesFull}× gloss-full's time of that load (at least ${run.markCap.minMs} ms, at most ${run.markCap.maxMs} ms; ${run.markCap.generatedMs / 1000} s on the 4 MB page):
  the measured time is then a lower bound ("≥"), and "extrapolated" scales it by keywords / keywords done.
- **50,000 aliases**: the pack's aliases plus generated names (bench/fixtures.ts, seeded), gloss-scan only.
- The matchers are packed in Node as the extension's background packs them (\`packMatcher\`) and fetched by the page
  before any timing; **matcher load** times what the content script does with the background's reply: \`JSON.parse\`
  (for the message's deserialization) and \`loadMatcher\`, cold, once per page.
- Methods are timed in the page with \`performance.now()\`, each followed by a forced layout, after the page has been
  laid out and garbage-collected.
  The order of the methods rotates page by page and load by load; ratios are per page, then the median over pages.
- **page cost** and **content-script time**: a Chrome trace of each load, from navigation until the main thread is
  quiet (< 1 ms of tasks in 100 ms). One browser with the built extension; each page is loaded with Gloss switched on
  and switched off for the site (\`chrome.storage.local\`), ${s.costPairs} pairs, which state goes first alternating.
  Page cost: all main-thread tasks of the renderer that parsed the page, on less off, per pair. Content-script
  time: the tasks that ran content-script code with Gloss on (receiving and loading the matcher, the scan, the
  marks), over the page's in-page floor. ${s.costPages} pages spread over the sizes. With 50,000 aliases: a generated
  pack (bench/fixtures.ts) imported into the extension's storage beside the bundled one, the same pages, ${run.reps} loads.
- **longest task** and **switched-off site**: a Chrome trace of a load with the built extension; every top-level
  main-thread task that runs code of \`content-scripts/content.js\`. The site is switched off through
  \`chrome.storage.local\` (\`sites: { mode: "except", sites: ["127.0.0.1"] }\`); pages: ${run.disabled.pages.join(', ')}.
  "Less the V8 garbage collection" subtracts the trace's MinorGC and MajorGC events inside the task: V8 collects in
  whichever task is running script when the heap asks for it, so those pauses land in ours or in another.
  A task traced twice (RunTask around ThreadControllerImpl::RunTask) counts once.
- **dynamic page**: bench/dynamic.ts. A generated page with 3,000 mentions; the page then runs 20,000 rounds of: append
  and remove a span in a paragraph with mentions, set a ticker's text, append and remove a text node, in tasks of 100
  rounds, each timed in the page. One browser with the built extension; per pair the page is loaded with Gloss on
  (after it marked all 3,000), switched off for the site, and switched off with a bare mutation observer of Gloss's
  options added by the page itself, in a rotating order. Only the page's own loop is timed, not Gloss's tasks.
- Content script sizes: \`.output/chrome-mv3/content-scripts/content.js\` (and \`card.js\`, which the background injects
  when a page's first card opens), gzip level 9; 1 KB = 1000 bytes.

## Per page (≥ 5 KB; ratios to the floor, mark.js also to gloss-full; content script and cost on the cost pages only)

${mdTable(PAGE_COLUMNS, shown.map(pageRow))}
`;
}

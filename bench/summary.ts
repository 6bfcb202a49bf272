/** The benchmark's figures: per-page medians and the summary against the budgets (bench/report.ts renders them). */
import type { Metrics } from './loads';
import type { SizeFigures } from './size';
import type { DynamicResult } from './dynamic';
import { fmtKB, fmtMs, fmtSpread, fmtX, median, quartiles, ratio, type Quartiles } from './stats';
import type { ContentScriptTasks } from './trace';

/**
 * Reference content scripts (bench/reference-content.ts): one settings message; the floor's walk;
 * the message, then the walk. What any content script that reads the page costs, timed as Gloss's.
 */
export const REFERENCES = ['message', 'walk', 'message-walk'] as const;
export type Reference = (typeof REFERENCES)[number];

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
  /** gloss-full walked the page: its first look at the rendered text found a name (false: skipped). */
  walked?: boolean;
  marks: number;
  /** Keywords mark.js got through per load before the cap (all of them when not capped). */
  markDone: number[];
  markKeywords: number;
  /** Loads of the extension's browser with Gloss switched on and off for the site, pair by pair. */
  cost: { on: Metrics[]; off: Metrics[] };
  /** Loads with Gloss on and a generated pack imported (50,000 aliases in all). */
  cost50k: Metrics[];
  /** Loads with a reference content script in place of Gloss's (bench/reference.ts); cost pages only. */
  reference: Partial<Record<Reference, Metrics[]>>;
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

export interface PageSummary {
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
  /** A reference content script's time per load (median) over the floor. */
  referenceX: Partial<Record<Reference, number>>;
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
  /** Real pages whose rendered text named somebody, so gloss-full walked them. */
  walkedPages: number;
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
  /** Per reference content script: its time over the floor, quartiles over the cost pages. */
  referenceX: Partial<Record<Reference, Quartiles>>;
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
    referenceX: Object.fromEntries(
      Object.entries(p.reference).map(([reference, loads]) => [reference, ratio(metric(loads, 'scriptMs'), floor)]),
    ),
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
    walkedPages: run.pages.filter((p) => !p.tiny && !p.generated && p.walked !== false).length,
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
    referenceX: Object.fromEntries(
      REFERENCES.map((reference) => {
        const measured = costed.map((p) => p.referenceX[reference]).filter((x) => x !== undefined);
        return [reference, quartiles(measured)];
      }),
    ),
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

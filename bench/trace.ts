/**
 * Main-thread tasks of the content script, from a Chrome trace of one page load: every top-level
 * task on the page's renderer main thread that runs any code of `content-scripts/content.js`.
 * Exact where `Performance.getMetrics` deltas are noisy, and it tells one long task from many short.
 */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: {
    name?: string;
    data?: { url?: string; scriptName?: string; frame?: string };
    chrome_mojo_event_info?: { mojo_interface_tag?: string };
  };
}

export interface ContentScriptTasks {
  /** Durations (ms) of the top-level tasks that ran content-script code. */
  tasks: number[];
  /** The same tasks less the V8 garbage collections inside them (MinorGC, MajorGC). */
  tasksLessGc: number[];
  totalMs: number;
  maxMs: number;
  /** Every main-thread task over 50 ms after the content script first ran, whatever its cause. */
  longTasksAfterStart: number[];
  /** All top-level tasks of the main threads of renderers that parsed a document during the trace. */
  mainThreadMs: number;
}

const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'v8'].join(
  ',',
);
const SCRIPT = 'content-scripts/content.js';
/**
 * A task that receives an extension message runs the content script's reply handlers (settings,
 * the matcher: loading it is most of such a task), yet its trace events name no script: the
 * promise continuations run as microtasks. The page under test has no other extension.
 */
const EXTENSION_PORT = 'extensions.mojom.MessagePort';

/** Loads `url` in `page` while tracing; `settle` waits until the content script is done. */
export async function traceLoad(
  context: BrowserContext,
  page: Page,
  url: string,
  settle: () => Promise<void>,
): Promise<ContentScriptTasks> {
  const cdp: CDPSession = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => {
    events.push(...(e.value as unknown as TraceEvent[]));
  });
  const complete = new Promise<void>((done) => cdp.once('Tracing.tracingComplete', () => done()));
  await cdp.send('Tracing.start', { categories: CATEGORIES, transferMode: 'ReportEvents' });
  await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
  await settle();
  await cdp.send('Tracing.end');
  await complete;
  await cdp.detach();
  return contentScriptTasks(events);
}

export function contentScriptTasks(events: TraceEvent[]): ContentScriptTasks {
  const mainThreads = new Set(
    events
      .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const onMain = (e: TraceEvent) => mainThreads.has(`${e.pid}:${e.tid}`);
  const ours = events.filter((e) => {
    const data = e.args?.data;
    return (
      onMain(e) &&
      typeof e.ts === 'number' &&
      (data?.url?.includes(SCRIPT) ||
        data?.scriptName?.includes(SCRIPT) ||
        e.args?.chrome_mojo_event_info?.mojo_interface_tag === EXTENSION_PORT)
    );
  });
  // A task may be traced twice, nested (RunTask around ThreadControllerImpl::RunTask): keep the outer one.
  const tops: TraceEvent[] = [];
  const endOf = new Map<string, number>();
  for (const e of events
    .filter(
      (e) => onMain(e) && e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.dur,
    )
    .sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0))) {
    const key = `${e.pid}:${e.tid}`;
    if (e.ts < (endOf.get(key) ?? -Infinity)) continue;
    tops.push(e);
    endOf.set(key, e.ts + (e.dur ?? 0));
  }
  const gcs = events.filter(
    (e) => onMain(e) && e.ph === 'X' && (e.name === 'MinorGC' || e.name === 'MajorGC') && e.dur,
  );
  const threads = new Set(ours.map((e) => `${e.pid}:${e.tid}`));
  const hit = new Set<TraceEvent>();
  for (const event of ours) {
    const key = `${event.pid}:${event.tid}`;
    const task = tops.find((t) => `${t.pid}:${t.tid}` === key && t.ts <= event.ts && event.ts <= t.ts + (t.dur ?? 0));
    if (task) hit.add(task);
  }
  const tasks = [...hit].map((t) => (t.dur ?? 0) / 1000);
  const gcIn = (t: TraceEvent) =>
    gcs
      .filter((g) => g.pid === t.pid && g.tid === t.tid && g.ts >= t.ts && g.ts + (g.dur ?? 0) <= t.ts + (t.dur ?? 0))
      .reduce((sum, g) => sum + (g.dur ?? 0), 0);
  const tasksLessGc = [...hit].map((t) => ((t.dur ?? 0) - gcIn(t)) / 1000);
  const first = ours.length ? Math.min(...ours.map((e) => e.ts)) : Infinity;
  const longTasksAfterStart = tops
    .filter((t) => threads.has(`${t.pid}:${t.tid}`) && t.ts + (t.dur ?? 0) >= first && (t.dur ?? 0) > 50_000)
    .map((t) => (t.dur ?? 0) / 1000);
  // Only the renderers that parsed a document during the trace: other tabs' idle renderers are not this load.
  const pageThreads = new Set(
    events.filter((e) => e.name === 'ParseHTML' && onMain(e)).map((e) => `${e.pid}:${e.tid}`),
  );
  return {
    mainThreadMs:
      tops.filter((t) => pageThreads.has(`${t.pid}:${t.tid}`)).reduce((sum, t) => sum + (t.dur ?? 0), 0) / 1000,
    tasks,
    tasksLessGc,
    totalMs: tasks.reduce((a, b) => a + b, 0),
    maxMs: tasks.length ? Math.max(...tasks) : 0,
    longTasksAfterStart,
  };
}

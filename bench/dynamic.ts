/**
 * The page's own DOM work with Gloss and without: a generated page with 3,000 mentions that keeps
 * changing (a feed, a ticker, a comment loader), in one browser with the built extension, the same
 * page loaded alternately with Gloss switched on and off for the site. What Gloss keeps in the page
 * (ranges, highlights, its mutation observer) can tax every DOM change the page makes; this
 * measures that tax and nothing of Gloss's own tasks.
 *
 * Each "pair" is three loads in a rotating order: on, off, and off with a bare observer (the part
 * of the cost any mutation observer has).
 *
 * `tsx bench/dynamic.ts [--pairs N] [--build DIR]...`: several builds (e.g. a copy of the build
 * before a change) are measured in turn in one run.
 */
import { launchChromium, type Launched } from '../scripts/chromium';
import { servePages, type PageServer } from '../scripts/serve';
import { onlyFrom, pageState, setSite, Tab } from './loads';
import { quartiles, type Quartiles } from './stats';

export const DYNAMIC_PATH = '/dynamic-3000.html';
export const DYNAMIC_MENTIONS = 3_000;
export const DYNAMIC_ROUNDS = 20_000;
/** Rounds per task: the page yields between batches, so Gloss's observer runs as it would on a live site. */
const BATCH = 100;

/** Aliases of the bundled pack that match on their own, one mention each. */
const NAMES = ['Tokayev', 'Kazakhstan', 'Putin', 'Almaty', 'Nazarbayev', 'Kremlin', 'NATO', 'Moscow', 'Russia', 'CSTO'];
const FILLER = 'said the report on the talks about the region in the morning while officials met';

/**
 * 300 paragraphs of 10 mentions each, the first of them the live one the loop appends to (so its
 * marks are rescanned as the page changes it), a ticker and a feed.
 */
export function dynamicPage(mentions = DYNAMIC_MENTIONS): string {
  const parts = [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Dynamic page</title>',
    '<style>body{font:16px/1.5 serif;max-width:40em;margin:auto}</style></head><body>',
    '<div id="ticker">Markets open</div><div id="feed"></div><article>',
  ];
  for (let i = 0; i < mentions; i += 10) {
    const words: string[] = [];
    for (let j = 0; j < 10 && i + j < mentions; j++)
      words.push(
        `${NAMES[(i + j) % NAMES.length]} ${FILLER.split(' ')
          .slice(0, 3 + (j % 5))
          .join(' ')}`,
      );
    parts.push(`<p${i ? '' : ' id="live"'}>${words.join(', ')}.</p>`);
  }
  parts.push('</article></body></html>');
  return parts.join('\n');
}

/**
 * Runs in the page (main world): the loop in batches, each timed; resolves to the sum of the
 * batches. A string, not a function: tsx's transform would wrap nested functions in a helper the
 * page does not have.
 */
const PAGE_LOOP = `(async ({ rounds, batch }) => {
  const live = document.getElementById('live');
  const ticker = document.getElementById('ticker');
  const feed = document.getElementById('feed');
  const channel = new MessageChannel();
  let done = 0;
  let ms = 0;
  return new Promise((resolve) => {
    const step = () => {
      const t0 = performance.now();
      const end = Math.min(rounds, done + batch);
      for (; done < end; done++) {
        const span = document.createElement('span');
        span.textContent = 'update ' + done;
        live.appendChild(span);
        live.removeChild(span);
        ticker.textContent = 'Markets ' + done;
        const text = document.createTextNode('comment ' + done);
        feed.appendChild(text);
        feed.removeChild(text);
      }
      ms += performance.now() - t0;
      if (done < rounds) channel.port2.postMessage(null);
      else resolve(ms);
    };
    channel.port1.onmessage = step;
    step();
  });
})`;

/**
 * Switched off, plus a mutation observer in the page with Gloss's options and a callback that does
 * nothing: what any observer costs the page's DOM work, the part no change to Gloss can remove.
 */
const BARE_OBSERVER = `new MutationObserver((records) => { window.__records = (window.__records || 0) + records.length; })
  .observe(document, { childList: true, subtree: true, characterData: true })`;

type Mode = 'on' | 'off' | 'observer';

export interface DynamicResult {
  build: string;
  onMs: number[];
  offMs: number[];
  observerMs: number[];
  /** on / off per pair. */
  ratios: number[];
  ratio: Quartiles;
  /** A bare observer / off per pair. */
  observerRatio: Quartiles;
  mentionsOn: number;
}

/** One load with the site switched on or off; returns the page's own loop time. */
async function oneLoad(
  launched: Launched,
  tab: Tab,
  server: PageServer,
  mode: Mode,
): Promise<{ ms: number; mentions: number }> {
  const on = mode === 'on';
  await setSite(launched.worker, on ? 'on' : 'off');
  await tab.page.goto(server.origin + DYNAMIC_PATH, { waitUntil: 'load' });
  if (mode === 'observer') await tab.page.evaluate(BARE_OBSERVER);
  await tab.quiet(on ? 500 : 300, 60_000);
  let mentions = 0;
  if (on) {
    // The scan must be complete before the loop: the loop measures a page with all its marks.
    for (let i = 0; i < 100; i++) {
      mentions = (await pageState(launched.worker))?.mentions ?? 0;
      if (mentions >= DYNAMIC_MENTIONS) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    if (mentions < DYNAMIC_MENTIONS)
      throw new Error(`Gloss found ${mentions} mentions on the dynamic page, expected ${DYNAMIC_MENTIONS}`);
  }
  const ms = (await tab.page.evaluate(
    `${PAGE_LOOP}(${JSON.stringify({ rounds: DYNAMIC_ROUNDS, batch: BATCH })})`,
  )) as number;
  return { ms, mentions };
}

/** `pairs` pairs of loads (on, off; which goes first alternates) in one browser with `build`. */
export async function measureDynamic(
  server: PageServer,
  pairs: number,
  log: (msg: string) => void,
  build?: string,
): Promise<DynamicResult> {
  const launched = await launchChromium({ extension: true, build });
  const result: DynamicResult = {
    build: build ?? 'current',
    onMs: [],
    offMs: [],
    observerMs: [],
    ratios: [],
    ratio: quartiles([]),
    observerRatio: quartiles([]),
    mentionsOn: 0,
  };
  try {
    await onlyFrom(launched.context, server.origin);
    const tab = await Tab.open(launched.context);
    await tab.page.bringToFront();
    for (let i = 0; i < pairs; i++) {
      const modes: Mode[] = ['on', 'off', 'observer'];
      const order = [...modes.slice(i % 3), ...modes.slice(0, i % 3)];
      const pair: Partial<Record<Mode, number>> = {};
      for (const mode of order) {
        const r = await oneLoad(launched, tab, server, mode);
        pair[mode] = r.ms;
        if (mode === 'on') result.mentionsOn = r.mentions;
      }
      result.onMs.push(pair.on!);
      result.offMs.push(pair.off!);
      result.observerMs.push(pair.observer!);
      result.ratios.push(pair.on! / pair.off!);
      log(
        `dynamic page (${result.build}) pair ${i + 1}/${pairs}: on ${pair.on!.toFixed(0)} ms, off ${pair.off!.toFixed(0)} ms, bare observer ${pair.observer!.toFixed(0)} ms`,
      );
    }
    result.ratio = quartiles(result.ratios);
    result.observerRatio = quartiles(result.observerMs.map((ms, i) => ms / result.offMs[i]!));
  } finally {
    await setSite(launched.worker, 'on').catch(() => undefined);
    await launched.close();
  }
  return result;
}

if (process.argv[1]?.endsWith('dynamic.ts')) {
  const args = process.argv.slice(2);
  const pairsAt = args.indexOf('--pairs');
  const pairs = pairsAt >= 0 ? Number(args[pairsAt + 1]) : 10;
  const builds = args.flatMap((a, i) => (a === '--build' ? [args[i + 1]!] : []));
  const started = Date.now();
  const log = (msg: string) => console.error(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}`);
  const server = await servePages({ [DYNAMIC_PATH]: dynamicPage() });
  try {
    for (const build of builds.length ? builds : [undefined]) {
      const r = await measureDynamic(server, pairs, log, build);
      const q = r.ratio;
      console.log(
        `${r.build}: on/off ${q.median.toFixed(2)}× (quartiles ${q.q1.toFixed(2)}–${q.q3.toFixed(2)}, n=${r.ratios.length}); ` +
          `on median ${quartiles(r.onMs).median.toFixed(0)} ms, off median ${quartiles(r.offMs).median.toFixed(0)} ms; ` +
          `a bare observer / off ${r.observerRatio.median.toFixed(2)}× (${r.observerRatio.q1.toFixed(2)}–${r.observerRatio.q3.toFixed(2)})`,
      );
    }
  } finally {
    await server.close();
  }
}

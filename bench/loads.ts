/**
 * One fresh load of a page, three ways: with the in-page bench script (no extension), plain for
 * the page-cost baseline, and with the built extension. Each load is a navigation of a long-lived
 * tab: a new document, a new JS realm, a newly injected content script.
 */
import type { BrowserContext, CDPSession, Page, Worker } from 'playwright-core';
import { registrationSettled } from '../scripts/chromium';
import { traceLoad } from './trace';

/** Code passed to `worker.evaluate` runs in the extension's service worker, where `chrome` exists. */
declare const chrome: any;

export interface Metrics {
  /** Renderer main-thread task time (CDP metrics: TaskDuration; traces: all top-level tasks). */
  taskMs: number;
  /** CDP metrics: ScriptDuration; traces: the tasks that ran content-script code. */
  scriptMs: number;
}

export class Tab {
  private constructor(
    readonly page: Page,
    readonly cdp: CDPSession,
  ) {}

  static async open(context: BrowserContext, initScript?: string): Promise<Tab> {
    const page = await context.newPage();
    if (initScript) await page.addInitScript({ content: initScript });
    const cdp = await context.newCDPSession(page);
    // The in-page tab needs no metrics.
    if (!initScript) await cdp.send('Performance.enable');
    return new Tab(page, cdp);
  }

  async metrics(): Promise<Metrics> {
    const { metrics } = (await this.cdp.send('Performance.getMetrics')) as {
      metrics: { name: string; value: number }[];
    };
    const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
    return { taskMs: get('TaskDuration'), scriptMs: get('ScriptDuration') };
  }

  /**
   * Waits until the renderer's main thread has gone quiet: less than 1 ms of tasks in 100 ms,
   * and at least `minMs` after load (the content script starts at document_idle and then waits
   * for storage and the service worker, so a short lull right after load is not the end).
   */
  async quiet(minMs = 300, maxMs = 20_000): Promise<void> {
    const start = Date.now();
    let last = (await this.metrics()).taskMs;
    for (;;) {
      await new Promise((r) => setTimeout(r, 100));
      const now = (await this.metrics()).taskMs;
      const elapsed = Date.now() - start;
      // abs: a navigation may move the page to a new renderer process, whose counters start at 0.
      if ((Math.abs(now - last) < 1 && elapsed >= minMs) || elapsed > maxMs) return;
      last = now;
    }
  }

  /**
   * Main-thread time of one load until the page (and any extension) settles, from a trace: all
   * renderer main-thread tasks, and those that ran content-script code. (Performance.getMetrics
   * deltas break when a navigation moves the page to a new renderer process.)
   */
  async costOf(context: BrowserContext, url: string): Promise<Metrics> {
    const trace = await traceLoad(context, this.page, url, () => this.quiet());
    return { taskMs: trace.mainThreadMs, scriptMs: trace.totalMs };
  }

  close(): Promise<void> {
    return this.page.close();
  }
}

/**
 * Nothing outside this machine can answer: a request to another origin than `origin` fails at once
 * instead of waiting for its timeout, the same way in every browser of a run.
 */
export async function onlyFrom(context: BrowserContext, origin: string): Promise<void> {
  await context.route(
    (u) => !u.href.startsWith(origin),
    (route) => route.abort(),
  );
}

export type SiteSwitch = 'on' | 'off';

/** Writes the sites setting (v2 shape, shared/settings.ts) so 127.0.0.1 is switched on or off. */
export async function setSite(worker: Worker, state: SiteSwitch): Promise<void> {
  const sites = { mode: 'except', sites: state === 'off' ? ['127.0.0.1'] : [], otherSites: [] };
  await worker.evaluate((value) => chrome.storage.local.set({ sites: value, sites$: { v: 2 } }), sites);
  // Switched off, the content script is not even injected: wait until the browser knows.
  await registrationSettled(worker);
}

/** What the content script of the active tab says about itself (the side panel's own question). */
export async function pageState(worker: Worker): Promise<{ enabled: boolean; mentions: number } | null> {
  return worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    try {
      const reply = await chrome.tabs.sendMessage(tab.id, { type: 'gloss:get-mentions' });
      return { enabled: reply.enabled, mentions: reply.mentions.length };
    } catch {
      return null;
    }
  });
}

/** Replaces the imported packs (the options page's import, without its checks) and waits for the background to see it. */
export async function importPacks(worker: Worker, packs: unknown[]): Promise<void> {
  await worker.evaluate(
    (packs) => chrome.storage.local.set({ 'imported-packs': packs, 'imported-packs$': { v: 1 } }),
    packs,
  );
}

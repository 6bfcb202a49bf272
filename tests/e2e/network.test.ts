/**
 * Zero network requests from the extension: a browsing run (pages with mentions, a hover card, a
 * site switch, every extension page) recorded twice: by playwright for pages and extension pages,
 * and by Chromium's own net log, which also sees the service worker and the content script.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servePages, type PageServer } from '../../scripts/serve';
import { MENTIONS_PAGE } from '../fixtures/pages';
import { answeredMentions, hoverText, launchGloss, sendToPage, tabIdOf, type Gloss } from './harness';

let gloss: Gloss;
let server: PageServer;
const netLog = join(mkdtempSync(join(tmpdir(), 'gloss-netlog-')), 'net.json');
const seen: { url: string; from: string }[] = [];

beforeAll(async () => {
  server = await servePages({ '/mentions.html': MENTIONS_PAGE });
  gloss = await launchGloss({ args: [`--log-net-log=${netLog}`, '--net-log-capture-mode=Default'] });
  gloss.context.on('request', (request) => {
    let from = 'unknown';
    try {
      from = request.frame().url();
    } catch {
      from = request.serviceWorker()?.url() ?? 'service worker';
    }
    seen.push({ url: request.url(), from });
  });
});

afterAll(async () => {
  // Closed by the test to flush the net log; again here in case it failed before that.
  await gloss?.close().catch(() => undefined);
  await server?.close();
});

/** Where a URL goes: our local server, the extension's own files, or anywhere else. */
const isLocal = (url: string, origin: string) =>
  url.startsWith(origin) || url.startsWith('chrome-extension://') || url.startsWith('data:') || url === 'about:blank';

describe('network', () => {
  it('the extension makes no request while browsing', async () => {
    const page = await gloss.context.newPage();
    await page.goto(`${server.origin}/mentions.html`);
    const tabId = await tabIdOf(gloss, page);
    await answeredMentions(gloss, tabId);
    await hoverText(page, 'Almaty');
    await page.locator('gloss-ui .card h2').waitFor({ state: 'visible' });
    await sendToPage(gloss, tabId, { type: 'gloss:toggle-site' });
    await sendToPage(gloss, tabId, { type: 'gloss:toggle-site' });
    await page.reload();
    await answeredMentions(gloss, tabId);

    for (const path of [`sidepanel.html?tabId=${tabId}`, 'popup.html', 'options.html']) {
      const ext = await gloss.context.newPage();
      await ext.goto(`chrome-extension://${gloss.extensionId}/${path}`);
      await ext.waitForLoadState('load');
      await ext.waitForTimeout(500);
      await ext.close();
    }
    await page.close();

    const outside = seen.filter((r) => !isLocal(r.url, server.origin));
    // Requests made by extension pages, other than for their own files.
    const fromExtension = seen.filter(
      (r) => r.from.startsWith('chrome-extension://') && !r.url.startsWith('chrome-extension://'),
    );
    expect(outside).toEqual([]);
    expect(fromExtension).toEqual([]);

    // Chromium's net log is complete only once the browser has closed.
    await gloss.close();
    expect(existsSync(netLog)).toBe(true);
    const text = readFileSync(netLog, 'utf8');
    let log;
    try {
      log = JSON.parse(text);
    } catch {
      // A browser that did not finish writing leaves the events list open.
      log = JSON.parse(`${text.trim().replace(/,$/, '')}]}`);
    }
    const types: Record<string, number> = log.constants.logEventTypes;
    const start = types.URL_REQUEST_START_JOB;
    const requests = (log.events as { type: number; params?: { url?: string; initiator?: string } }[])
      .filter((e) => e.type === start && e.params?.url)
      .map((e) => ({ url: e.params!.url!, initiator: e.params!.initiator ?? '' }));
    const byExtension = requests.filter(
      (r) => r.initiator.startsWith('chrome-extension://') && !r.url.startsWith('chrome-extension://'),
    );
    // Off this machine, asked for by a page or the extension (a content script's request carries the
    // page's origin). Chromium's own update and account checks carry no origin: not ours.
    const elsewhere = requests.filter(
      (r) =>
        /^https?:/.test(r.url) && !r.url.startsWith(server.origin) && /^(https?|chrome-extension):/.test(r.initiator),
    );
    console.log(
      `network: ${seen.length} requests seen by playwright, ${requests.length} in the net log, ${byExtension.length} by the extension, ${elsewhere.length} off this machine`,
    );
    expect(byExtension).toEqual([]);
    expect(elsewhere).toEqual([]);
  });
});

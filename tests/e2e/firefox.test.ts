import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servePages, type PageServer } from '../../scripts/serve';
import { deepPage } from '../fixtures/hostile-pages';
import { MENTIONS_EXPECTED, MENTIONS_PAGE, page as fixture } from '../fixtures/pages';
import type { Page } from 'puppeteer-core';
import {
  EXTENSION_ORIGIN,
  firefoxMentions,
  firefoxStorage,
  highlightedTexts,
  launchFirefoxGloss,
  restOnBold,
  waitUntil,
  type FirefoxGloss,
} from './firefox-harness';

let gloss: FirefoxGloss;
let server: PageServer;
/** Opened before Gloss was installed. */
let openedBefore: Page;

beforeAll(async () => {
  server = await servePages({
    '/blank.html': fixture('<p>blank</p>'),
    '/mentions.html': MENTIONS_PAGE,
    // Chromium itself crashes on this page (hostile.test.ts); Firefox lays it out.
    '/deep.html': deepPage(10_000, ['div', 'span']),
  });
  gloss = await launchFirefoxGloss(server.origin, async (browser) => {
    openedBefore = await browser.newPage();
    await openedBefore.goto(`${server.origin}/mentions.html?before`);
    // Lost on a reload: proves the marks came to this very document.
    await openedBefore.evaluate(() => ((window as unknown as { openedBefore: boolean }).openedBefore = true));
  });
});

afterAll(async () => {
  await gloss?.close();
  await server?.close();
});

const snapshot = `document.addEventListener('DOMContentLoaded', () => { window.__before = document.documentElement.outerHTML; });`;

describe('Firefox ESR', () => {
  it('on install marks the tab already open without a reload, and opens the welcome page', async () => {
    const expectedTexts = MENTIONS_EXPECTED.map(([, text]) => text);
    await waitUntil(async () => (await highlightedTexts(openedBefore)).length === expectedTexts.length);
    expect(await highlightedTexts(openedBefore)).toEqual(expectedTexts);
    expect(await openedBefore.evaluate(() => 'openedBefore' in window)).toBe(true);
    // Asked of the extension itself: automation does not see the URLs of moz-extension:// tabs.
    const tabUrls = () =>
      gloss.extension.evaluate(async () => {
        const { browser } = globalThis as unknown as {
          browser: { tabs: { query(q: object): Promise<{ url?: string }[]> } };
        };
        return (await browser.tabs.query({})).map((tab) => tab.url ?? '');
      });
    await waitUntil(async () => (await tabUrls()).includes(`${EXTENSION_ORIGIN}/welcome.html`));
    // Firefox's browserAction: the toolbar button says the site is on.
    const title = () =>
      gloss.extension.evaluate(async () => {
        type Api = {
          tabs: { query(q: object): Promise<{ id: number; url?: string }[]> };
          browserAction: { getTitle(d: object): Promise<string> };
        };
        const { browser } = globalThis as unknown as { browser: Api };
        const tab = (await browser.tabs.query({})).find((t) => t.url?.endsWith('/mentions.html?before'));
        return tab ? browser.browserAction.getTitle({ tabId: tab.id }) : null;
      });
    await waitUntil(async () => (await title()) === 'Gloss: on for 127.0.0.1');
    await openedBefore.close();
  });

  it('finds the mentions, marks them, keeps the DOM, shows the card and follows the site switch', async () => {
    const page = await gloss.browser.newPage();
    await page.evaluateOnNewDocument(snapshot);
    const url = `${server.origin}/mentions.html`;
    await page.goto(url);

    const expectedTexts = MENTIONS_EXPECTED.map(([, text]) => text);
    await waitUntil(async () => (await highlightedTexts(page)).length === expectedTexts.length);
    expect(await highlightedTexts(page)).toEqual(expectedTexts);
    const reply = await firefoxMentions(gloss, url);
    expect(reply?.mentions.map((m) => [m.entityId, m.text])).toEqual(MENTIONS_EXPECTED);

    // Hover: the card opens with the entity's name.
    await restOnBold(page, 'Almaty');
    await waitUntil(() =>
      page.evaluate(
        () => document.querySelector('gloss-ui')?.shadowRoot?.querySelector('.card h2')?.textContent === 'Almaty',
      ),
    );

    // The page's DOM is what it was, apart from our one host.
    const dom = await page.evaluate(() => {
      const clone = document.documentElement.cloneNode(true) as HTMLElement;
      const hosts = clone.querySelectorAll('gloss-ui');
      hosts.forEach((h) => h.remove());
      return {
        html: clone.outerHTML,
        hosts: hosts.length,
        before: (window as unknown as { __before: string }).__before,
      };
    });
    expect(dom.hosts).toBe(1);
    expect(dom.html).toBe(dom.before);

    // Switching the site off removes every mark and our host without a reload, and back on.
    await firefoxStorage(gloss, { sites: { mode: 'except', sites: ['127.0.0.1'] } });
    await waitUntil(async () => (await highlightedTexts(page)).length === 0);
    expect(await page.evaluate(() => document.querySelector('gloss-ui'))).toBeNull();
    await firefoxStorage(gloss, { sites: { mode: 'except', sites: [] } });
    await waitUntil(async () => (await highlightedTexts(page)).length === expectedTexts.length);
    await page.close();
  });

  it('says how to open the sidebar when Firefox refuses to open it from the card, and keeps the entity for it', async () => {
    const page = await gloss.browser.newPage();
    await page.goto(`${server.origin}/mentions.html`);
    await waitUntil(async () => (await highlightedTexts(page)).length === MENTIONS_EXPECTED.length);
    await restOnBold(page, 'Almaty');
    const cardButton = (label: string) =>
      page.evaluate((label) => {
        const card = document.querySelector('gloss-ui')?.shadowRoot?.querySelector('.card');
        const button = [...(card?.querySelectorAll('button') ?? [])].find((b) => b.textContent === label);
        if (!button) return null;
        const r = button.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }, label);
    await waitUntil(async () => (await cardButton('Open in sidebar')) !== null);
    const at = (await cardButton('Open in sidebar'))!;
    await page.mouse.move(at.x, at.y, { steps: 3 });
    await page.mouse.click(at.x, at.y);
    await waitUntil(() =>
      page.evaluate(() => !!document.querySelector('gloss-ui')?.shadowRoot?.querySelector('.card .hint')),
    );
    const hint = await page.evaluate(
      () => document.querySelector('gloss-ui')!.shadowRoot!.querySelector('.card .hint')!.textContent,
    );
    expect(hint).toMatch(/toolbar button or with Alt\+Shift\+S/);
    const focus = await gloss.extension.evaluate(() =>
      (
        globalThis as unknown as {
          browser: { storage: { session: { get(k: string): Promise<Record<string, { entityId: string }>> } } };
        }
      ).browser.storage.session.get('sidebar-focus'),
    );
    expect(focus['sidebar-focus']?.entityId).toBe('almaty');
    await page.close();
  });

  it('copes with 10,000-deep nesting: every mention, the page unchanged', async () => {
    const page = await gloss.browser.newPage();
    const url = `${server.origin}/deep.html`;
    await page.goto(url);
    await waitUntil(async () => (await firefoxMentions(gloss, url))?.mentions.length === 100, 60_000);
    expect(await highlightedTexts(page)).toEqual(Array(100).fill('Kazakhstan'));
    // The page's own count of its elements, taken before Gloss started, is still the count.
    const counts = await page.evaluate(() => [
      (window as unknown as { __behaviour: string }).__behaviour,
      String(document.getElementsByTagName('*').length),
    ]);
    expect(counts[1]).toBe(counts[0]);
    await page.close();
  }, 120_000);

  it('keeps a site list saved in Options in sync storage (or on the device), the page obeys; the info names Firefox', async () => {
    const url = `${server.origin}/mentions.html?sync`;
    const page = await gloss.browser.newPage();
    await page.goto(url);
    await waitUntil(async () => (await highlightedTexts(page)).length === MENTIONS_EXPECTED.length);
    const options = await gloss.browser.newPage();
    await options.goto(`${server.origin}/blank.html`);
    await options.evaluate((url) => (location.href = url), `${EXTENSION_ORIGIN}/options.html`);
    await options.waitForSelector('[data-testid="sync-state"]');
    const state = await options.$eval('[data-testid="sync-state"]', (el) => el.getAttribute('data-state'));
    expect(['sync', 'unavailable']).toContain(state);
    await options.$eval('#site-list', (el) => {
      (el as HTMLTextAreaElement).value = '127.0.0.1';
      el.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await options.$eval('#sites button[type="submit"]', (el) => (el as HTMLButtonElement).click());
    // The open page reads the list from where it is kept and switches off, live.
    await waitUntil(async () => (await highlightedTexts(page)).length === 0);
    const stored = await gloss.extension.evaluate(async () => {
      const { storage } = (globalThis as unknown as { browser: { storage: Record<string, any> } }).browser;
      return {
        local: (await storage.local.get('sites')).sites?.sites,
        sync: storage.sync ? (await storage.sync.get('sites')).sites?.sites : undefined,
      };
    });
    expect(stored.local).toEqual(['127.0.0.1']);
    if (state === 'sync') expect(stored.sync).toEqual(['127.0.0.1']);
    // Firefox says its own name and version (runtime.getBrowserInfo).
    const info = () => options.$eval('[data-testid="diagnostics-text"]', (el) => (el as HTMLTextAreaElement).value);
    await waitUntil(async () => (await info()).includes('127.0.0.1'));
    expect(await info()).toMatch(/^Browser: Firefox \d+/m);
    await firefoxStorage(gloss, { sites: { mode: 'except', sites: [], otherSites: [] } });
    await waitUntil(async () => (await highlightedTexts(page)).length === MENTIONS_EXPECTED.length);
    await page.close();
    await options.close();
  });
});

/**
 * "Look up … in Gloss" with the built extension. Firefox (test build): a context-menu click on a
 * selection, through the background's own handler (no automation can click a browser menu), on a
 * site where Gloss is off: the sidebar page opens on the search, the page stays unmarked and gets
 * no content script. Chromium: the side panel shows a look-up's results (or "nothing matches") and
 * follows a new one, and passes axe.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { textInPage } from '../../scripts/text-in-page';
import type { Page as PwPage } from 'playwright-core';
import type { Page } from 'puppeteer-core';
import { servePages, type PageServer } from '../../scripts/serve';
import { launchChromium, type Launched } from '../../scripts/chromium';
import { MENTIONS_PAGE, page as fixture } from '../fixtures/pages';
import { seriousViolations } from './a11y';
import { clearStorage, tabIdOf, waitFor } from './harness';
import {
  EXTENSION_ORIGIN,
  firefoxMentions,
  firefoxStorage,
  highlightedTexts,
  launchFirefoxGloss,
  waitUntil,
  type FirefoxGloss,
} from './firefox-harness';

/** Code passed to `worker.evaluate` runs in the extension's service worker, where `chrome` exists. */
declare const chrome: any;

let server: PageServer;
beforeAll(async () => {
  server = await servePages({ '/blank.html': fixture('<p>blank</p>'), '/mentions.html': MENTIONS_PAGE });
});
afterAll(async () => {
  await server?.close();
});

describe('Firefox: the context menu’s “Look up … in Gloss”', () => {
  let gloss: FirefoxGloss;
  beforeAll(async () => {
    gloss = await launchFirefoxGloss(server.origin);
  });
  afterAll(async () => {
    await gloss?.close();
  });

  type Ext = {
    browser: {
      tabs: { query(q: object): Promise<{ id: number; windowId: number; url?: string }[]> };
      scripting: { getRegisteredContentScripts(): Promise<unknown[]> };
      runtime: { getBackgroundPage(): Promise<Window> };
    };
  };

  /** Selects `text` in the page, as the reader would before right-clicking, and returns the selection. */
  const select = async (page: Page, text: string) => {
    const found = await page.evaluate(textInPage, { text, select: true });
    if (!found) throw new Error(`no ${text} on the page`);
    return found.selected;
  };

  /** The menu's click as the browser delivers it: the entry's id, the selection, the tab. */
  const clickMenu = (url: string, selectionText: string) =>
    gloss.extension.evaluate(
      async (url, selectionText) => {
        const { browser } = globalThis as unknown as Ext;
        const tab = (await browser.tabs.query({})).find((t) => t.url === url)!;
        const background = (await browser.runtime.getBackgroundPage()) as unknown as {
          glossTest: { handleLookupClick(info: object, tab: object): Promise<void> };
        };
        await background.glossTest.handleLookupClick({ menuItemId: 'gloss-look-up', selectionText }, tab);
        return tab.id;
      },
      url,
      selectionText,
    );

  /** The sidebar's page for a tab, in a tab of its own (the test build lets a page navigate there). */
  async function panelFor(tabId: number): Promise<Page> {
    const panel = await gloss.browser.newPage();
    await panel.goto(`${server.origin}/blank.html`);
    await panel.evaluate((url) => {
      location.href = url;
    }, `${EXTENSION_ORIGIN}/sidepanel.html?tabId=${tabId}`);
    await waitUntil(() => panel.evaluate(() => !!document.querySelector('#panel-search')).catch(() => false));
    return panel;
  }

  it('opens the sidebar on the search for the selection where Gloss is off, and never marks the page', async () => {
    await firefoxStorage(gloss, { sites: { mode: 'only', sites: [], otherSites: [] } });
    const registered = () =>
      gloss.extension.evaluate(
        async () => (await (globalThis as unknown as Ext).browser.scripting.getRegisteredContentScripts()).length,
      );
    await waitUntil(async () => (await registered()) === 0);

    const page = await gloss.browser.newPage();
    const url = `${server.origin}/mentions.html`;
    await page.goto(url);
    const tabId = await clickMenu(url, await select(page, 'Kassym-Jomart Tokayev'));

    const panel = await panelFor(tabId);
    await waitUntil(() => panel.evaluate(() => !!document.querySelector('.entity-row[data-entity="tokayev"]')));
    expect(await panel.evaluate(() => (document.querySelector('#panel-search') as HTMLInputElement).value)).toBe(
      'Kassym-Jomart Tokayev',
    );
    // A name no pack knows: the search says so.
    await clickMenu(url, await select(page, 'Tokay gecko'));
    await waitUntil(() =>
      panel.evaluate(() => document.querySelector('[role="status"]')?.textContent?.includes('“Tokay gecko”') ?? false),
    );
    expect(await panel.evaluate(() => document.querySelectorAll('.entity-row').length)).toBe(0);

    // The page: no marks, no host element, no content script to answer.
    expect(await highlightedTexts(page)).toEqual([]);
    expect(await page.evaluate(() => document.querySelector('gloss-ui'))).toBeNull();
    expect(await firefoxMentions(gloss, url)).toBeNull();
    await panel.close();
    await page.close();
  });
});

describe('Chromium: the side panel on a look-up', () => {
  let gloss: Launched;
  beforeAll(async () => {
    gloss = await launchChromium();
  });
  afterAll(async () => {
    await gloss?.close();
  });
  beforeEach(async () => {
    await clearStorage(gloss);
  });

  /** What the background stores for the panel on a menu click (background/lookup-menu.ts). */
  const lookUp = (tabId: number, query: string) =>
    gloss.worker.evaluate(
      ({ tabId, query }) => chrome.storage.session.set({ 'sidebar-lookup': { tabId, query, at: Date.now() } }),
      { tabId, query },
    );

  async function openPanel(tabId: number): Promise<PwPage> {
    const panel = await gloss.context.newPage();
    await panel.setViewportSize({ width: 400, height: 800 });
    await panel.goto(`chrome-extension://${gloss.extensionId}/sidepanel.html?tabId=${tabId}`);
    return panel;
  }

  it('has the menu entry and the look-up command (without a key: Chrome allows four suggested keys)', async () => {
    // `update` rejects for an entry that does not exist: ours does, the other does not.
    await gloss.worker.evaluate(() => chrome.contextMenus.update('gloss-look-up', {}));
    await expect(gloss.worker.evaluate(() => chrome.contextMenus.update('no-such-entry', {}))).rejects.toThrow();
    const commands = await gloss.worker.evaluate(() => chrome.commands.getAll());
    expect(commands.find((c: { name: string }) => c.name === 'look-up-selection')).toMatchObject({ shortcut: '' });
    expect(commands.find((c: { name: string }) => c.name === 'open-sidebar')?.shortcut).toBeTruthy();
  });

  it('shows the results for the looked-up text, follows a new look-up, says when nothing matches, passes axe', async () => {
    const page = await gloss.context.newPage();
    await page.goto(`${server.origin}/mentions.html`);
    const tabId = await tabIdOf(gloss, page);
    await lookUp(tabId, 'ODKB');
    const panel = await openPanel(tabId);
    await panel.locator('.entity-row[data-entity="csto"]').waitFor();
    expect(await panel.locator('#panel-search').inputValue()).toBe('ODKB');
    for (const scheme of ['light', 'dark'] as const) expect(await seriousViolations(panel, scheme)).toEqual([]);

    // The panel is open already: the next look-up replaces the search.
    await lookUp(tabId, 'Zanzibar');
    await waitFor(
      () => panel.locator('#panel-search').inputValue(),
      (value) => value === 'Zanzibar',
    );
    await panel.getByText('Nothing in the switched-on packs matches “Zanzibar”.').waitFor();
    expect(await panel.locator('.entity-row').count()).toBe(0);
    for (const scheme of ['light', 'dark'] as const) expect(await seriousViolations(panel, scheme)).toEqual([]);
    // A look-up for another tab is not this panel's.
    await lookUp(tabId + 1000, 'NATO');
    await panel.waitForTimeout(300);
    expect(await panel.locator('#panel-search').inputValue()).toBe('Zanzibar');
  });
});

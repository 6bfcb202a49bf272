/**
 * First run and updates with the built extension. Install into a Chromium that already has a page
 * open: that page is marked without a reload, the welcome page opens, and its example paragraph
 * shows a card on hover, goes dark with the example's switch and passes axe. The toolbar button
 * says per tab whether Gloss is on. After an update the popup shows "what's new" once.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, launchChromiumThenInstall, registrationSettled, welcomePage } from '../../scripts/chromium';
import { servePages, type PageServer } from '../../scripts/serve';
import { MENTIONS_PAGE } from '../fixtures/pages';
import { seriousViolations } from './a11y';
import { getMentions, hoverText, settledMentions, setStorage, tabIdOf, waitFor, type Gloss } from './harness';

/** Code passed to `worker.evaluate` runs in the extension's service worker, where `chrome` exists. */
declare const chrome: any;

let server: PageServer;
let launched: Awaited<ReturnType<typeof launchChromiumThenInstall>>;
let gloss: Gloss;
let article: Page;

const glossRanges = (page: Page) =>
  page.evaluate(() => {
    let ranges = 0;
    for (const [name, highlight] of CSS.highlights) if (name.startsWith('gloss-')) ranges += highlight.size;
    return ranges;
  });

const toolbarTitle = (tabId: number) => gloss.worker.evaluate((tabId) => chrome.action.getTitle({ tabId }), tabId);

beforeAll(async () => {
  server = await servePages({ '/mentions.html': MENTIONS_PAGE });
  launched = await launchChromiumThenInstall();
  article = launched.context.pages()[0] ?? (await launched.context.newPage());
  await article.goto(`${server.origin}/mentions.html`);
  // Lost on a reload: proves the marks came to this very document.
  await article.evaluate(() => ((window as unknown as { openedBefore: boolean }).openedBefore = true));
  gloss = await launched.install();
});

afterAll(async () => {
  await launched?.close();
  await server?.close();
});

describe('install', () => {
  it('marks the tab that was already open, without a reload', async () => {
    const tabId = await tabIdOf(gloss, article);
    const reply = await settledMentions(gloss, tabId, 14);
    expect(reply.enabled).toBe(true);
    expect(reply.mentions.length).toBe(14);
    expect(await article.evaluate(() => 'openedBefore' in window)).toBe(true);
    expect(await glossRanges(article)).toBeGreaterThanOrEqual(14);
  });

  it('opens the welcome page, whose example paragraph shows a card on hover', async () => {
    const welcome = await welcomePage(gloss.context, gloss.extensionId);
    await welcome.bringToFront();
    await expect(welcome.locator('h1').textContent()).resolves.toBe('Welcome to Gloss');
    await waitFor(
      () => glossRanges(welcome),
      (n) => n >= 4,
    );
    await hoverText(welcome, 'Kazakhstan');
    const card = welcome.locator('gloss-ui .card');
    await card.waitFor({ state: 'visible' });
    await expect(card.locator('h2').textContent()).resolves.toBe('Kazakhstan');
  });

  it('"Not this here" on the example forgets that name for the visit only, leaving the settings untouched', async () => {
    const welcome = await welcomePage(gloss.context, gloss.extensionId);
    const tabId = await tabIdOf(gloss, welcome);
    // Nothing answers for a moment after the reload below: read that as no mentions yet.
    const entities = async () =>
      (await getMentions(gloss, tabId).catch(() => ({ mentions: [] }))).mentions.map((m) => m.entityId);
    await hoverText(welcome, 'Kazakhstan');
    const card = welcome.locator('gloss-ui .card');
    await card.waitFor({ state: 'visible' });
    await card.getByRole('button', { name: 'Not this here' }).click();
    await waitFor(entities, (ids) => !ids.includes('kazakhstan'));
    expect(await entities()).not.toContain('kazakhstan');
    expect(await entities()).toContain('csto');
    expect(await gloss.worker.evaluate(() => chrome.storage.local.get('rejected'))).toEqual({});
    // A new visit starts afresh.
    await welcome.reload();
    await waitFor(entities, (ids) => ids.includes('kazakhstan'));
    expect(await entities()).toContain('kazakhstan');
  });

  it('lets the reader switch the example off and on, and tells the side panel what it holds', async () => {
    const welcome = await welcomePage(gloss.context, gloss.extensionId);
    const tabId = await tabIdOf(gloss, welcome);
    // The side panel reads an extension page's mentions as it reads a web page's.
    expect((await getMentions(gloss, tabId)).mentions.map((m) => m.entityId)).toEqual(
      expect.arrayContaining(['kazakhstan', 'tokayev', 'csto', 'russia']),
    );
    const toggle = welcome.getByRole('switch');
    await toggle.click();
    await expect(toggle.getAttribute('aria-checked')).resolves.toBe('false');
    await waitFor(
      () => glossRanges(welcome),
      (n) => n === 0,
    );
    expect(await glossRanges(welcome)).toBe(0);
    await toggle.click();
    await waitFor(
      () => glossRanges(welcome),
      (n) => n >= 4,
    );
    expect(await glossRanges(welcome)).toBeGreaterThanOrEqual(4);
  });

  it('the welcome page has no serious or critical axe violations, light and dark', async () => {
    const welcome = await welcomePage(gloss.context, gloss.extensionId);
    for (const scheme of ['light', 'dark'] as const)
      expect(await seriousViolations(welcome, scheme), scheme).toEqual([]);
  });
});

describe("the welcome page in the browser's language", () => {
  for (const [lang, title, names] of [
    // "Proteste in Kasachstan" is the unrest itself (the example is dated January 2022), and names Kasachstan.
    ['de', 'Willkommen bei Gloss', ['kazakh-unrest-2022', 'kazakhstan', 'tokayev', 'csto', 'russia']],
    ['ru', 'Добро пожаловать в Gloss', ['kazakhstan', 'tokayev', 'csto', 'russia']],
  ] as const) {
    it(`${lang}: its text, and its example's names found in that language`, async () => {
      const other = await launchChromium({ args: [`--lang=${lang}`], keepWelcome: true });
      try {
        const welcome = await welcomePage(other.context, other.extensionId);
        await expect(welcome.locator('h1').textContent()).resolves.toBe(title);
        const tabId = await tabIdOf(other, welcome);
        const entities = async () =>
          (await getMentions(other, tabId).catch(() => ({ mentions: [] }))).mentions.map((m) => m.entityId);
        await waitFor(entities, (ids) => names.every((n) => ids.includes(n)));
        expect(await entities()).toEqual(expect.arrayContaining([...names]));
      } finally {
        await other.close();
      }
    });
  }
});

describe('the toolbar button', () => {
  it('says per tab whether Gloss is on for its site, and follows the switch', async () => {
    const tabId = await tabIdOf(gloss, article);
    await waitFor(
      () => toolbarTitle(tabId),
      (title) => title === 'Gloss: on for 127.0.0.1',
    );
    expect(await toolbarTitle(tabId)).toBe('Gloss: on for 127.0.0.1');
    const welcomeTab = await tabIdOf(gloss, await welcomePage(gloss.context, gloss.extensionId));
    expect(await toolbarTitle(welcomeTab)).toBe('Gloss: not available on this page');

    await setStorage(gloss, { sites: { mode: 'except', sites: ['127.0.0.1'], otherSites: [] } });
    await waitFor(
      () => toolbarTitle(tabId),
      (title) => title === 'Gloss: off for 127.0.0.1',
    );
    expect(await toolbarTitle(tabId)).toBe('Gloss: off for 127.0.0.1');

    // A tab that navigates keeps the right state: a new page on the switched-off site.
    await registrationSettled(gloss.worker);
    await article.goto(`${server.origin}/mentions.html?again`);
    await waitFor(
      () => toolbarTitle(tabId),
      (title) => title === 'Gloss: off for 127.0.0.1',
    );
    expect(await toolbarTitle(tabId)).toBe('Gloss: off for 127.0.0.1');
    await setStorage(gloss, { sites: { mode: 'except', sites: [], otherSites: [] } });
    await registrationSettled(gloss.worker);
    await waitFor(
      () => toolbarTitle(tabId),
      (title) => title === 'Gloss: on for 127.0.0.1',
    );
    expect(await toolbarTitle(tabId)).toBe('Gloss: on for 127.0.0.1');
  });
});

describe('after an update', () => {
  it('the popup shows what is new once', async () => {
    const tabId = await tabIdOf(gloss, article);
    // What the background stores on runtime.onInstalled with reason "update" (tests/unit/first-run.test.ts).
    await setStorage(gloss, { 'whats-new': { version: '0.2.0', seen: false } });
    const openPopup = async () => {
      const popup = await gloss.context.newPage();
      await popup.setViewportSize({ width: 320, height: 500 });
      await popup.goto(`chrome-extension://${gloss.extensionId}/popup.html?tabId=${tabId}`);
      await popup.getByRole('switch').waitFor();
      return popup;
    };
    const first = await openPopup();
    const note = first.getByTestId('whats-new');
    await note.waitFor();
    await expect(note.locator('h2').textContent()).resolves.toBe('New in Gloss 0.2.0');
    for (const scheme of ['light', 'dark'] as const) expect(await seriousViolations(first, scheme), scheme).toEqual([]);
    await first.close();

    const second = await openPopup();
    // The popup has read its state once the count is shown; the note would be there by then.
    await second.getByTestId('count').waitFor();
    await second.waitForTimeout(300);
    expect(await second.getByTestId('whats-new').count()).toBe(0);
    await second.close();
  });
});

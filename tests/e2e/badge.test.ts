/**
 * The toolbar badge in Chromium with the built extension: the number of entities on the tab,
 * following the page as it changes, gone where Gloss is off, and switched off by its option
 * (which passes axe on the options page).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { PageServer } from '../../scripts/serve';
import { MENTIONS_EXPECTED, MENTIONS_PAGE, page as fixture } from '../fixtures/pages';
import { seriousViolations } from './a11y';
import { clearStorage, settledMentions, setStorage, tabIdOf, waitFor, withGloss, type Gloss } from './harness';

/** Code passed to `worker.evaluate` runs in the extension's service worker, where `chrome` exists. */
declare const chrome: any;

let gloss: Gloss;
let server: PageServer;
withGloss({ '/mentions.html': MENTIONS_PAGE, '/none.html': fixture('<p>Nothing to see here.</p>') }, (g, s) => {
  gloss = g;
  server = s;
});

beforeEach(async () => {
  await clearStorage(gloss);
  for (const page of gloss.context.pages()) await page.close();
});

const badgeOf = (tabId: number) =>
  gloss.worker.evaluate((tabId) => chrome.action.getBadgeText({ tabId }) as Promise<string>, tabId);
const badgeIs = async (tabId: number, text: string) =>
  expect(
    await waitFor(
      () => badgeOf(tabId),
      (t) => t === text,
    ),
  ).toBe(text);

/** The fixture's distinct entities. */
const ENTITIES = new Set(MENTIONS_EXPECTED.map(([id]) => id)).size;

describe('toolbar badge', () => {
  it('shows the number of entities on the tab and follows the page as it changes', async () => {
    const page = await gloss.context.newPage();
    await page.goto(server.origin + '/mentions.html');
    const tabId = await tabIdOf(gloss, page);
    await settledMentions(gloss, tabId, MENTIONS_EXPECTED.length);
    await badgeIs(tabId, String(ENTITIES));

    // A new entity appears in the page: one more. Another mention of a known one: no change.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'added';
      p.textContent = 'Nursultan Nazarbayev agreed, and Putin too.';
      document.querySelector('article')!.append(p);
    });
    await badgeIs(tabId, String(ENTITIES + 1));
    await page.evaluate(() => document.getElementById('added')!.remove());
    await badgeIs(tabId, String(ENTITIES));

    // A page without mentions: no badge.
    await page.goto(server.origin + '/none.html');
    await badgeIs(tabId, '');
    await page.goto(server.origin + '/mentions.html');
    await badgeIs(tabId, String(ENTITIES));

    // Switched off for the site: the marks go, and so does the number.
    await setStorage(gloss, { sites: { mode: 'except', sites: ['127.0.0.1'], otherSites: [] } });
    await badgeIs(tabId, '');
  });

  it('is switched off and on again by its option, which passes axe', async () => {
    const page = await gloss.context.newPage();
    await page.goto(server.origin + '/mentions.html');
    const tabId = await tabIdOf(gloss, page);
    await badgeIs(tabId, String(ENTITIES));

    const options = await gloss.context.newPage();
    await options.goto(`chrome-extension://${gloss.extensionId}/options.html`);
    const option = options.getByLabel('Show the count on the toolbar icon');
    expect(await option.isChecked()).toBe(true);
    for (const scheme of ['light', 'dark'] as const) {
      expect(await seriousViolations(options, scheme, '#reading')).toEqual([]);
    }
    await option.uncheck();
    await badgeIs(tabId, '');
    // Kept with the other preferences (in sync storage, or on the device where sync refused it).
    const stored = await gloss.worker.evaluate(
      async () => (await chrome.storage.sync.get('prefs')).prefs ?? (await chrome.storage.local.get('prefs')).prefs,
    );
    expect(stored.showCount).toBe(false);
    await option.check();
    await badgeIs(tabId, String(ENTITIES));
  });
});

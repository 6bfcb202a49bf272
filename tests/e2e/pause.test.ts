/**
 * "Pause Gloss" with the built extension in Chromium: from the popup, every open tab is unmarked at
 * once and the site lists stay as they were; the toolbar says until when; Resume, or the end of
 * the period (a short one, written to storage as the popup would), brings the marks back without
 * a reload. The popup and the side panel pass axe while paused.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PageServer } from '../../scripts/serve';
import { MENTIONS_EXPECTED, MENTIONS_PAGE } from '../fixtures/pages';
import { seriousViolations } from './a11y';
import { clearStorage, settledMentions, setStorage, tabIdOf, waitFor, withGloss, type Gloss } from './harness';

/** Code passed to `worker.evaluate` runs in the extension's service worker, where `chrome` exists. */
declare const chrome: any;

let gloss: Gloss;
let server: PageServer;
withGloss({ '/mentions.html': MENTIONS_PAGE }, (g, s) => {
  gloss = g;
  server = s;
});

const SITES = { mode: 'except', sites: ['elsewhere.example'], otherSites: ['only.example'] };

beforeEach(async () => {
  await clearStorage(gloss);
  await setStorage(gloss, { sites: SITES });
  for (const page of gloss.context.pages()) await page.close();
});

async function openArticle() {
  const page = await gloss.context.newPage();
  await page.goto(server.origin + '/mentions.html');
  const tabId = await tabIdOf(gloss, page);
  await settledMentions(gloss, tabId, MENTIONS_EXPECTED.length);
  await page.evaluate(() => ((window as unknown as { loadedOnce: boolean }).loadedOnce = true));
  return { page, tabId };
}

/** Highlighted ranges and our host element on a page, and whether it is still the same document. */
const marksOn = (page: Page) =>
  page.evaluate(() => {
    let ranges = 0;
    for (const [name, highlight] of CSS.highlights) if (name.startsWith('gloss-')) ranges += highlight.size;
    return { ranges, hosts: document.querySelectorAll('gloss-ui').length, sameDocument: 'loadedOnce' in window };
  });
const rangesAre = (page: Page, n: number, ms?: number) =>
  waitFor(
    () => marksOn(page),
    (m) => m.ranges === n,
    ms,
  );

const stored = (key: string) => gloss.worker.evaluate(async (key) => (await chrome.storage.local.get(key))[key], key);
const titleOf = (tabId: number) =>
  gloss.worker.evaluate((tabId) => chrome.action.getTitle({ tabId }) as Promise<string>, tabId);

async function openPopup(tabId: number): Promise<Page> {
  const popup = await gloss.context.newPage();
  await popup.setViewportSize({ width: 320, height: 600 });
  await popup.goto(`chrome-extension://${gloss.extensionId}/popup.html?tabId=${tabId}`);
  return popup;
}

describe('pause', () => {
  it('pauses every site at once from the popup, says until when, and resumes without a reload', async () => {
    const { page, tabId } = await openArticle();
    expect((await marksOn(page)).ranges).toBe(MENTIONS_EXPECTED.length);
    const popup = await openPopup(tabId);
    const started = Date.now();
    await popup.getByRole('button', { name: 'Pause Gloss for 1 hour' }).click();

    expect(await rangesAre(page, 0)).toMatchObject({ ranges: 0, hosts: 0, sameDocument: true });
    const { until } = await stored('paused');
    expect(until).toBeGreaterThanOrEqual(started + 60 * 60 * 1000);
    expect(until).toBeLessThan(Date.now() + 60 * 60 * 1000 + 1000);
    const time = await popup.evaluate(
      (until) => new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' }).format(new Date(until)),
      until,
    );
    await popup.getByTestId('paused').getByText(`Paused until ${time}`).waitFor();
    await popup.getByText('Gloss is paused: no page is marked until it resumes.').waitFor();
    // The site's own switch still says what the site list says; the lists are untouched.
    expect(await popup.getByRole('switch').getAttribute('aria-checked')).toBe('true');
    expect(await stored('sites')).toEqual(SITES);
    expect(
      await waitFor(
        () => titleOf(tabId),
        (t) => t.startsWith('Gloss: paused'),
      ),
    ).toBe(`Gloss: paused until ${time}`);
    for (const scheme of ['light', 'dark'] as const) expect(await seriousViolations(popup, scheme)).toEqual([]);

    // The side panel says so too.
    const panel = await gloss.context.newPage();
    await panel.setViewportSize({ width: 400, height: 800 });
    await panel.goto(`chrome-extension://${gloss.extensionId}/sidepanel.html?tabId=${tabId}`);
    await panel.getByTestId('paused').getByText(`Paused until ${time}`).waitFor();
    for (const scheme of ['light', 'dark'] as const) expect(await seriousViolations(panel, scheme)).toEqual([]);
    await panel.close();

    await popup.getByRole('button', { name: 'Resume' }).click();
    expect(await rangesAre(page, MENTIONS_EXPECTED.length)).toMatchObject({ sameDocument: true });
    await popup.getByRole('button', { name: 'Pause Gloss for 1 hour' }).waitFor();
    expect(
      await waitFor(
        () => titleOf(tabId),
        (t) => t === 'Gloss: on for 127.0.0.1',
      ),
    ).toBe('Gloss: on for 127.0.0.1');
  });

  it('resumes by itself at the end of the period, pages opened meanwhile included', async () => {
    const { page, tabId } = await openArticle();
    // A short period, stored as the popup stores an hour.
    await setStorage(gloss, { paused: { until: Date.now() + 4000 } });
    await rangesAre(page, 0);
    const later = await gloss.context.newPage();
    await later.goto(server.origin + '/mentions.html?later');
    await later.waitForTimeout(500);
    expect((await marksOn(later)).ranges).toBe(0);

    expect((await rangesAre(page, MENTIONS_EXPECTED.length, 15_000)).sameDocument).toBe(true);
    expect((await rangesAre(later, MENTIONS_EXPECTED.length)).ranges).toBe(MENTIONS_EXPECTED.length);
    // The background's alarm clears the stored pause, and the toolbar says Gloss is on again.
    expect(
      await waitFor(
        () => stored('paused'),
        (v) => v === undefined,
        15_000,
      ),
    ).toBeUndefined();
    expect(
      await waitFor(
        () => titleOf(tabId),
        (t) => t === 'Gloss: on for 127.0.0.1',
      ),
    ).toBe('Gloss: on for 127.0.0.1');
  });

  it('pauses until the browser restarts', async () => {
    const { page, tabId } = await openArticle();
    const popup = await openPopup(tabId);
    await popup.getByRole('button', { name: 'Pause Gloss until the browser restarts' }).click();
    await rangesAre(page, 0);
    expect(await stored('paused')).toEqual({ until: 'restart' });
    await popup.getByTestId('paused').getByText('Paused until the browser restarts').waitFor();
    expect(
      await waitFor(
        () => titleOf(tabId),
        (t) => t.startsWith('Gloss: paused'),
      ),
    ).toBe('Gloss: paused until the browser restarts');
    await popup.getByRole('button', { name: 'Resume' }).click();
    await rangesAre(page, MENTIONS_EXPECTED.length);
  });
});

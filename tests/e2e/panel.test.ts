/**
 * The side panel, opened as a tab at sidepanel.html?tabId=N (the real side panel cannot be
 * driven headless): it lists what the page mentions, follows page changes, shows an entity with
 * its sources, jumps to mentions, searches, and says why when it has nothing to show.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import packJson from '../../data/packs/kazakhstan-2022.json';
import type { PageServer } from '../../scripts/serve';
import { MENTIONS_PAGE, page as fixture } from '../fixtures/pages';
import { seriousViolations } from './a11y';
import { registrationSettled } from '../../scripts/chromium';
import {
  clearStorage,
  getMentions,
  settledMentions,
  setStorage,
  tabIdOf,
  waitFor,
  withGloss,
  type Gloss,
} from './harness';

/** Code passed to `worker.evaluate` runs in the extension's service worker, where `chrome` exists. */
declare const chrome: any;

/** A page that declares its date (2026, four years after the analysis) with mentions far down. */
const PANEL_PAGE = fixture(
  `<article>
    <h1>Summit week</h1>
    <p>Vladimir Putin spoke as the CSTO mission in Kazakhstan ended. Later Putin met Kassym-Jomart Tokayev,
      who praised his multi-vector foreign policy.</p>
    <div style="height: 3000px"></div>
    <p id="far-1">Far below, the CSTO met again.</p>
    <div style="height: 3000px"></div>
    <p id="far-2">Further still, the CSTO closed its session.</p>
  </article>`,
  '<meta property="article:published_time" content="2026-03-01T09:00:00Z">',
);

type PackShape = {
  entities: { id: string; name: string; analysis: { quote: string; paragraph: number }[] }[];
  sources: { title: string }[];
};
const PACK = packJson as unknown as PackShape;
const entity = (id: string) => PACK.entities.find((e) => e.id === id)!;

let gloss: Gloss;
let server: PageServer;
withGloss({ '/panel.html': PANEL_PAGE, '/mentions.html': MENTIONS_PAGE }, (g, s) => {
  gloss = g;
  server = s;
});

beforeEach(async () => {
  await clearStorage(gloss);
  for (const page of gloss.context.pages()) await page.close();
});

async function openArticle(path: string, min = 1) {
  const page = await gloss.context.newPage();
  await page.goto(server.origin + path);
  const tabId = await tabIdOf(gloss, page);
  await settledMentions(gloss, tabId, min);
  return { page, tabId };
}

async function openPanel(tabId?: number): Promise<Page> {
  const panel = await gloss.context.newPage();
  await panel.setViewportSize({ width: 400, height: 800 });
  const query = tabId === undefined ? '' : `?tabId=${tabId}`;
  await panel.goto(`chrome-extension://${gloss.extensionId}/sidepanel.html${query}`);
  return panel;
}

/** The rows of one group: [entity id, mention count]. */
const rowsOf = (panel: Page, group: string) =>
  panel
    .locator(`[data-group="${group}"] .entity-row`)
    .evaluateAll((rows) =>
      rows.map((row) => [
        row.getAttribute('data-entity'),
        Number(row.querySelector('.count [aria-hidden]')?.textContent ?? 0),
      ]),
    );

describe('side panel', () => {
  it('lists the page’s entities grouped with counts, and follows changes to the page', async () => {
    const { page, tabId } = await openArticle('/panel.html', 8);
    const panel = await openPanel(tabId);
    await panel.locator('[data-state="mentions"]').waitFor();

    expect(await rowsOf(panel, 'actor')).toEqual([
      ['csto', 3],
      ['putin', 2],
      ['kazakhstan', 1],
      ['tokayev', 1],
    ]);
    expect(await rowsOf(panel, 'event')).toEqual([['csto-deployment-2022', 1]]);
    expect(await rowsOf(panel, 'concept')).toEqual([['multivector-policy', 1]]);
    await expect(panel.locator('#group-actor').textContent()).resolves.toContain('Actors');
    await expect(panel.locator('#group-event').textContent()).resolves.toContain('Events');

    // The page changes: a new entity appears in the panel without reopening it.
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Nursultan Nazarbayev watched from Almaty.';
      document.querySelector('article')!.prepend(p);
    });
    await panel.locator('.entity-row[data-entity="nazarbayev"]').waitFor({ timeout: 10_000 });
    await panel.locator('.entity-row[data-entity="almaty"]').waitFor();
    // ...and text removed from the page leaves it again.
    await page.evaluate(() => document.querySelector('article p')!.remove());
    await panel.locator('.entity-row[data-entity="nazarbayev"]').waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('follows the reader to another tab and through a navigation when not pinned to a tab', async () => {
    const first = await openArticle('/panel.html', 8);
    const panel = await openPanel();
    // The panel tab itself is active first: an extension page, which Gloss cannot read.
    await panel.locator('[data-state="unreachable"]').waitFor();
    await first.page.bringToFront();
    await panel.locator('.entity-row[data-entity="multivector-policy"]').waitFor({ timeout: 10_000 });
    await first.page.goto(server.origin + '/mentions.html');
    await panel.locator('.entity-row[data-entity="almaty"]').waitFor({ timeout: 10_000 });
    expect(await panel.locator('.entity-row[data-entity="multivector-policy"]').count()).toBe(0);
  });

  it('shows an entity with its analysis, quote, source, dates and related entities, and goes back', async () => {
    const { tabId } = await openArticle('/panel.html', 8);
    const panel = await openPanel(tabId);
    await panel.locator('.entity-row[data-entity="csto"]').click();
    const csto = entity('csto');
    const heading = panel.locator('#entity-title');
    await expect(heading.textContent()).resolves.toBe(csto.name);
    // Focus moves to the heading, so a keyboard or screen reader user lands on the new view. It moves
    // in an effect, which runs a frame after the view is in the DOM: poll rather than read once.
    await expect.poll(() => panel.evaluate(() => document.activeElement?.id)).toBe('entity-title');

    const claims = panel.locator('.claims > li');
    expect(await claims.count()).toBe(csto.analysis.length);
    await expect(claims.first().locator('blockquote').textContent()).resolves.toBe(`“${csto.analysis[0].quote}”`);
    const cite = (await claims.first().locator('.cite').textContent())!;
    // Attributed without implying an author, as a translation, with the paragraph.
    expect(cite).toMatch(/Commentary, (January 8, 2022|8 January 2022) \(translated from German\)/);
    expect(cite).not.toContain(PACK.sources[0].title);
    expect(cite).toContain(`para. ${csto.analysis[0].paragraph}`);

    // "As of": the analysis is from January 2022, the page says March 2026.
    const asOf = (await panel.locator('.as-of').textContent())!;
    expect(asOf).toContain('Jan 8, 2022');
    expect(asOf).toContain('Mar 1, 2026');
    await expect(panel.locator('[data-testid="date-gap"]').textContent()).resolves.toMatch(
      /4 years older than this page/,
    );

    // Facts carry their reference as a safe outbound link.
    const link = panel.locator('.facts a').first();
    expect(await link.getAttribute('rel')).toBe('noreferrer noopener');
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('href')).toMatch(/^https?:\/\//);
    expect(await panel.locator('.timeline li').count()).toBeGreaterThan(0);

    // A related entity that is not on the page opens too; Back returns step by step.
    const belarus = panel.locator('.related button[data-entity="belarus"]');
    const belarusRow = panel.locator('.related li', { has: panel.locator('button[data-entity="belarus"]') });
    await expect(belarusRow.textContent()).resolves.toContain('not on this page');
    await belarus.click();
    await expect(heading.textContent()).resolves.toBe('Belarus');
    await panel.getByRole('button', { name: 'Back' }).click();
    await expect(heading.textContent()).resolves.toBe(csto.name);
    // The view moves focus to its title a frame after it renders; Escape before that reaches no view.
    await expect.poll(() => panel.evaluate(() => document.activeElement?.id)).toBe('entity-title');
    await panel.keyboard.press('Escape');
    await panel.locator('[data-state="mentions"]').waitFor();
    await expect.poll(() => panel.evaluate(() => document.activeElement?.getAttribute('data-entity'))).toBe('csto');
  });

  it('jumps to the next mention on each press, scrolling the page and counting "n of m"', async () => {
    const { page, tabId } = await openArticle('/panel.html', 8);
    const panel = await openPanel(tabId);
    await panel.locator('.entity-row[data-entity="csto"]').click();
    const jump = panel.getByRole('button', { name: 'Jump to mention' });
    const status = panel.locator('[data-testid="jump-status"]');
    await expect(status.textContent()).resolves.toBe('3 mentions');
    expect(await page.evaluate(() => scrollY)).toBe(0);

    const inView = (id: string) =>
      page.evaluate((id) => {
        const r = document.getElementById(id)!.getBoundingClientRect();
        return r.top >= 0 && r.bottom <= innerHeight;
      }, id);

    await jump.click(); // 1: in the first paragraph, already in view
    await waitFor(
      () => status.textContent(),
      (s) => s === '1 of 3',
    );
    await jump.click(); // 2: far below
    await waitFor(
      () => status.textContent(),
      (s) => s === '2 of 3',
    );
    const afterSecond = await waitFor(
      () => page.evaluate(() => scrollY),
      (y) => y > 2000,
    );
    expect(afterSecond).toBeGreaterThan(2000);
    expect(await inView('far-1')).toBe(true);
    await jump.click(); // 3: further still
    await waitFor(
      () => status.textContent(),
      (s) => s === '3 of 3',
    );
    const afterThird = await waitFor(
      () => page.evaluate(() => scrollY),
      (y) => y > afterSecond + 1000,
    );
    expect(afterThird).toBeGreaterThan(afterSecond + 1000);
    expect(await inView('far-2')).toBe(true);
    await jump.click(); // wraps around to the first
    await waitFor(
      () => status.textContent(),
      (s) => s === '1 of 3',
    );
  });

  it('searches every entity of the enabled packs by name or alias, ignoring case and diacritics', async () => {
    const { tabId } = await openArticle('/panel.html', 8);
    const panel = await openPanel(tabId);
    const search = panel.getByRole('searchbox', { name: 'Search all entities' });
    const results = () =>
      panel
        .locator('[aria-labelledby="results-title"] .entity-row')
        .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-entity')));

    await search.fill('russische foderation'); // alias "Russische Föderation"
    await waitFor(results, (r) => r.length > 0);
    expect(await results()).toEqual(['russia']);
    await search.fill('ПУТИН');
    await waitFor(results, (r) => r[0] === 'putin');
    expect((await results())[0]).toBe('putin');
    await search.fill('Tokáyev');
    await waitFor(results, (r) => r[0] === 'tokayev');
    // An entity that is not on the page opens from the results.
    await search.fill('armenia');
    await waitFor(results, (r) => r[0] === 'armenia');
    await panel.locator('.entity-row[data-entity="armenia"]').click();
    await expect(panel.locator('#entity-title').textContent()).resolves.toBe('Armenia');
    await expect(panel.locator('[aria-labelledby="here-title"]').textContent()).resolves.toContain(
      'Not mentioned on this page',
    );
    await search.fill('zzzz-nothing');
    await expect(panel.locator('[aria-labelledby="results-title"] [role="status"]').textContent()).resolves.toContain(
      'Nothing',
    );
  });

  it('stops matching one alias on this site from "Not this here", and can undo it', async () => {
    const { tabId } = await openArticle('/mentions.html', 14);
    const panel = await openPanel(tabId);
    await panel.locator('.entity-row[data-entity="putin"]').click();
    const buttons = panel.locator('.reject-list button');
    // Putin matched through three aliases on this page: each is offered.
    expect(await buttons.allTextContents()).toEqual([
      'Not this here: “Vladimir Putin”',
      'Not this here: “Putin”',
      'Not this here: “Путину”',
    ]);
    await panel.getByRole('button', { name: 'Not this here: “Путину”' }).click();
    const after = await waitFor(
      () => getMentions(gloss, tabId),
      (r) => r.mentions.filter((m) => m.entityId === 'putin').length === 2,
    );
    expect(after.mentions.filter((m) => m.entityId === 'putin').map((m) => m.text)).toEqual([
      'Vladimir Putin',
      'Putin',
    ]);
    const stored = await gloss.worker.evaluate(() => chrome.storage.local.get('rejected'));
    expect(stored.rejected).toEqual([{ site: '127.0.0.1', entityId: 'putin', alias: 'Путину' }]);
    await waitFor(
      () => panel.locator('[data-testid="jump-status"]').textContent(),
      (s) => s === '2 mentions',
    );

    await panel.getByRole('button', { name: 'Undo' }).click();
    await waitFor(
      () => getMentions(gloss, tabId),
      (r) => r.mentions.filter((m) => m.entityId === 'putin').length === 3,
    );
    expect((await gloss.worker.evaluate(() => chrome.storage.local.get('rejected'))).rejected).toEqual([]);
  });

  it('explains an empty panel: site switched off (with a switch), nothing mentioned, page not readable', async () => {
    await setStorage(gloss, { sites: { mode: 'except', sites: ['127.0.0.1'], otherSites: [] } });
    await registrationSettled(gloss.worker);
    const off = await gloss.context.newPage();
    await off.goto(server.origin + '/panel.html');
    const tabId = await tabIdOf(gloss, off);
    // Switched off, Gloss is not even injected: nothing in the page answers.
    await expect(getMentions(gloss, tabId)).rejects.toThrow(/Receiving end does not exist/);
    const panel = await openPanel(tabId);
    const offState = panel.locator('[data-state="off"]');
    await offState.waitFor();
    await expect(offState.textContent()).resolves.toContain('switched off for 127.0.0.1');
    await panel.getByRole('button', { name: 'Switch on for 127.0.0.1' }).click();
    await panel.locator('.entity-row[data-entity="csto"]').waitFor({ timeout: 10_000 });
    expect((await getMentions(gloss, tabId)).enabled).toBe(true);

    server.set('/plain.html', fixture('<p>Nothing to see here but the weather.</p>'));
    const plain = await gloss.context.newPage();
    await plain.goto(server.origin + '/plain.html');
    const plainPanel = await openPanel(await tabIdOf(gloss, plain));
    await plainPanel.locator('[data-state="none"]').waitFor();
    await expect(plainPanel.locator('[data-state="none"]').textContent()).resolves.toContain(
      'Nothing from the switched-on packs',
    );

    const blank = await gloss.context.newPage();
    await blank.goto('about:blank');
    const blankPanel = await openPanel(await tabIdOf(gloss, blank));
    await blankPanel.locator('[data-state="unreachable"]').waitFor();
    await expect(blankPanel.locator('[data-state="unreachable"]').textContent()).resolves.toContain(
      'can’t read this page',
    );
  });

  it('opens the entity asked for from a card or the keyboard (the sidebar focus)', async () => {
    const { tabId } = await openArticle('/mentions.html', 14);
    const panel = await openPanel(tabId);
    await panel.locator('[data-state="mentions"]').waitFor();
    await gloss.worker.evaluate(
      (tabId) => chrome.storage.session.set({ 'sidebar-focus': { tabId, entityId: 'almaty', at: Date.now() } }),
      tabId,
    );
    await waitFor(
      () =>
        panel
          .locator('#entity-title')
          .textContent()
          .catch(() => null),
      (t) => t === 'Almaty',
    );
    expect(await panel.locator('#entity-title').textContent()).toBe('Almaty');
    // A focus for another tab is not ours.
    await gloss.worker.evaluate(
      (tabId) =>
        chrome.storage.session.set({ 'sidebar-focus': { tabId: tabId + 1000, entityId: 'nato', at: Date.now() } }),
      tabId,
    );
    await panel.waitForTimeout(500);
    expect(await panel.locator('#entity-title').textContent()).toBe('Almaty');
  });

  it('is operable from the keyboard: search, list, entity, back', async () => {
    const { tabId } = await openArticle('/mentions.html', 14);
    const panel = await openPanel(tabId);
    await panel.locator('[data-state="mentions"]').waitFor();
    await panel.keyboard.press('Tab');
    expect(await panel.evaluate(() => document.activeElement?.id)).toBe('panel-search');
    await panel.keyboard.press('Tab');
    const first = await panel.evaluate(() => document.activeElement?.getAttribute('data-entity'));
    expect(first).toBe('putin');
    // The focused row has a visible focus ring.
    const outline = await panel.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
    expect(outline).not.toBe('none');
    await panel.keyboard.press('Enter');
    await expect(panel.locator('#entity-title').textContent()).resolves.toBe('Vladimir Putin');
    // The view moves focus to its title a frame after it renders; Escape before that reaches no view.
    await expect.poll(() => panel.evaluate(() => document.activeElement?.id)).toBe('entity-title');
    await panel.keyboard.press('Escape');
    await panel.locator('[data-state="mentions"]').waitFor();
    // Focus returns to the row after the list has rendered, which a busy machine can delay.
    const focused = () => panel.evaluate(() => document.activeElement?.getAttribute('data-entity'));
    expect(await waitFor(focused, (entity) => entity === 'putin', 3000)).toBe('putin');
  });

  it('has no serious or critical axe violations, light and dark, list and entity view', async () => {
    const { tabId } = await openArticle('/panel.html', 8);
    const panel = await openPanel(tabId);
    await panel.locator('[data-state="mentions"]').waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      expect(await seriousViolations(panel, scheme)).toEqual([]);
    }
    await panel.locator('.entity-row[data-entity="csto"]').click();
    await panel.locator('.claims').waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      expect(await seriousViolations(panel, scheme)).toEqual([]);
    }
    await panel.getByRole('searchbox').fill('russ');
    await panel.locator('[aria-labelledby="results-title"]').waitFor();
    expect(await seriousViolations(panel, 'dark')).toEqual([]);
  });
});

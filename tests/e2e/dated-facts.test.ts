/**
 * Facts that know their dates: the same entity's card and side panel on a page dated January 2022,
 * one dated 2025 and an undated one show the facts of each date and, under "Since then", what
 * changed after it. The expected lists come from the bundled pack through the same rule the
 * unit tests pin down (tests/unit/dated-facts.test.ts); here the built extension must show them.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import packJson from '../../data/packs/kazakhstan-2022.json';
import { factsOn, today } from '../../data/dated-facts';
import type { Entity } from '../../data/schema';
import type { PageServer } from '../../scripts/serve';
import { page as fixture } from '../fixtures/pages';
import { seriousViolations } from './a11y';
import { clearStorage, hoverText, settledMentions, tabIdOf, withGloss, type Gloss } from './harness';

const CSTO = (packJson as unknown as { entities: Entity[] }).entities.find((e) => e.id === 'csto')!;
const body = '<article><h1>Alliance week</h1><p>Leaders of the CSTO met in a video call on the crisis.</p></article>';
const dated = (iso: string) => fixture(body, `<meta property="article:published_time" content="${iso}T09:00:00Z">`);

let gloss: Gloss;
let server: PageServer;
withGloss(
  { '/2022.html': dated('2022-01-10'), '/2025.html': dated('2025-06-01'), '/undated.html': fixture(body) },
  (g, s) => {
    gloss = g;
    server = s;
  },
);

beforeEach(async () => {
  await clearStorage(gloss);
  for (const page of gloss.context.pages()) await page.close();
});

const factText = (f: { label: string; value: string }) => `${f.label}: ${f.value}`;

async function cardOn(path: string) {
  const page = await gloss.context.newPage();
  await page.goto(server.origin + path);
  await settledMentions(gloss, await tabIdOf(gloss, page), 1);
  await hoverText(page, 'CSTO');
  const card = page.locator('gloss-ui .card');
  await card.waitFor({ state: 'visible' });
  const texts = (testId: string) => card.locator(`[data-testid="${testId}"] > li:not(.more)`).allTextContents();
  return {
    page,
    asOf: (await card.locator('[data-testid="card-as-of"]').textContent())!,
    current: await texts('card-current'),
    since: await texts('card-since'),
    violations: await seriousViolations(page, 'light', 'gloss-ui'),
  };
}

describe('facts that know their dates', () => {
  it('the pack has a CSTO fact that changed after January 2022 (else this test proves nothing)', () => {
    const then = factsOn(CSTO, '2022-01-10');
    const later = factsOn(CSTO, '2025-06-01');
    expect(then.changeable.length).toBeGreaterThan(0);
    expect(then.since.length).toBeGreaterThan(0);
    expect(later.changeable.map(factText)).not.toEqual(then.changeable.map(factText));
  });

  it('a card on a January 2022 page shows the facts of then and what changed since', async () => {
    const expected = factsOn(CSTO, '2022-01-10');
    const card = await cardOn('/2022.html');
    expect(card.asOf).toMatch(/January 10, 2022|10 January 2022/);
    expect(card.current).toEqual(expected.changeable.slice(0, 3).map(factText));
    expect(card.since.length).toBe(Math.min(3, expected.since.length));
    card.since.forEach((line, i) => expect(line).toContain(expected.since[i].text));
    expect(card.violations).toEqual([]);
  });

  it('the same card on a 2025 page shows the facts of 2025', async () => {
    const expected = factsOn(CSTO, '2025-06-01');
    const card = await cardOn('/2025.html');
    expect(card.asOf).toMatch(/June 1, 2025|1 June 2025/);
    expect(card.current).toEqual(expected.changeable.slice(0, 3).map(factText));
    expect(card.since.length).toBe(Math.min(3, expected.since.length));
  });

  it('on an undated page the card says the facts are as of today', async () => {
    const expected = factsOn(CSTO, today());
    const card = await cardOn('/undated.html');
    expect(card.asOf).toBe('As of today: this page gives no date');
    expect(card.current).toEqual(expected.changeable.slice(0, 3).map(factText));
    expect(card.since).toEqual([]);
  });

  it('the side panel lists every fact of the page’s date and everything since', async () => {
    const expected = factsOn(CSTO, '2022-01-10');
    const page = await gloss.context.newPage();
    await page.goto(server.origin + '/2022.html');
    const tabId = await tabIdOf(gloss, page);
    await settledMentions(gloss, tabId, 1);
    const panel = await gloss.context.newPage();
    await panel.goto(`chrome-extension://${gloss.extensionId}/sidepanel.html?tabId=${tabId}`);
    await panel.locator('.entity-row[data-entity="csto"]').click();
    await expect(panel.locator('#facts-title').textContent()).resolves.toMatch(
      /Key facts on (January 10, 2022|10 January 2022)/,
    );
    const current = await panel.locator('[data-testid="facts-current"] > li > p:first-child').allTextContents();
    expect(current.map((line) => line.replace(/ \([^)]*\)$/, ''))).toEqual(expected.current.map(factText));
    const since = await panel.locator('[data-testid="facts-since"] > li > p:first-child').allTextContents();
    expect(since.length).toBe(expected.since.length);
    since.forEach((line, i) => expect(line).toContain(expected.since[i].text));
    // Every reference names its publisher and links the original.
    const cites = await panel.locator('[data-testid="facts-current"] .cite').allTextContents();
    cites.forEach((cite) => expect(cite).toMatch(/^Source: .+, “.+”, /));
    expect(await seriousViolations(panel, 'light')).toEqual([]);
    expect(await seriousViolations(panel, 'dark')).toEqual([]);
  });
});

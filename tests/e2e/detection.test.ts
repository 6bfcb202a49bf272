import { describe, expect, it } from 'vitest';
import type { PageServer } from '../../scripts/serve';
import { articlePage } from '../../scripts/pages';
import { MENTIONS_EXPECTED, MENTIONS_PAGE, SKIPPED_PAGE } from '../fixtures/pages';
import {
  getMentions,
  hoverText,
  pageDomWithoutGloss,
  rectOfText,
  sendToPage,
  settledMentions,
  tabIdOf,
  waitFor,
  withGloss,
  type Gloss,
} from './harness';

let gloss: Gloss;
let server: PageServer;
withGloss(
  { '/mentions.html': MENTIONS_PAGE, '/skipped.html': SKIPPED_PAGE, '/article.html': articlePage() },
  (g, s) => {
    gloss = g;
    server = s;
  },
);

const open = async (path: string, init?: string) => {
  const page = await gloss.context.newPage();
  if (init) await page.addInitScript(init);
  await page.goto(server.origin + path);
  return { page, tabId: await tabIdOf(gloss, page) };
};

describe('detection in Chromium', () => {
  it('reports the expected mentions in document order', async () => {
    const { page, tabId } = await open('/mentions.html');
    const reply = await settledMentions(gloss, tabId, MENTIONS_EXPECTED.length);
    expect(reply.url).toBe(`${server.origin}/mentions.html`);
    expect(reply.enabled).toBe(true);
    expect(reply.mentions.map((m) => [m.entityId, m.text])).toEqual(MENTIONS_EXPECTED);
    expect(reply.mentions[0]).toMatchObject({ alias: 'Vladimir Putin', lang: 'en' });
    await page.close();
  });

  it('leaves the page DOM byte for byte as it was, apart from our one host', async () => {
    const snapshot = `document.addEventListener('DOMContentLoaded', () => { window.__before = document.documentElement.outerHTML; });`;
    const { page, tabId } = await open('/article.html', snapshot);
    const reply = await settledMentions(gloss, tabId);
    expect(reply.mentions.length).toBeGreaterThan(20);
    // Open a card so that the host element exists, then compare.
    await hoverText(page, 'Kremlin');
    await page.locator('gloss-ui .card').waitFor();
    const after = await pageDomWithoutGloss(page);
    const before = await page.evaluate(() => (window as unknown as { __before: string }).__before);
    expect(after.hosts).toBe(1);
    expect(after.html).toBe(before);
    await page.close();
  });

  it('finds nothing in form controls, scripts, editors or hidden content', async () => {
    const { page, tabId } = await open('/skipped.html');
    const reply = await settledMentions(gloss, tabId);
    expect(reply.mentions.map((m) => [m.entityId, m.text])).toEqual([['nato', 'NATO']]);
    await page.close();
  });

  it('finds text appended after load, and forgets removed text', async () => {
    const { page, tabId } = await open('/skipped.html');
    await settledMentions(gloss, tabId);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'late';
      p.textContent = 'Later, Tokayev thanked the Kremlin.';
      document.body.append(p);
    });
    const added = await waitFor(
      () => getMentions(gloss, tabId),
      (r) => r.mentions.length === 3,
    );
    expect(added.mentions.map((m) => m.entityId)).toEqual(['nato', 'tokayev', 'kremlin']);
    await page.evaluate(() => document.getElementById('late')!.remove());
    const removed = await waitFor(
      () => getMentions(gloss, tabId),
      (r) => r.mentions.length === 1,
    );
    expect(removed.mentions.map((m) => m.entityId)).toEqual(['nato']);
    await page.close();
  });

  it('shows the hover card after a rest, beside the term, and closes it on Esc', async () => {
    const { page, tabId } = await open('/mentions.html');
    await settledMentions(gloss, tabId, MENTIONS_EXPECTED.length);
    await hoverText(page, 'Almaty');
    const card = page.locator('gloss-ui .card');
    await card.waitFor({ state: 'visible' });
    await expect(card.locator('h2').textContent()).resolves.toBe('Almaty');
    await expect(card.getAttribute('role')).resolves.toBe('dialog');
    await expect(card.locator('.why').textContent()).resolves.toContain('Almaty');
    const term = await rectOfText(page, 'Almaty');
    const box = (await card.boundingBox())!;
    const overlaps =
      box.x < term.x + term.width &&
      term.x < box.x + box.width &&
      box.y < term.y + term.height &&
      term.y < box.y + box.height;
    expect(overlaps).toBe(false);
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });
    await page.close();
  });

  it('shows no card while the pointer only passes over a mention', async () => {
    const { page, tabId } = await open('/mentions.html');
    await settledMentions(gloss, tabId, MENTIONS_EXPECTED.length);
    const r = await rectOfText(page, 'Almaty');
    // Sweep across the term quickly and move on to blank space.
    await page.mouse.move(r.x - 200, r.y + r.height / 2);
    await page.mouse.move(r.x + 400, r.y + r.height / 2, { steps: 3 });
    await page.mouse.move(900, 850);
    await page.waitForTimeout(900);
    expect(await page.locator('gloss-ui .card').count()).toBe(0);
    await page.close();
  });

  it('moves to the next mention from the keyboard command and opens its card, focused', async () => {
    const { page, tabId } = await open('/mentions.html');
    await settledMentions(gloss, tabId, MENTIONS_EXPECTED.length);
    const first = await sendToPage<{ index: number; count: number }>(gloss, tabId, {
      type: 'gloss:step-mention',
      direction: 1,
    });
    expect(first).toEqual({ index: 0, count: MENTIONS_EXPECTED.length });
    const second = await sendToPage<{ index: number }>(gloss, tabId, { type: 'gloss:step-mention', direction: 1 });
    expect(second.index).toBe(1);
    const card = page.locator('gloss-ui .card');
    await expect(card.locator('h2').textContent()).resolves.toMatch(/Kremlin/);
    const focused = await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.className ?? null);
    expect(focused).toBe('card');
    const back = await sendToPage<{ index: number }>(gloss, tabId, { type: 'gloss:step-mention', direction: -1 });
    expect(back.index).toBe(0);
    await page.close();
  });

  it('keeps the card’s keys from the page, speaks its own language and direction, and gives focus back on Esc', async () => {
    const { page, tabId } = await open('/mentions.html');
    await settledMentions(gloss, tabId, MENTIONS_EXPECTED.length);
    // The page's own shortcuts listen on the document, and the page is right-to-left.
    await page.evaluate(() => {
      (window as unknown as { keys: string[] }).keys = [];
      document.addEventListener('keydown', (e) => (window as unknown as { keys: string[] }).keys.push(e.key));
      document.documentElement.dir = 'rtl';
    });
    await page.focus('a[href="#k"]');
    await sendToPage(gloss, tabId, { type: 'gloss:step-mention', direction: 1 });
    const card = page.locator('gloss-ui .card');
    await card.waitFor({ state: 'visible' });
    expect(await page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.className ?? null)).toBe(
      'card',
    );
    await page.keyboard.press('j');
    expect(await page.evaluate(() => (window as unknown as { keys: string[] }).keys)).toEqual([]);
    expect(await card.getAttribute('dir')).toBe('ltr');
    expect(await card.getAttribute('lang')).toMatch(/^en/);
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('#k');
    await page.close();
  });
});

/**
 * Touch, in Chromium emulating a phone (390 × 844, touch, mobile layout) with the built extension:
 * a tap on a mention opens its card as a bottom sheet that leaves the name in sight, a tap
 * elsewhere closes it, taps inside the card keep it, a tap on a marked word inside a link follows
 * the link, and a long press on it opens the card instead. The sheet passes axe.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { servePages, type PageServer } from '../../scripts/serve';
import { launchChromium, type Launched } from '../../scripts/chromium';
import { page as fixture } from '../fixtures/pages';
import { seriousViolations } from './a11y';
import { clearStorage, rectOfText, settledMentions, tabIdOf } from './harness';

const ARTICLE = fixture(
  `
  <article style="font-size: 18px; line-height: 1.6; padding: 0 12px">
    <h1>Talks</h1>
    <p id="plain">In Almaty, the talks went on. Nothing else happened that day.</p>
    <p id="linked">Read <a href="/target.html">more about the CSTO mission</a> here.</p>
    <div style="height: 1600px"></div>
    <p id="low">At the end, Tokayev spoke.</p>
    <div style="height: 1200px"></div>
    <p id="last">Last of all, NATO.</p>
  </article>`,
  // As news sites on phones have it.
  '<meta name="viewport" content="width=device-width, initial-scale=1">',
);

let gloss: Launched;
let server: PageServer;
beforeAll(async () => {
  server = await servePages({ '/touch.html': ARTICLE, '/target.html': fixture('<p>Target</p>') });
  gloss = await launchChromium({
    device: { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true },
  });
});
afterAll(async () => {
  await gloss?.close();
  await server?.close();
});

beforeEach(async () => {
  await clearStorage(gloss);
  for (const page of gloss.context.pages()) await page.close();
});

async function openArticle(): Promise<Page> {
  const page = await gloss.context.newPage();
  await page.goto(server.origin + '/touch.html');
  await settledMentions(gloss, await tabIdOf(gloss, page), 3);
  return page;
}

const centre = async (page: Page, text: string) => {
  const r = await rectOfText(page, text);
  return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
};

const tapText = async (page: Page, text: string) => {
  const { x, y } = await centre(page, text);
  await page.touchscreen.tap(x, y);
};

/** A finger held still on the text, then lifted (no automation API has a long press: CDP touch events). */
async function longPress(page: Page, text: string, ms = 800) {
  const { x, y } = await centre(page, text);
  const cdp = await gloss.context.newCDPSession(page);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  await page.waitForTimeout(ms);
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await cdp.detach();
}

const card = (page: Page) => page.locator('gloss-ui .card');
const cardTitle = (page: Page) => card(page).locator('h2').textContent();

describe('touch', () => {
  it('a tap opens the card as a bottom sheet, taps in it keep it, a tap elsewhere closes it', async () => {
    const page = await openArticle();
    await tapText(page, 'Almaty');
    await card(page).waitFor();
    expect(await cardTitle(page)).toBe('Almaty');

    // A sheet: the full width, along the bottom, the tapped name above it.
    const sheet = await card(page).evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, width: r.width, bottom: r.bottom, top: r.top, sheet: el.classList.contains('sheet') };
    });
    expect(sheet).toMatchObject({ left: 0, width: 390, bottom: 844, sheet: true });
    expect((await rectOfText(page, 'Almaty')).y).toBeLessThan(sheet.top);
    for (const scheme of ['light', 'dark'] as const)
      expect(await seriousViolations(page, scheme, 'gloss-ui')).toEqual([]);

    // A tap on the card's text does not close it (a finger "leaves" whatever it lifts from).
    const summary = await card(page)
      .locator('.summary')
      .evaluate((el) => {
        const r = el.getBoundingClientRect();
        return { x: r.x + 20, y: r.y + r.height / 2 };
      });
    await page.touchscreen.tap(summary.x, summary.y);
    await page.waitForTimeout(600);
    expect(await card(page).count()).toBe(1);

    // A tap on the page away from any mention closes it.
    await tapText(page, 'Nothing else happened');
    await card(page).waitFor({ state: 'detached' });
    expect(page.url()).toBe(server.origin + '/touch.html');
  });

  it('a name near the bottom of the screen is scrolled above the sheet', async () => {
    const page = await openArticle();
    await page.evaluate(() => {
      const low = document.getElementById('low')!;
      window.scrollTo(0, low.getBoundingClientRect().top + window.scrollY - window.innerHeight + 40);
    });
    await tapText(page, 'Tokayev');
    await card(page).waitFor();
    expect(await cardTitle(page)).toBe('Kassym-Jomart Tokayev');
    const top = await card(page).evaluate((el) => el.getBoundingClientRect().top);
    const name = await rectOfText(page, 'Tokayev');
    expect(name.y + name.height).toBeLessThanOrEqual(top);

    // At the very end of the page there is nothing to scroll: the sheet goes to the top instead.
    await tapText(page, 'At the end');
    await card(page).waitFor({ state: 'detached' });
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    await tapText(page, 'NATO');
    await card(page).locator('h2').getByText('NATO', { exact: true }).waitFor();
    const atTop = await card(page).evaluate((el) => el.getBoundingClientRect());
    expect(atTop.top).toBe(0);
    expect((await rectOfText(page, 'NATO')).y).toBeGreaterThanOrEqual(atTop.bottom);
  });

  it('a long press on a marked word in a link opens its card and does not follow the link', async () => {
    const page = await openArticle();
    await longPress(page, 'CSTO');
    await card(page).waitFor();
    expect(await cardTitle(page)).toBe('Collective Security Treaty Organization (CSTO)');
    await page.waitForTimeout(500);
    expect(page.url()).toBe(server.origin + '/touch.html');
  });

  it('a tap on a marked word in a link follows the link', async () => {
    const page = await openArticle();
    await Promise.all([page.waitForURL(server.origin + '/target.html'), tapText(page, 'CSTO')]);
    expect(page.url()).toBe(server.origin + '/target.html');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servePages, type PageServer } from '../../scripts/serve';
import { deepPage } from '../fixtures/hostile-pages';
import { MENTIONS_EXPECTED, MENTIONS_PAGE, page as fixture } from '../fixtures/pages';
import { firefoxMentions, firefoxStorage, highlightedTexts, launchFirefoxGloss, waitUntil, type FirefoxGloss } from './firefox-harness';

let gloss: FirefoxGloss;
let server: PageServer;

beforeAll(async () => {
  server = await servePages({
    '/blank.html': fixture('<p>blank</p>'),
    '/mentions.html': MENTIONS_PAGE,
    // Chromium itself crashes on this page (hostile.test.ts); Firefox lays it out.
    '/deep.html': deepPage(10_000, ['div', 'span']),
  });
  gloss = await launchFirefoxGloss(server.origin);
});

afterAll(async () => {
  await gloss?.close();
  await server?.close();
});

const snapshot = `document.addEventListener('DOMContentLoaded', () => { window.__before = document.documentElement.outerHTML; });`;

describe('Firefox ESR', () => {
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
    const box = await page.evaluate(() => {
      const p = [...document.querySelectorAll('b')].find((b) => b.textContent === 'Almaty')!;
      const r = p.getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    await page.mouse.move(box.x - 50, box.y);
    await page.mouse.move(box.x, box.y, { steps: 3 });
    await waitUntil(() =>
      page.evaluate(() => document.querySelector('gloss-ui')?.shadowRoot?.querySelector('.card h2')?.textContent === 'Almaty'),
    );

    // The page's DOM is what it was, apart from our one host.
    const dom = await page.evaluate(() => {
      const clone = document.documentElement.cloneNode(true) as HTMLElement;
      const hosts = clone.querySelectorAll('gloss-ui');
      hosts.forEach((h) => h.remove());
      return { html: clone.outerHTML, hosts: hosts.length, before: (window as unknown as { __before: string }).__before };
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

  it('copes with 10,000-deep nesting: every mention, the page unchanged', async () => {
    const page = await gloss.browser.newPage();
    const url = `${server.origin}/deep.html`;
    await page.goto(url);
    await waitUntil(async () => (await firefoxMentions(gloss, url))?.mentions.length === 100, 60_000);
    expect(await highlightedTexts(page)).toEqual(Array(100).fill('Kazakhstan'));
    // The page's own count of its elements, taken before Gloss started, is still the count.
    const counts = await page.evaluate(() => [(window as unknown as { __behaviour: string }).__behaviour, String(document.getElementsByTagName('*').length)]);
    expect(counts[1]).toBe(counts[0]);
    await page.close();
  }, 120_000);
});

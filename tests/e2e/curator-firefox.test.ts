/**
 * "Quote in a pack…" in Firefox ESR: the button beside a selection sends the passage with its page
 * to the background, which keeps it for the pack editor and opens the editor.
 */
import type { ElementHandle } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servePages, type PageServer } from '../../scripts/serve';
import { page as fixture } from '../fixtures/pages';
import { EXTENSION_ORIGIN, firefoxStorage, launchFirefoxGloss, waitUntil, type FirefoxGloss } from './firefox-harness';

const QUOTE = 'It was a signal to the whole region — not a long stay,';
const ARTICLE = fixture(
  `<article><h1>The deployment</h1><p>“${QUOTE}” wrote Dmitry Medvedev.</p></article>`,
  `<meta property="og:site_name" content="Example Herald"><meta property="article:published_time" content="2022-01-20">`,
);

let gloss: FirefoxGloss;
let server: PageServer;

beforeAll(async () => {
  server = await servePages({ '/blank.html': fixture('<p>blank</p>'), '/article.html': ARTICLE });
  gloss = await launchFirefoxGloss(server.origin);
});

afterAll(async () => {
  await gloss?.close();
  await server?.close();
});

type Ext = {
  browser: {
    tabs: { query(q: object): Promise<{ url?: string }[]> };
    storage: { local: { get(k: string): Promise<Record<string, any>> } };
  };
};

describe('Firefox ESR: quote in a pack', () => {
  it('the button beside a selection keeps the quote and its page and opens the pack editor', async () => {
    await firefoxStorage(gloss, { authoring: { enabled: true } });
    const page = await gloss.browser.newPage();
    await page.goto(`${server.origin}/article.html`);
    // The content script is there once it has put its button up for a selection.
    await waitUntil(async () => {
      await page.evaluate((text) => {
        const node = [...document.querySelectorAll('p')]
          .map((p) => p.firstChild as Text)
          .find((n) => n.data.includes(text))!;
        const at = node.data.indexOf(text);
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + text.length);
        getSelection()!.removeAllRanges();
        getSelection()!.addRange(range);
        document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      }, QUOTE);
      await new Promise((r) => setTimeout(r, 200));
      return page.evaluate(() => {
        const button = document
          .querySelector('gloss-ui')
          ?.shadowRoot?.querySelector<HTMLButtonElement>('.quote-button');
        return !!button && !button.hidden;
      });
    }, 15_000);
    const pending = async () =>
      (
        await gloss.extension.evaluate(async () =>
          (globalThis as unknown as Ext).browser.storage.local.get('pending-quote'),
        )
      )['pending-quote'];
    // A click a page script makes (untrusted) sends nothing: the host's shadow root is open to the page.
    await page.evaluate(() =>
      document.querySelector('gloss-ui')!.shadowRoot!.querySelector<HTMLButtonElement>('.quote-button')!.click(),
    );
    await new Promise((r) => setTimeout(r, 500));
    expect(await pending()).toBeUndefined();
    // The reader's own click does.
    const button = await page.evaluateHandle(() =>
      document.querySelector('gloss-ui')!.shadowRoot!.querySelector<HTMLButtonElement>('.quote-button')!,
    );
    await (button as unknown as ElementHandle<Element>).click();

    await waitUntil(async () => (await pending()) != null);
    const quote = await pending();
    expect(quote.selector.exact).toBe(QUOTE);
    expect(quote).toMatchObject({
      publisher: 'Example Herald',
      published: '2022-01-20',
      url: `${server.origin}/article.html`,
    });
    expect(quote.text).toContain(`“${QUOTE}” wrote Dmitry Medvedev.`);
    await waitUntil(async () =>
      (
        await gloss.extension.evaluate(async () =>
          (await (globalThis as unknown as Ext).browser.tabs.query({})).map((t) => t.url ?? ''),
        )
      ).includes(`${EXTENSION_ORIGIN}/editor.html?quote=1`),
    );
  });
});

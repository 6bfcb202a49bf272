/**
 * `npm run store` (and the end of `npm run demo`): the store images, taken from the built extension
 * in headless Chromium on the demo article, so the listing always shows the product as it is.
 * Writes store/images/: five 1280×800 screenshots (the hover card, the side panel, the popup, the
 * options page, the welcome page) and the 440×280 tile. The store texts beside them are written
 * by hand (store/<lang>.md).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, type Launched } from './chromium';
import { articlePage } from './pages';
import { servePages, type PageServer } from './serve';
import { textInPage } from './text-in-page';

/** Code passed to `worker.evaluate` runs in the extension's service worker, where `chrome` exists. */
declare const chrome: any;

const ROOT = resolve(import.meta.dirname, '..');
export const STORE_IMAGES = resolve(ROOT, 'store/images');
export const SCREENSHOT = { width: 1280, height: 800 } as const;
export const TILE = { width: 440, height: 280 } as const;
export const STORE_SHOTS = [
  '1-hover-card.png',
  '2-side-panel.png',
  '3-popup.png',
  '4-options.png',
  '5-welcome.png',
] as const;
export const STORE_TILE = 'tile-440x280.png';

const PANEL_WIDTH = 400;

const dataUrl = (png: Buffer) => `data:image/png;base64,${png.toString('base64')}`;

async function mentionsSettled(gloss: Launched, tabId: number): Promise<void> {
  let last = -1;
  for (let i = 0; i < 100; i++) {
    const reply = await gloss.worker
      .evaluate((tabId) => chrome.tabs.sendMessage(tabId, { type: 'gloss:get-mentions' }), tabId)
      .catch(() => null);
    const count = (reply as { mentions?: unknown[] } | null)?.mentions?.length ?? -1;
    if (count > 0 && count === last) return;
    last = count;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('Gloss found no mentions on the demo article: is the extension built?');
}

async function tabIdOf(gloss: Launched, page: Page): Promise<number> {
  await page.bringToFront();
  return gloss.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0].id!);
}

/** Rests the pointer on `text` (scrolled into the upper part of the view) until its card shows. */
async function openCard(page: Page, text: string): Promise<void> {
  const found = await page.evaluate(textInPage, { text, scroll: 220 });
  if (!found) throw new Error(`"${text}" is not on the page`);
  await page.mouse.move(found.x + found.width / 2, found.y + found.height / 2, { steps: 5 });
  await page.locator('gloss-ui .card').waitFor({ state: 'visible' });
}

/** Lays images out on a 1280×800 stage (a page of its own) and photographs it. */
async function stage(
  gloss: Launched,
  server: PageServer,
  html: string,
  size: { width: number; height: number },
): Promise<Buffer> {
  server.set(
    '/stage.html',
    `<!doctype html><html><head><meta charset="utf-8"><style>
    html, body { margin: 0; width: ${size.width}px; height: ${size.height}px; overflow: hidden; background: #fbfaf7; }
    img { display: block; }
  </style></head><body>${html}</body></html>`,
  );
  const page = await gloss.context.newPage();
  await page.setViewportSize(size);
  await page.goto(`${server.origin}/stage.html`);
  await page.evaluate(() => Promise.all([...document.images].map((img) => img.decode())));
  const png = await page.screenshot();
  await page.close();
  return png;
}

export async function writeStoreImages(out = STORE_IMAGES): Promise<string[]> {
  const server = await servePages({ '/article.html': articlePage() });
  const gloss = await launchChromium({ headless: true });
  const written: string[] = [];
  const save = (name: string, png: Buffer) => {
    const path = resolve(out, name);
    writeFileSync(path, png);
    written.push(path);
  };
  try {
    mkdirSync(out, { recursive: true });
    const article = await gloss.context.newPage();
    await article.setViewportSize(SCREENSHOT);
    await article.goto(`${server.origin}/article.html`);
    const tabId = await tabIdOf(gloss, article);
    await mentionsSettled(gloss, tabId);
    await openCard(article, 'ODKB');
    save(STORE_SHOTS[0], await article.screenshot());

    // The side panel beside the article, as Chrome shows it.
    await article.mouse.move(5, 795);
    await article.locator('gloss-ui .card').waitFor({ state: 'hidden' });
    await article.setViewportSize({ width: SCREENSHOT.width - PANEL_WIDTH, height: SCREENSHOT.height });
    await article.evaluate(() => window.scrollTo(0, 0));
    const narrowArticle = await article.screenshot();
    const panel = await gloss.context.newPage();
    await panel.setViewportSize({ width: PANEL_WIDTH, height: SCREENSHOT.height });
    await panel.goto(`chrome-extension://${gloss.extensionId}/sidepanel.html?tabId=${tabId}`);
    await panel.locator('.entity-row[data-entity="csto"]').click();
    await panel.locator('.claims').waitFor();
    const panelShot = await panel.screenshot();
    await panel.close();
    save(
      STORE_SHOTS[1],
      await stage(
        gloss,
        server,
        `<div style="display:flex"><img src="${dataUrl(narrowArticle)}"><img src="${dataUrl(panelShot)}" style="border-left:1px solid #c8c8c8;margin-left:-1px"></div>`,
        SCREENSHOT,
      ),
    );

    // The popup under the toolbar, over the article it speaks for.
    await article.setViewportSize(SCREENSHOT);
    await article.evaluate(() => window.scrollTo(0, 0));
    const fullArticle = await article.screenshot();
    const popup = await gloss.context.newPage();
    await popup.setViewportSize({ width: 320, height: 250 });
    await popup.goto(`chrome-extension://${gloss.extensionId}/popup.html?tabId=${tabId}`);
    await popup.getByTestId('count').waitFor();
    const popupHeight = await popup.evaluate(() =>
      Math.ceil(document.querySelector('main')!.getBoundingClientRect().height),
    );
    await popup.setViewportSize({ width: 320, height: popupHeight });
    const popupShot = await popup.screenshot();
    await popup.close();
    save(
      STORE_SHOTS[2],
      await stage(
        gloss,
        server,
        `<img src="${dataUrl(fullArticle)}" style="position:absolute;inset:0;filter:brightness(.93)">
         <img src="${dataUrl(popupShot)}" style="position:absolute;top:12px;right:24px;border-radius:10px;box-shadow:0 6px 24px rgb(0 0 0 / .28),0 0 0 1px rgb(0 0 0 / .12)">`,
        SCREENSHOT,
      ),
    );

    const options = await gloss.context.newPage();
    await options.setViewportSize(SCREENSHOT);
    await options.goto(`chrome-extension://${gloss.extensionId}/options.html`);
    await options.getByTestId('pack-list').locator('li').first().waitFor();
    save(STORE_SHOTS[3], await options.screenshot());
    await options.close();

    // The welcome page comes from a fresh install; this launch closed its own, so open it again.
    const welcome = await gloss.context.newPage();
    await welcome.setViewportSize(SCREENSHOT);
    await welcome.goto(`chrome-extension://${gloss.extensionId}/welcome.html`);
    await welcome.locator('[data-testid="example"]').waitFor();
    await welcome.waitForFunction(() => [...CSS.highlights.keys()].some((k) => k.startsWith('gloss-')));
    await openCard(welcome, 'CSTO');
    save(STORE_SHOTS[4], await welcome.screenshot());
    await welcome.close();

    const icon = readFileSync(resolve(ROOT, 'assets/icon.svg'), 'utf8');
    save(
      STORE_TILE,
      await stage(
        gloss,
        server,
        `<div style="box-sizing:border-box;width:440px;height:280px;padding:36px 34px;background:#1b2a4a;color:#fff;font-family:system-ui,sans-serif;display:flex;flex-direction:column;justify-content:space-between">
           <div style="display:flex;align-items:center;gap:18px">
             <div style="width:84px;height:84px">${icon.replace('<svg ', '<svg style="width:84px;height:84px" ')}</div>
             <div style="font-size:52px;font-weight:700;letter-spacing:.01em">Gloss</div>
           </div>
           <div style="font-size:21px;line-height:1.35;color:#e8ecf4">Context for news readers,<br>where they read.</div>
         </div>`,
        TILE,
      ),
    );
  } finally {
    await gloss.close();
    await server.close();
  }
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  writeStoreImages().then(
    (written) => console.log(`Store images in ${STORE_IMAGES}:\n${written.map((p) => `  ${p}`).join('\n')}`),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}

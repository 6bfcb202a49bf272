/**
 * `npm run demo`: the built extension in Chromium on two demo news pages.
 * With a display it opens a window and waits; without one (or with --headless) it takes
 * screenshots of the highlighted page, an open hover card, the side panel, the popup and the
 * options page, then exits.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromium, type Launched } from './chromium';
import { articlePage, multilingualPage } from './pages';
import { servePages } from './serve';
import { textInPage } from './text-in-page';

/** Code passed to `worker.evaluate` runs in the extension's service worker, where `chrome` exists. */
declare const chrome: any;

const OUT = resolve(import.meta.dirname, '../demo-output');
const headless = process.argv.includes('--headless') || !process.env.DISPLAY;

async function tabIdOf(gloss: Launched, page: Page): Promise<number> {
  await page.bringToFront();
  return gloss.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0].id!);
}

async function mentionCount(gloss: Launched, tabId: number): Promise<number> {
  let last = -1;
  for (let i = 0; i < 100; i++) {
    const reply = await gloss.worker
      .evaluate((tabId) => chrome.tabs.sendMessage(tabId, { type: 'gloss:get-mentions' }), tabId)
      .catch(() => null);
    const count = (reply as { mentions?: unknown[] } | null)?.mentions?.length ?? -1;
    if (count > 0 && count === last) return count;
    last = count;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('Gloss found no mentions on the demo page: is the extension built?');
}

async function hover(page: Page, text: string) {
  const box = await page.evaluate(textInPage, { text, scroll: 'center' } as const);
  if (!box) throw new Error(`"${text}" is not on the demo page`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
  await page.locator('gloss-ui .card').waitFor({ state: 'visible' });
}

async function main() {
  const server = await servePages({
    '/': articlePage(),
    '/article.html': articlePage(),
    '/languages.html': multilingualPage(),
  });
  // A reader at a window sees the welcome page a first install opens.
  const gloss = await launchChromium({ headless, keepWelcome: !headless });
  const article = `${server.origin}/article.html`;
  const languages = `${server.origin}/languages.html`;
  console.log(`Gloss demo: ${article}\n            ${languages}`);

  const page = gloss.context.pages()[0] ?? (await gloss.context.newPage());
  await page.goto(article);
  const tabId = await tabIdOf(gloss, page);
  const count = await mentionCount(gloss, tabId);
  console.log(`Gloss marked ${count} mentions on the article.`);

  if (!headless) {
    const second = await gloss.context.newPage();
    await second.goto(languages);
    await page.bringToFront();
    console.log('Hover a marked name for its card; close the browser window (or press Ctrl+C) to end.');
    await new Promise<void>((done) => {
      gloss.context.on('close', () => done());
      process.on('SIGINT', () => done());
    });
    await server.close();
    return;
  }

  mkdirSync(OUT, { recursive: true });
  const shots: string[] = [];
  const shot = async (p: Page, name: string) => {
    const path = resolve(OUT, name);
    await p.screenshot({ path });
    shots.push(path);
  };
  await page.mouse.move(1150, 880);
  await shot(page, '1-article-highlighted.png');
  await hover(page, 'ODKB');
  await shot(page, '2-hover-card.png');

  const panel = await gloss.context.newPage();
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.goto(`chrome-extension://${gloss.extensionId}/sidepanel.html?tabId=${tabId}`);
  await panel.locator('[data-state="mentions"]').waitFor();
  await shot(panel, '3-side-panel.png');
  await panel.locator('.entity-row[data-entity="csto"]').click();
  await panel.locator('.claims').waitFor();
  await panel.emulateMedia({ colorScheme: 'dark' });
  await shot(panel, '4-side-panel-entity-dark.png');

  const other = await gloss.context.newPage();
  await other.goto(languages);
  await mentionCount(gloss, await tabIdOf(gloss, other));
  await other.mouse.move(1150, 880);
  await shot(other, '5-other-wording-and-languages.png');

  const popup = await gloss.context.newPage();
  await popup.setViewportSize({ width: 320, height: 260 });
  await popup.goto(`chrome-extension://${gloss.extensionId}/popup.html?tabId=${tabId}`);
  await popup.getByRole('switch').waitFor();
  await shot(popup, '6-popup.png');

  const options = await gloss.context.newPage();
  await options.setViewportSize({ width: 900, height: 1400 });
  await options.goto(`chrome-extension://${gloss.extensionId}/options.html`);
  await options.getByTestId('pack-list').locator('li').first().waitFor();
  await shot(options, '7-options.png');

  await gloss.close();
  await server.close();
  console.log(`Screenshots in ${OUT}:\n${shots.map((s) => `  ${s}`).join('\n')}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

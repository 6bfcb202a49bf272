/**
 * Firefox ESR with the test build (extension pages web-accessible), driven by puppeteer-core
 * over WebDriver BiDi. Firefox lets no automation navigate to moz-extension:// directly, so a
 * page navigates itself there; the extension page then speaks for the tests (storage, messages).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { MentionsReply } from '../../core/messages';

export const FIREFOX_TEST_BUILD = resolve(import.meta.dirname, '../../.output/test/firefox-mv2');
export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** Fixed so tests know the extension's origin. */
const UUID = '6a1c1d2e-6c0f-4b43-9d7e-91b1e3f0a7c5';
export const EXTENSION_ORIGIN = `moz-extension://${UUID}`;

export interface FirefoxGloss {
  browser: Browser;
  /** An extension page (options.html) with the extension's APIs, for storage and messages. */
  extension: Page;
  close(): Promise<void>;
}

/** `beforeInstall` runs in the started browser before Gloss is installed (tabs a reader already had open). */
export async function launchFirefoxGloss(
  origin: string,
  beforeInstall?: (browser: Browser) => Promise<void>,
): Promise<FirefoxGloss> {
  if (!existsSync(join(FIREFOX_TEST_BUILD, 'manifest.json'))) {
    throw new Error(`No Firefox test build at ${FIREFOX_TEST_BUILD}: run "GLOSS_TEST=1 wxt build -b firefox"`);
  }
  const addonId: string = JSON.parse(readFileSync(join(FIREFOX_TEST_BUILD, 'manifest.json'), 'utf8'))
    .browser_specific_settings.gecko.id;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [addonId]: UUID }) },
  });
  await beforeInstall?.(browser);
  await browser.installExtension(FIREFOX_TEST_BUILD);
  const extension = await browser.newPage();
  await extension.goto(`${origin}/blank.html`);
  await extension.evaluate((url) => {
    location.href = url;
  }, `${EXTENSION_ORIGIN}/options.html`);
  await waitUntil(() => extension.evaluate(() => location.protocol === 'moz-extension:').catch(() => false));
  // The content script is registered at runtime (background/registration.ts): pages opened
  // before that would go without it.
  await waitUntil(() =>
    extension
      .evaluate(async () => {
        const scripting = (
          globalThis as unknown as { browser: { scripting: { getRegisteredContentScripts(): Promise<unknown[]> } } }
        ).browser.scripting;
        return (await scripting.getRegisteredContentScripts()).length > 0;
      })
      .catch(() => false),
  );
  return { browser, extension, close: () => browser.close() };
}

export async function waitUntil(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 100));
  }
}

type Ext = {
  browser: {
    tabs: { query(q: object): Promise<{ id: number }[]>; sendMessage(id: number, m: unknown): Promise<unknown> };
    storage: {
      local: { set(v: object): Promise<void> };
      sync?: { remove(keys: string[]): Promise<void> };
    };
  };
};

/** Asks every tab's content script for its mentions and returns the reply of the tab at `url`. */
export function firefoxMentions(gloss: FirefoxGloss, url: string): Promise<MentionsReply | null> {
  return gloss.extension.evaluate(async (url) => {
    const { browser } = globalThis as unknown as Ext;
    for (const tab of await browser.tabs.query({})) {
      const reply = (await browser.tabs.sendMessage(tab.id, { type: 'gloss:get-mentions' }).catch(() => null)) as {
        url?: string;
      } | null;
      if (reply?.url === url) return reply;
    }
    return null;
  }, url) as Promise<MentionsReply | null>;
}

/** As setStorage (harness.ts): a value kept on this device, so the same keys leave sync. */
export function firefoxStorage(gloss: FirefoxGloss, values: Record<string, unknown>): Promise<void> {
  return gloss.extension.evaluate(async (values) => {
    const { browser } = globalThis as unknown as Ext;
    await browser.storage.local.set(values);
    await browser.storage.sync?.remove(Object.keys(values)).catch(() => undefined);
  }, values);
}

/** The highlighted texts, read from the page's own world: the highlight registry is shared. */
export function highlightedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const ranges: Range[] = [];
    for (const name of [
      'gloss-actor',
      'gloss-event',
      'gloss-concept',
      'gloss-actor-dark',
      'gloss-event-dark',
      'gloss-concept-dark',
    ]) {
      const highlight = CSS.highlights.get(name);
      // Gloss registers static ranges: read each through a live one.
      if (highlight) {
        for (const r of highlight) {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          ranges.push(range);
        }
      }
    }
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    return ranges.map((r) => r.toString());
  });
}

/** Moves the pointer onto a <b> with this text and rests there, the way a reader does before a card. */
export async function restOnBold(page: Page, text: string): Promise<void> {
  const box = await page.evaluate((text) => {
    const b = [...document.querySelectorAll('b')].find((el) => el.textContent === text)!;
    const r = b.getBoundingClientRect();
    return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
  }, text);
  await page.mouse.move(box.x - 50, box.y);
  await page.mouse.move(box.x, box.y, { steps: 3 });
}

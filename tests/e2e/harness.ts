/**
 * Chromium with the built extension, driven by playwright-core. Pages come from a local server;
 * the content script is reached through the extension's own service worker, exactly as the side
 * panel reaches it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { servePages, type PageServer } from '../../scripts/serve';
import { launchChromium, type Launched, type LaunchOptions } from '../../scripts/chromium';
import { textInPage } from '../../scripts/text-in-page';
import type { MentionsReply, ToPage } from '../../core/messages';

/** Code passed to `worker.evaluate` runs in the extension's service worker, where `chrome` exists. */
declare const chrome: any;

export { CHROME_BUILD, CHROMIUM, CHROMIUM_ARGS, OFFLINE_ARGS } from '../../scripts/chromium';

export type Gloss = Launched;

export const launchGloss = (options: Omit<LaunchOptions, 'headless'> = {}) => launchChromium(options);

/** For one test file: serves `pages`, launches Chromium with Gloss, hands both over, closes both after. */
export function withGloss(pages: Record<string, string>, ready: (gloss: Gloss, server: PageServer) => void): void {
  let gloss: Gloss | undefined;
  let server: PageServer | undefined;
  beforeAll(async () => {
    server = await servePages(pages);
    gloss = await launchGloss();
    ready(gloss, server);
  });
  afterAll(async () => {
    await gloss?.close();
    await server?.close();
  });
}

/** The tab id of a page: bring it to the front and ask which tab is active. */
export async function tabIdOf(gloss: Gloss, page: Page): Promise<number> {
  await page.bringToFront();
  return gloss.worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab.id!;
  });
}

export async function sendToPage<R>(gloss: Gloss, tabId: number, message: ToPage): Promise<R> {
  return gloss.worker.evaluate(({ tabId, message }) => chrome.tabs.sendMessage(tabId, message), {
    tabId,
    message,
  }) as Promise<R>;
}

export const getMentions = (gloss: Gloss, tabId: number) =>
  sendToPage<MentionsReply>(gloss, tabId, { type: 'gloss:get-mentions' });

/** Polls until `check` passes or the time is up; returns the last value. */
export async function waitFor<T>(read: () => Promise<T>, check: (value: T) => boolean, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  let value = await read();
  while (!check(value) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}

/** Waits until the page's mentions stop changing (the scan settled). */
export async function settledMentions(gloss: Gloss, tabId: number, min = 1): Promise<MentionsReply> {
  let previous = -1;
  return waitFor(
    () => getMentions(gloss, tabId).catch(() => ({ url: '', mentions: [], enabled: false, published: null })),
    (reply) => {
      const stable = reply.mentions.length >= min && reply.mentions.length === previous;
      previous = reply.mentions.length;
      return stable;
    },
  );
}

/**
 * Waits until the content script answers and its mentions stop changing, also on a page with none
 * (where `settledMentions(…, 0)` could settle on two failed calls before the script started).
 */
export async function answeredMentions(gloss: Gloss, tabId: number, ms = 15_000): Promise<MentionsReply> {
  // Unchanged over three answers in a row: a starved renderer can pause a scan for a poll or so.
  let previous = -1;
  let same = 0;
  const reply = await waitFor(
    () => getMentions(gloss, tabId).catch(() => null),
    (reply) => {
      const count = reply?.mentions.length ?? -1;
      same = reply !== null && count === previous ? same + 1 : 0;
      previous = count;
      return same >= 2;
    },
    ms,
  );
  if (!reply) throw new Error('the content script never answered');
  return reply;
}

/**
 * Writes extension storage as a value kept on this device: the settings that follow the reader
 * read local when sync holds no value (shared/synced-item.ts), so the same keys leave sync.
 */
export async function setStorage(gloss: Gloss, values: Record<string, unknown>): Promise<void> {
  await gloss.worker.evaluate(
    (values) => Promise.all([chrome.storage.local.set(values), chrome.storage.sync.remove(Object.keys(values))]),
    values,
  );
}

/** Empties every storage area between tests: the reader's settings live in sync too. */
export async function clearStorage(gloss: Gloss): Promise<void> {
  await gloss.worker.evaluate(() =>
    Promise.all([chrome.storage.local.clear(), chrome.storage.sync.clear(), chrome.storage.session.clear()]),
  );
}

/** The viewport rectangle of the `nth` occurrence of `text` in the page's text. */
export async function rectOfText(
  page: Page,
  text: string,
  nth = 0,
): Promise<{ x: number; y: number; width: number; height: number }> {
  const found = await page.evaluate(textInPage, { text, nth });
  if (!found) throw new Error(`text not found: ${text}`);
  return found;
}

/** Rests the pointer on a piece of text, the way a reader does before a card should appear. */
export async function hoverText(page: Page, text: string, nth = 0): Promise<void> {
  const rect = await rectOfText(page, text, nth);
  await page.mouse.move(rect.x + rect.width / 2, rect.y + rect.height / 2, { steps: 4 });
}

/** The page's DOM serialized, with our single host element taken out. */
export async function pageDomWithoutGloss(page: Page): Promise<{ html: string; hosts: number }> {
  return page.evaluate(() => {
    const clone = document.documentElement.cloneNode(true) as HTMLElement;
    const hosts = clone.querySelectorAll('gloss-ui');
    hosts.forEach((h) => h.remove());
    return { html: clone.outerHTML, hosts: hosts.length };
  });
}

/**
 * Uncaught errors and unhandled rejections from any world of the page, the content script's
 * isolated world included, and errors it logs.
 */
export async function watchErrors(page: Page, gloss: Gloss): Promise<string[]> {
  const session = await gloss.context.newCDPSession(page);
  const errors: string[] = [];
  session.on('Runtime.exceptionThrown', ({ exceptionDetails }) => {
    const where = `${exceptionDetails.url ?? ''} ${exceptionDetails.exception?.description ?? exceptionDetails.text}`;
    const stack = JSON.stringify(exceptionDetails.stackTrace ?? '');
    if (where.includes('chrome-extension://') || stack.includes('chrome-extension://')) errors.push(where);
  });
  session.on('Runtime.consoleAPICalled', ({ type, args, stackTrace }) => {
    if (type !== 'error' && type !== 'assert') return;
    if (JSON.stringify(stackTrace ?? '').includes('chrome-extension://')) {
      errors.push(`console.${type}: ${args.map((a) => a.value ?? a.description).join(' ')}`);
    }
  });
  await session.send('Runtime.enable');
  return errors;
}

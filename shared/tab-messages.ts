/**
 * Sending to a tab's content script, defined once: `askTab` when the answer matters (it rejects
 * where no content script answers, and the caller says so), `tellTab` when it does not (a tab
 * without Gloss is simply not told).
 */
import { browser } from 'wxt/browser';
import type { PageReplies, ToPage } from '../core/messages';

export function askTab<M extends ToPage>(
  tabId: number,
  message: M,
  options?: { frameId?: number },
): Promise<PageReplies[M['type']]> {
  const sent = options ? browser.tabs.sendMessage(tabId, message, options) : browser.tabs.sendMessage(tabId, message);
  return sent as Promise<PageReplies[M['type']]>;
}

export async function tellTab(tabId: number, message: ToPage): Promise<void> {
  try {
    await browser.tabs.sendMessage(tabId, message);
  } catch {
    // No content script in that tab (switched off, a browser page): nothing to tell it.
  }
}

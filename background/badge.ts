/**
 * The toolbar badge: how many entities the tab's page mentions, as NewsGuard shows its verdict
 * there, so the reader sees before opening anything whether Gloss found something. The page's own
 * broadcast (`gloss:mentions-changed`, sent as its mentions change) keeps it live; a tab that
 * navigates or finishes loading is asked once, and a tab without Gloss (off, a browser page) shows
 * nothing. The "Show the count on the toolbar icon" preference switches it off everywhere at once.
 */
import { reportError } from '../shared/error-log';
import { browser, type Browser } from 'wxt/browser';
import { isBroadcast, type Sender } from '../core/messages';
import { getPrefs, watchPrefs } from '../shared/settings';
import { askTab } from '../shared/tab-messages';
import { action } from './toolbar';

/** Dark enough for white digits in both browsers' default badge text colour (contrast above 7:1). */
export const BADGE_COLOR = '#1d4f91';

/** The badge's text for a number of entities: nothing for none, "99+" beyond two digits' worth. */
export function badgeText(entities: number, show: boolean): string {
  if (!show || !(entities > 0)) return '';
  return entities > 99 ? '99+' : String(Math.floor(entities));
}

/** Shows a number on one tab's badge; a tab closed meanwhile is no error. */
export async function showCount(tabId: number, entities: number, show: boolean): Promise<void> {
  const text = badgeText(entities, show);
  try {
    if (text) await action().setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
    await action().setBadgeText({ tabId, text });
  } catch {
    // The tab closed meanwhile.
  }
}

/** The distinct entities the tab's page mentions, asked of it; 0 where no content script answers. */
export async function entitiesOn(tabId: number): Promise<number> {
  try {
    return (await askTab(tabId, { type: 'gloss:get-count' })).entities;
  } catch {
    return 0;
  }
}

/** From the background's start: every tab now, then each page's reports, navigations and the preference. */
export function followBadge(): () => void {
  let show: Promise<boolean> = getPrefs().then(
    (p) => p.showCount,
    () => true,
  );
  const refresh = async (tabId: number) => showCount(tabId, await entitiesOn(tabId), await show);
  const refreshAll = async () => {
    const tabs = await browser.tabs.query({});
    await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : refresh(tab.id))));
  };
  const failed = (error: unknown) => reportError('badge', error, 'Gloss: could not update the toolbar count.');
  void refreshAll().catch(failed);

  const onMessage = (message: unknown, sender: Sender) => {
    // Only our own content scripts, and only the page itself (not a frame of it).
    if (sender.id !== browser.runtime.id || !isBroadcast(message)) return undefined;
    const tabId = sender.tab?.id;
    if (tabId === undefined || (sender.frameId ?? 0) !== 0) return undefined;
    void show.then((on) => showCount(tabId, message.entities, on)).catch(failed);
    return undefined;
  };
  const onUpdated = (tabId: number, change: { url?: string; status?: string }, _tab: Browser.tabs.Tab) => {
    if (change.url === undefined && change.status !== 'complete') return;
    void refresh(tabId).catch(failed);
  };
  browser.runtime.onMessage.addListener(onMessage);
  browser.tabs.onUpdated.addListener(onUpdated);
  const unwatch = watchPrefs((prefs) => {
    void show.then((before) => {
      show = Promise.resolve(prefs.showCount);
      if (before !== prefs.showCount) void refreshAll().catch(failed);
    });
  });
  return () => {
    browser.runtime.onMessage.removeListener(onMessage);
    browser.tabs.onUpdated.removeListener(onUpdated);
    unwatch();
  };
}

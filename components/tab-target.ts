/**
 * Which tab an extension page (side panel, popup) speaks for, and what that tab's content script
 * says about it. `?tabId=N` pins a tab (tests, a popped-out view); otherwise the active tab of the
 * page's own window, followed as the reader switches tabs.
 */
import { askTab } from '../shared/tab-messages';
import { browser } from 'wxt/browser';
import type { Broadcast, MentionsReply } from '../core/messages';
import { isBroadcast } from '../core/messages';
import { getSites } from '../shared/settings';
import { decideSite, siteOf } from '../core/site-rules';

export function pinnedTabId(search: string = location.search): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d+$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

export interface TargetTab {
  tabId: number | null;
  windowId: number | null;
  /** The tab's URL where the browser tells us (it may not without the tabs permission). */
  url: string | null;
  pinned: boolean;
}

export async function resolveTarget(search: string = location.search): Promise<TargetTab> {
  const pinned = pinnedTabId(search);
  if (pinned !== null) {
    const tab = await browser.tabs.get(pinned).catch(() => null);
    return { tabId: pinned, windowId: tab?.windowId ?? null, url: tab?.url ?? null, pinned: true };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return { tabId: tab?.id ?? null, windowId: tab?.windowId ?? null, url: tab?.url ?? null, pinned: false };
}

export type PageState =
  | { status: 'loading' }
  | { status: 'ready'; reply: MentionsReply; site: string | null }
  /**
   * No content script answered on a page where Gloss is on: a browser page, a store page, or a page
   * opened before Gloss was installed. (Where it is off, the settings answer: `ready`, disabled.)
   */
  | { status: 'unreachable'; url: string | null; webPage: boolean };

export async function readPage(tabId: number, knownUrl: string | null = null): Promise<PageState> {
  try {
    const reply: MentionsReply | undefined = await askTab(tabId, { type: 'gloss:get-mentions' });
    if (!reply || !Array.isArray(reply.mentions)) throw new Error('no reply');
    return { status: 'ready', reply, site: siteOf(reply.url) };
  } catch {
    const tab = await browser.tabs.get(tabId).catch(() => null);
    const url = tab?.url ?? knownUrl;
    const site = url === null ? null : siteOf(url);
    // Gloss is not injected where it is switched off: the settings answer for the page.
    const sites = site === null ? null : await getSites().catch(() => null);
    if (url !== null && sites && !decideSite(sites, url).enabled) {
      return { status: 'ready', reply: { url, enabled: false, published: null, mentions: [] }, site };
    }
    return { status: 'unreachable', url, webPage: site !== null };
  }
}

export interface FollowOptions {
  target: TargetTab;
  /** The reader switched to another tab of this window (never called for a pinned tab). */
  onSwitch(tabId: number): void;
  /** The target tab navigated, finished loading, or its content script reported new mentions. */
  onChange(tabId: number, kind: 'loading' | 'complete' | 'mentions'): void;
}

/** Listens for everything that changes what the page says; returns the unsubscribe function. */
export function followTarget({ target, onSwitch, onChange }: FollowOptions): () => void {
  let current = target.tabId;
  const activated = (info: { tabId: number; windowId: number }) => {
    if (target.pinned || (target.windowId !== null && info.windowId !== target.windowId)) return;
    current = info.tabId;
    onSwitch(info.tabId);
  };
  const updated = (tabId: number, change: { status?: string; url?: string }) => {
    if (tabId !== current) return;
    if (change.status === 'complete') onChange(tabId, 'complete');
    else if (change.status === 'loading' || change.url) onChange(tabId, 'loading');
  };
  const message = (msg: unknown, sender: { id?: string; tab?: { id?: number } }) => {
    if (sender.id !== browser.runtime.id || !isBroadcast(msg)) return undefined;
    if (sender.tab?.id === current) onChange(current, 'mentions');
    return undefined;
  };
  browser.tabs.onActivated.addListener(activated);
  browser.tabs.onUpdated.addListener(updated);
  browser.runtime.onMessage.addListener(message);
  return () => {
    browser.tabs.onActivated.removeListener(activated);
    browser.tabs.onUpdated.removeListener(updated);
    browser.runtime.onMessage.removeListener(message);
  };
}

export type { Broadcast };

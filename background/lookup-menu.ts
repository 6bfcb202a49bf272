/**
 * "Look up “…” in Gloss": a context-menu entry on selected text, and the look-up shortcut. Both
 * open the sidebar on the search for that text, also where no alias matched and on sites where
 * Gloss is off: the reader asked explicitly. Neither injects the content script or marks the page;
 * the shortcut only reads the selection (a one-line function, not Gloss's page code).
 */
import { reportError } from '../shared/error-log';
import { browser } from 'wxt/browser';
import { t } from '../shared/i18n';
import { lookupItem, lookupQuery } from '../shared/lookup';
import { startSidebarOpen } from '../shared/sidebar';
import { contextMenus, setSelectionEntry } from './menus';

export const LOOKUP_MENU_ID = 'gloss-look-up';

type Tab = { id?: number; windowId?: number };
interface ClickInfo {
  menuItemId: string | number;
  selectionText?: string;
}

/**
 * Opens the sidebar and hands it the search. The sidebar is asked first, before anything is
 * awaited: Firefox opens it only while the reader's click or key is being handled.
 */
export function lookUp(selection: string, tab: Tab | undefined): Promise<void> {
  const tabId = tab?.id;
  const opening = startSidebarOpen({ tabId, windowId: tab?.windowId });
  // A refusal leaves the search stored: the sidebar shows it when the reader opens it (within a minute).
  opening.catch(() => undefined);
  return handOver(tabId, selection);
}

/** Leaves the search for the tab's sidebar, which reads it as it opens; no text, no search. */
async function handOver(tabId: number | undefined, selection: string): Promise<void> {
  const query = lookupQuery(selection);
  if (tabId !== undefined && query) await lookupItem.setValue({ tabId, query, at: Date.now() });
}

/** The context menu's click, for our entry only. */
export function handleLookupClick(info: ClickInfo, tab?: Tab): Promise<void> | undefined {
  if (info.menuItemId !== LOOKUP_MENU_ID) return undefined;
  return lookUp(info.selectionText ?? '', tab);
}

/** The text selected in a tab (in any of its frames), or '' where the browser lets no extension read. */
export async function selectionIn(tabId: number): Promise<string> {
  try {
    const results = await browser.scripting.executeScript({
      target: { tabId, allFrames: true },
      func: () => getSelection()?.toString() ?? '',
    });
    return results.map((r) => (typeof r.result === 'string' ? r.result : '')).find((s) => s.trim()) ?? '';
  } catch {
    return '';
  }
}

/**
 * The shortcut: the sidebar opens at once, then learns what was selected; with nothing selected it
 * just opens. `open: false` where the caller has opened it already.
 */
export async function lookUpSelection(tab: Tab, open = true): Promise<void> {
  if (open) startSidebarOpen({ tabId: tab.id, windowId: tab.windowId }).catch(() => undefined);
  if (tab.id !== undefined) await handOver(tab.id, await selectionIn(tab.id));
}

/** From the background's start: our entry, always there (the look-up needs no switch). */
export function followLookupMenu(): () => void {
  const api = contextMenus();
  if (!api) return () => undefined;
  void setSelectionEntry(api, LOOKUP_MENU_ID, t('lookUpMenu'));
  const onClicked = (info: ClickInfo, tab?: Tab) =>
    void handleLookupClick(info, tab)?.catch((error) => reportError('look-up', error, 'Gloss: the look-up failed.'));
  api.onClicked.addListener(onClicked);
  return () => api.onClicked.removeListener(onClicked);
}

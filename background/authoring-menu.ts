/**
 * "Quote in a pack…" in the context menu of a selection, while authoring is on (Options), and
 * where a quote goes: the passage is kept as the pending quote and the pack editor opens on it.
 * The menu works on every page, also where Gloss is off: the background injects capture.js into
 * the frame the curator selected in (host permission for all pages, as for the content script).
 */
import { browser } from 'wxt/browser';
import { inSeries } from '../core/in-series';
import { extensionUrl } from '../shared/extension-url';
import type { QuoteCapture, QuoteReply, ToEditor } from '../core/messages';
import { pendingQuoteItem } from '../shared/drafts';
import { t } from '../shared/i18n';
import { getAuthoring, watchAuthoring } from '../shared/settings';
import { contextMenus, setSelectionEntry, type Menus } from './menus';

export const QUOTE_MENU_ID = 'gloss-quote-in-pack';

/** The menu entry follows the authoring switch; returns the function that stops following. */
export function followAuthoringMenu(menus: Menus | undefined = contextMenus()): () => void {
  if (!menus) return () => undefined;
  const sync = (enabled: boolean) => setSelectionEntry(menus, QUOTE_MENU_ID, enabled ? t('quoteInPack') : null);
  // One change after the other, so a quick on-off cannot leave the entry behind; never throws past
  // here (a browser without menus, or a fake one in tests, has nothing to follow).
  const inOrder = inSeries();
  const follow = (enabled: boolean) => void inOrder(() => sync(enabled)).catch(() => undefined);
  getAuthoring().then(
    ({ enabled }) => follow(enabled),
    () => undefined,
  );
  const stop = watchAuthoring(({ enabled }) => follow(enabled));
  const onClicked = (info: { menuItemId: string | number; frameId?: number }, tab?: { id?: number }) => {
    if (info.menuItemId !== QUOTE_MENU_ID || tab?.id === undefined) return;
    void quoteFromFrame(tab.id, info.frameId ?? 0);
  };
  menus.onClicked.addListener(onClicked);
  return () => {
    stop();
    menus.onClicked.removeListener(onClicked);
  };
}

/** Runs capture.js in the frame: it reads the selection there and sends it back as `gloss:quote`. */
export async function quoteFromFrame(tabId: number, frameId: number): Promise<void> {
  await browser.scripting
    .executeScript({ target: { tabId, frameIds: [frameId] }, files: ['/capture.js'] })
    .catch((error) => console.warn('Gloss: could not read the selection on this page.', error));
}

/** A quote from a page: kept until the editor takes it, and the editor opened on it. */
export async function receiveQuote(capture: QuoteCapture): Promise<QuoteReply> {
  if (!(await getAuthoring()).enabled) return { opened: false };
  await pendingQuoteItem.setValue(capture);
  // An editor already open shows it and comes to the front: one editor, not one per quote.
  const message: ToEditor = { type: 'gloss:show-quote' };
  const reply = (await browser.runtime.sendMessage(message).catch(() => null)) as { shown?: boolean } | null;
  if (reply?.shown) return { opened: true };
  await browser.tabs.create({
    url: extensionUrl('/editor.html?quote=1'),
  });
  return { opened: true };
}

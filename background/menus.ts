/**
 * Gloss's context-menu entries, made the one way: each module removes and makes anew only its own
 * entry (never `removeAll`: the other entries live beside it), because Firefox forgets menus when
 * its background restarts and Chrome refuses an id that already exists.
 */
import { browser } from 'wxt/browser';

export type Menus = typeof browser.contextMenus;

/** The menus API, or undefined where the browser has none (Firefox for Android). */
export const contextMenus = (): Menus | undefined => (browser as unknown as { contextMenus?: Menus }).contextMenus;

/** Puts an entry for selected text in place under `id`, or takes it away when `title` is null. */
export async function setSelectionEntry(menus: Menus, id: string, title: string | null): Promise<void> {
  // Removed first: the entry survives a service worker restart, and creating it twice is an error.
  await (async () => menus.remove(id))().catch(() => undefined);
  if (title === null) return;
  menus.create({ id, title, contexts: ['selection'] }, () => {
    // Read, so the browser does not report it as unchecked; a duplicate from a race is harmless.
    void browser.runtime.lastError;
  });
}

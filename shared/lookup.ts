/**
 * "Look up … in Gloss": the text the reader asked about, handed from the background (context
 * menu, shortcut) to the side panel, which opens on its search. Session storage, like the sidebar
 * focus (shared/focus.ts): a look-up is a request of the moment, not a setting.
 */
import { storage } from '@wxt-dev/storage';

export interface SidebarLookup {
  tabId: number;
  query: string;
  at: number;
}

export const lookupItem = storage.defineItem<SidebarLookup | null>('session:sidebar-lookup', {
  fallback: null,
  version: 1,
});

/** Longer selections are cut here: no entity name is this long, and the search box stays readable. */
export const LOOKUP_MAX_LENGTH = 100;

/**
 * A selection as a search: one line, spaces collapsed, typographic quotes and surrounding
 * punctuation dropped ("“Tokayev,”" searches for Tokayev), cut at a word near the limit.
 */
export function lookupQuery(selection: string): string {
  let text = selection
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu, '');
  if (text.length > LOOKUP_MAX_LENGTH) {
    const cut = text.slice(0, LOOKUP_MAX_LENGTH);
    const space = cut.lastIndexOf(' ');
    text = space > LOOKUP_MAX_LENGTH / 2 ? cut.slice(0, space) : cut;
  }
  return text;
}

/** Whether a stored look-up is one the panel for `tabId` should show now. */
export function lookupFor(lookup: SidebarLookup | null, tabId: number, after: number, maxAge: number): boolean {
  return !!lookup && lookup.tabId === tabId && lookup.at > after && Date.now() - lookup.at <= maxAge;
}

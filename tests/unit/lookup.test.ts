/**
 * "Look up … in Gloss": the context menu's entry and the shortcut open the sidebar first (while
 * the reader's gesture counts), hand it the search, and never touch the page.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleCommand } from '../../background/handlers';
import {
  followLookupMenu,
  handleLookupClick,
  LOOKUP_MENU_ID,
  lookUp,
  lookUpSelection,
} from '../../background/lookup-menu';
import { lookupFor, lookupItem, lookupQuery, LOOKUP_MAX_LENGTH } from '../../shared/lookup';

const TAB = { id: 7, windowId: 1 };

/** Chrome's side panel, recording the order of calls against the storage write. */
function sidePanel(events: string[]) {
  const open = vi.fn(async () => void events.push('open'));
  vi.stubGlobal('chrome', { sidePanel: { open } });
  return open;
}

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('lookupQuery', () => {
  it('makes one line of the selection, without the quotes and punctuation around it', () => {
    expect(lookupQuery('  Kassym-Jomart\n  Tokayev  ')).toBe('Kassym-Jomart Tokayev');
    expect(lookupQuery('“Tokayev,”')).toBe('Tokayev');
    expect(lookupQuery('«ОДКБ».')).toBe('ОДКБ');
    expect(lookupQuery('NATO-Russland-Rat')).toBe('NATO-Russland-Rat');
    expect(lookupQuery(' … ')).toBe('');
  });

  it('cuts a long selection at a word', () => {
    const long = 'word '.repeat(60);
    const query = lookupQuery(long);
    expect(query.length).toBeLessThanOrEqual(LOOKUP_MAX_LENGTH);
    expect(query.endsWith('word')).toBe(true);
  });
});

describe('lookupFor', () => {
  it('takes a look-up for the same tab, newer than the last one shown and fresh enough', () => {
    const now = Date.now();
    expect(lookupFor({ tabId: 7, query: 'x', at: now }, 7, 0, 60_000)).toBe(true);
    expect(lookupFor({ tabId: 8, query: 'x', at: now }, 7, 0, 60_000)).toBe(false);
    expect(lookupFor({ tabId: 7, query: 'x', at: now }, 7, now, 60_000)).toBe(false);
    expect(lookupFor({ tabId: 7, query: 'x', at: now - 120_000 }, 7, 0, 60_000)).toBe(false);
    expect(lookupFor(null, 7, 0, 60_000)).toBe(false);
  });
});

describe('the context-menu entry', () => {
  it('is made on selected text only, with the selection in its title, and only our entry is replaced', async () => {
    const create = vi.fn();
    const remove = vi.fn(async () => undefined);
    const removeAll = vi.fn();
    const addListener = vi.fn();
    (fakeBrowser as unknown as { contextMenus: object }).contextMenus = {
      create,
      remove,
      removeAll,
      onClicked: { addListener, removeListener: vi.fn() },
    };
    followLookupMenu();
    await vi.waitFor(() => expect(create).toHaveBeenCalled());
    expect(remove).toHaveBeenCalledWith(LOOKUP_MENU_ID);
    expect(removeAll).not.toHaveBeenCalled();
    expect(create.mock.calls[0][0]).toEqual({ id: LOOKUP_MENU_ID, title: 'lookUpMenu', contexts: ['selection'] });
    expect(addListener).toHaveBeenCalledTimes(1);
  });

  it('does nothing where the browser has no context menus (Firefox for Android)', () => {
    delete (fakeBrowser as unknown as { contextMenus?: unknown }).contextMenus;
    expect(() => followLookupMenu()()).not.toThrow();
  });

  it('on a click opens the side panel before anything is awaited, then stores the search for that tab', async () => {
    const events: string[] = [];
    const open = sidePanel(events);
    lookupItem.watch(() => void events.push('stored'));
    const done = handleLookupClick({ menuItemId: LOOKUP_MENU_ID, selectionText: ' “Tokayev” ' }, TAB);
    expect(open).toHaveBeenCalledWith({ tabId: 7 });
    await done;
    expect(await lookupItem.getValue()).toMatchObject({ tabId: 7, query: 'Tokayev' });
    await vi.waitFor(() => expect(events).toEqual(['open', 'stored']));
  });

  it('never messages the page or injects anything into it, also where Gloss is off', async () => {
    sidePanel([]);
    const send = vi.spyOn(fakeBrowser.tabs, 'sendMessage');
    const inject = vi.fn();
    (fakeBrowser as unknown as { scripting: object }).scripting = { executeScript: inject, insertCSS: inject };
    await handleLookupClick({ menuItemId: LOOKUP_MENU_ID, selectionText: 'Zanzibar' }, TAB);
    expect(send).not.toHaveBeenCalled();
    expect(inject).not.toHaveBeenCalled();
    // Nothing matches: the search is stored all the same, and the panel says so.
    expect(await lookupItem.getValue()).toMatchObject({ query: 'Zanzibar' });
  });

  it('keeps the search when the browser refuses to open the sidebar, and ignores other entries', async () => {
    await lookUp('NATO', TAB);
    expect(await lookupItem.getValue()).toMatchObject({ tabId: 7, query: 'NATO' });
    expect(handleLookupClick({ menuItemId: 'gloss-quote', selectionText: 'x' }, TAB)).toBeUndefined();
  });
});

describe('the look-up shortcut', () => {
  const withSelection = (text: string) => {
    const executeScript = vi.fn(async (_details: object) => [
      { frameId: 0, result: '' },
      { frameId: 3, result: text },
    ]);
    (fakeBrowser as unknown as { scripting: object }).scripting = { executeScript };
    return executeScript;
  };

  it('opens the sidebar, then reads the selection of any frame and stores its search', async () => {
    const open = sidePanel([]);
    const executeScript = withSelection('Almaty');
    await handleCommand('look-up-selection', TAB as never);
    expect(open).toHaveBeenCalledWith({ tabId: 7 });
    expect(executeScript.mock.calls[0][0]).toMatchObject({ target: { tabId: 7, allFrames: true } });
    expect(await lookupItem.getValue()).toMatchObject({ tabId: 7, query: 'Almaty' });
  });

  it('with nothing selected just opens the sidebar; a page closed to extensions is no error', async () => {
    sidePanel([]);
    withSelection('   ');
    await lookUpSelection(TAB);
    expect(await lookupItem.getValue()).toBeNull();
    (fakeBrowser as unknown as { scripting: object }).scripting = {
      executeScript: vi.fn(async () => {
        throw new Error('Cannot access a chrome:// URL');
      }),
    };
    await expect(lookUpSelection(TAB)).resolves.toBeUndefined();
  });

  it('Chrome’s open-sidebar shortcut looks up a selection too', async () => {
    sidePanel([]);
    withSelection('CSTO');
    await handleCommand('open-sidebar', TAB as never);
    expect(await lookupItem.getValue()).toMatchObject({ tabId: 7, query: 'CSTO' });
  });
});

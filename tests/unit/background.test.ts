/** The background's answers: only to our own extension, only the typed protocol. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleCommand, handleMessage, openSidebar } from '../../utils/background/handlers';
import { focusItem } from '../../utils/focus';
import { BUNDLED_PACKS, disabledPacksItem } from '../../utils/packs';

const OURS = { id: fakeBrowser.runtime.id, tab: { id: 7, windowId: 1 } };

beforeEach(() => {
  fakeBrowser.reset();
});

describe('handleMessage', () => {
  it('answers get-packs with the enabled packs', async () => {
    expect(await handleMessage({ type: 'gloss:get-packs' }, OURS)).toEqual({ packs: BUNDLED_PACKS });
    await disabledPacksItem.setValue(['kazakhstan-2022']);
    expect(await handleMessage({ type: 'gloss:get-packs' }, OURS)).toEqual({ packs: [] });
  });

  it('ignores other extensions, unknown types and malformed messages', () => {
    expect(handleMessage({ type: 'gloss:get-packs' }, { id: 'someone-else' })).toBeUndefined();
    expect(handleMessage({ type: 'gloss:get-packs' }, {})).toBeUndefined();
    for (const junk of [null, 'gloss:get-packs', { type: 'gloss:eval', code: '1' }, { type: 'gloss:open-sidebar', entityId: 5 }]) {
      expect(handleMessage(junk, OURS)).toBeUndefined();
    }
  });
});

describe('openSidebar', () => {
  it('records which entity the sidebar should show, and says how to open it where the browser has no API', async () => {
    const reply = await openSidebar(7, 1, 'csto');
    // fakeBrowser has neither chrome.sidePanel nor sidebarAction: the reader gets the hint.
    expect(reply.opened).toBe(false);
    expect(reply.hint).toBeTruthy();
    expect(await focusItem.getValue()).toMatchObject({ tabId: 7, entityId: 'csto' });
  });

  it('opens Chrome’s side panel for the tab when it can', async () => {
    const open = vi.fn(async () => undefined);
    vi.stubGlobal('chrome', { sidePanel: { open } });
    try {
      expect(await openSidebar(7, 1, 'nato')).toEqual({ opened: true });
      expect(open).toHaveBeenCalledWith({ tabId: 7 });
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('handleCommand', () => {
  it('relays each keyboard command to the tab as a typed message', async () => {
    const sent: unknown[] = [];
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (_tabId: number, message: unknown) => {
      sent.push(message);
    }) as never);
    const tab = { id: 7, windowId: 1 } as never;
    await handleCommand('toggle-site', tab);
    await handleCommand('next-mention', tab);
    await handleCommand('previous-mention', tab);
    await handleCommand('no-such-command', tab);
    expect(sent).toEqual([
      { type: 'gloss:toggle-site' },
      { type: 'gloss:step-mention', direction: 1 },
      { type: 'gloss:step-mention', direction: -1 },
    ]);
  });
});

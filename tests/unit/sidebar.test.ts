/** Opening the sidebar: one call for the popup's click and the background's relay, in both browsers. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openSidebar } from '../../background/handlers';
import { focusItem } from '../../shared/focus';
import { startSidebarOpen } from '../../shared/sidebar';

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

const chromeWith = (open: (options: object) => Promise<void>) => {
  const spy = vi.fn(open);
  vi.stubGlobal('chrome', { sidePanel: { open: spy } });
  return spy;
};

describe('startSidebarOpen', () => {
  it('opens Chrome’s panel for the tab or the window, as the caller prefers', async () => {
    const open = chromeWith(async () => undefined);
    await startSidebarOpen({ tabId: 7, windowId: 1 });
    await startSidebarOpen({ tabId: 7, windowId: 1 }, 'window');
    await startSidebarOpen({ tabId: 7 }, 'window');
    await startSidebarOpen({ windowId: 1 });
    expect(open.mock.calls).toEqual([[{ tabId: 7 }], [{ windowId: 1 }], [{ tabId: 7 }], [{ windowId: 1 }]]);
  });

  it('calls the browser before anything is awaited, so the reader’s gesture still counts', () => {
    const open = chromeWith(() => new Promise(() => undefined));
    void startSidebarOpen({ tabId: 7 });
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('rejects, never throws, when the browser refuses synchronously or there is nowhere to open', async () => {
    chromeWith(() => {
      throw new Error('may only be called in response to a user gesture');
    });
    await expect(startSidebarOpen({ tabId: 7 })).rejects.toThrow('user gesture');
    await expect(startSidebarOpen({})).rejects.toThrow('no tab or window');
  });

  it('uses Firefox’s sidebar action where there is no side panel', async () => {
    const open = vi.fn(async () => undefined);
    (fakeBrowser as unknown as { sidebarAction: object }).sidebarAction = { open };
    try {
      await startSidebarOpen({ tabId: 7 });
      expect(open).toHaveBeenCalledTimes(1);
    } finally {
      delete (fakeBrowser as unknown as { sidebarAction?: object }).sidebarAction;
    }
  });

  it('with neither API on a desktop, rejects', async () => {
    vi.spyOn(fakeBrowser.runtime, 'getPlatformInfo').mockResolvedValue({ os: 'linux' } as never);
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await expect(startSidebarOpen({ tabId: 7 })).rejects.toThrow('no sidebar');
    expect(create).not.toHaveBeenCalled();
  });

  it('on Firefox for Android (no sidebar) opens the panel as a tab, pinned to the page’s tab', async () => {
    vi.spyOn(fakeBrowser.runtime, 'getPlatformInfo').mockResolvedValue({ os: 'android' } as never);
    const create = vi.spyOn(fakeBrowser.tabs, 'create');
    await startSidebarOpen({ tabId: 7, windowId: 1 });
    expect(create).toHaveBeenCalledExactlyOnceWith({
      url: expect.stringMatching(/\/sidepanel\.html\?tabId=7$/),
      active: true,
    });
    // The card's "Open in sidebar" through the background: opened, no hint, and the panel is told the entity.
    expect(await openSidebar(7, 1, 'csto')).toEqual({ opened: true });
    expect(await focusItem.getValue()).toMatchObject({ tabId: 7, entityId: 'csto' });
  });
});

describe('openSidebar (the background’s relay)', () => {
  it('records the entity even when the browser refuses synchronously, and gives the hint', async () => {
    chromeWith(() => {
      throw new Error('may only be called in response to a user gesture');
    });
    const reply = await openSidebar(7, 1, 'csto');
    expect(reply.opened).toBe(false);
    expect(reply.hint).toBeTruthy();
    expect(await focusItem.getValue()).toMatchObject({ tabId: 7, entityId: 'csto' });
  });
});

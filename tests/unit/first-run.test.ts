/**
 * Install and update through the background's own wiring (entrypoints/background.ts), with
 * runtime.onInstalled fired by hand; and the toolbar button's per-tab state.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '../../entrypoints/background';
import { showAllTabs, toolbarState } from '../../background/toolbar';
import { setSites, takeWhatsNew, whatsNewItem } from '../../shared/settings';

const VERSION = '0.2.0';

/** What the background calls and the fake browser lacks, recorded. */
function fakeApis() {
  const injected: number[] = [];
  const icons = new Map<number, string>();
  Object.assign(fakeBrowser, {
    scripting: {
      getRegisteredContentScripts: vi.fn(async () => []),
      registerContentScripts: vi.fn(async () => undefined),
      updateContentScripts: vi.fn(async () => undefined),
      unregisterContentScripts: vi.fn(async () => undefined),
      insertCSS: vi.fn(async () => undefined),
      executeScript: vi.fn(async ({ target }: { target: { tabId: number } }) => {
        injected.push(target.tabId);
        return [];
      }),
    },
  });
  Object.assign(fakeBrowser.contextMenus, {
    create: vi.fn(),
    remove: vi.fn(async () => undefined),
    onClicked: { addListener: vi.fn(), removeListener: vi.fn() },
  });
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation(() => undefined);
  // The authoring menu (tests/unit/authoring-menu.test.ts has its own fake).
  vi.spyOn(fakeBrowser.contextMenus.onClicked, 'addListener').mockImplementation(() => undefined);
  vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({
    manifest_version: 3,
    name: 'Gloss',
    version: VERSION,
  });
  vi.spyOn(fakeBrowser.action, 'setIcon').mockImplementation((async ({
    tabId,
    path,
  }: {
    tabId: number;
    path: Record<string, string>;
  }) => {
    icons.set(tabId, path[16]);
  }) as never);
  // No content script answers in the fake browser: every tab is one without Gloss yet.
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection'));
  return { injected, icons };
}

async function openTabs(...urls: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const url of urls) ids.push((await fakeBrowser.tabs.create({ url })).id!);
  return ids;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

describe('runtime.onInstalled', () => {
  it('on install reaches the open tabs where Gloss is on, and opens the welcome page', async () => {
    const { injected } = fakeApis();
    await setSites({ mode: 'except', sites: ['off.example'], otherSites: [] });
    const [on, off, browserPage] = await openTabs(
      'https://news.example/a',
      'https://off.example/b',
      'chrome://settings',
    );
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'install' });
    await settle();
    expect(injected).toEqual([on]);
    expect(injected).not.toContain(off);
    expect(injected).not.toContain(browserPage);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((t) => t.url)).toContain(`chrome-extension://${fakeBrowser.runtime.id}/welcome.html`);
    expect(await takeWhatsNew()).toBeNull();
  });

  it('on update reaches the open tabs again and leaves "what\'s new" for the popup, once', async () => {
    const { injected } = fakeApis();
    const [on] = await openTabs('https://news.example/a');
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0' });
    await settle();
    expect(injected).toEqual([on]);
    expect(await whatsNewItem.getValue()).toEqual({ version: VERSION, seen: false });
    expect(await takeWhatsNew()).toEqual({ version: VERSION, seen: false });
    expect(await takeWhatsNew()).toBeNull();
    // No welcome page on an update.
    expect((await fakeBrowser.tabs.query({})).map((t) => t.url)).not.toContain(
      `chrome-extension://${fakeBrowser.runtime.id}/welcome.html`,
    );
  });

  it("copies an older version's local-only settings to sync on update, and not on every start", async () => {
    fakeApis();
    const list = { mode: 'only', sites: ['news.example'], otherSites: [] };
    await fakeBrowser.storage.local.set({ sites: list, sites$: { v: 2 } });
    background.main();
    await settle();
    expect((await fakeBrowser.storage.sync.get('sites')).sites).toBeUndefined();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: '0.1.0' });
    await settle();
    expect((await fakeBrowser.storage.sync.get('sites')).sites).toEqual(list);
  });

  it('says nothing new after a reload at the same version, or for a browser update', async () => {
    fakeApis();
    background.main();
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'update', previousVersion: VERSION });
    await fakeBrowser.runtime.onInstalled.trigger({ reason: 'chrome_update' });
    await settle();
    expect(await takeWhatsNew()).toBeNull();
  });

  it('reads a corrupt stored note as none', async () => {
    await whatsNewItem.setValue({ version: 3 } as never);
    expect(await takeWhatsNew()).toBeNull();
  });
});

describe('the toolbar button', () => {
  it('is the mark where Gloss is on and the dimmed mark where it is off or cannot run', async () => {
    const { icons } = fakeApis();
    const [on, off, browserPage] = await openTabs(
      'https://news.example/a',
      'https://off.example/b',
      'chrome://settings',
    );
    await showAllTabs({ mode: 'except', sites: ['off.example'] });
    expect(icons.get(on)).toBe('/icon/16.png');
    expect(icons.get(off)).toBe('/icon-off/16.png');
    expect(icons.get(browserPage)).toBe('/icon-off/16.png');
    // Without i18n in the fake browser the message key stands in for the text.
    expect(await fakeBrowser.action.getTitle({ tabId: on })).toBe('toolbarOn');
    expect(await fakeBrowser.action.getTitle({ tabId: off })).toBe('toolbarOff');
  });

  it('follows the site list and a tab that navigates', async () => {
    const { icons } = fakeApis();
    const [tab] = await openTabs('https://news.example/a');
    background.main();
    await setSites({ mode: 'only', sites: ['news.example'], otherSites: [] });
    await settle();
    expect(icons.get(tab)).toBe('/icon/16.png');
    await fakeBrowser.tabs.update(tab, { url: 'https://elsewhere.example/' });
    await settle();
    expect(icons.get(tab)).toBe('/icon-off/16.png');
  });

  it('decides as the site rules do', () => {
    expect(toolbarState({ mode: 'only', sites: ['a.example'] }, 'https://www.a.example/x').on).toBe(true);
    expect(toolbarState({ mode: 'only', sites: ['a.example'] }, 'https://b.example/x').on).toBe(false);
    expect(toolbarState({ mode: 'except', sites: [] }, undefined).on).toBe(false);
  });
});

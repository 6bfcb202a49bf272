/** The background keeps the content script's registration in step with the site list. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleCommand } from '../../background/handlers';
import { CONTENT_SCRIPT_ID, reachOpenTabs, syncRegistration } from '../../background/registration';
import { getSites, setSites } from '../../shared/settings';
import { ALL_PAGES } from '../../core/site-patterns';

interface Script {
  id: string;
  matches: string[];
  excludeMatches: string[];
  js: string[];
}

/** A registry of dynamic content scripts, and what got injected into which tab. */
function fakeScripting() {
  const registered = new Map<string, Script>();
  const injected: { tabId: number; files: string[] }[] = [];
  const scripting = {
    getRegisteredContentScripts: vi.fn(async ({ ids }: { ids: string[] }) =>
      ids.flatMap((id) => (registered.has(id) ? [registered.get(id)!] : [])),
    ),
    registerContentScripts: vi.fn(async (scripts: Script[]) => {
      for (const s of scripts) {
        if (registered.has(s.id)) throw new Error(`Duplicate script ID '${s.id}'`);
        registered.set(s.id, s);
      }
    }),
    updateContentScripts: vi.fn(async (scripts: Script[]) => {
      for (const s of scripts) registered.set(s.id, { ...registered.get(s.id)!, ...s });
    }),
    unregisterContentScripts: vi.fn(async ({ ids }: { ids: string[] }) => ids.forEach((id) => registered.delete(id))),
    executeScript: vi.fn(async ({ target, files }: { target: { tabId: number }; files: string[] }) => {
      injected.push({ tabId: target.tabId, files });
      return [];
    }),
    insertCSS: vi.fn(async () => undefined),
  };
  (fakeBrowser as unknown as { scripting: typeof scripting }).scripting = scripting;
  return { registered, injected, scripting };
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('content script registration', () => {
  it('registers for every page but the switched-off sites, then updates in place', async () => {
    const { registered, scripting } = fakeScripting();
    await syncRegistration({ mode: 'except', sites: ['example.com'] });
    expect(registered.get(CONTENT_SCRIPT_ID)).toMatchObject({
      matches: ALL_PAGES,
      excludeMatches: ['*://example.com/*', '*://www.example.com/*'],
      js: ['/content-scripts/content.js'],
    });
    await syncRegistration({ mode: 'except', sites: [] });
    expect(registered.get(CONTENT_SCRIPT_ID)?.excludeMatches).toEqual([]);
    expect(scripting.registerContentScripts).toHaveBeenCalledTimes(1);
    expect(scripting.updateContentScripts).toHaveBeenCalledTimes(1);
  });

  it('registers nothing for an empty "only on…" list, and only the listed sites otherwise', async () => {
    const { registered } = fakeScripting();
    await syncRegistration({ mode: 'except', sites: [] });
    await syncRegistration({ mode: 'only', sites: [] });
    expect(registered.size).toBe(0);
    await syncRegistration({ mode: 'only', sites: ['*.news.org'] });
    expect(registered.get(CONTENT_SCRIPT_ID)?.matches).toEqual(['*://*.news.org/*']);
  });

  it('injects everywhere (each page then decides) rather than nowhere when the browser refuses a pattern', async () => {
    const { registered, scripting } = fakeScripting();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const accept = scripting.registerContentScripts.getMockImplementation()!;
    scripting.registerContentScripts.mockImplementation(async (scripts: Script[]) => {
      if (scripts.some((s) => s.excludeMatches.length)) throw new Error('Invalid host');
      return accept(scripts);
    });
    await syncRegistration({ mode: 'except', sites: ['example.com'] });
    expect(registered.get(CONTENT_SCRIPT_ID)).toMatchObject({ matches: ALL_PAGES, excludeMatches: [] });
    expect(warn).toHaveBeenCalled();
  });

  it('keeps calls in order even when they overlap', async () => {
    const { registered } = fakeScripting();
    await Promise.all([
      syncRegistration({ mode: 'only', sites: ['a.com'] }),
      syncRegistration({ mode: 'only', sites: ['b.com'] }),
      syncRegistration({ mode: 'only', sites: ['c.com'] }),
    ]);
    expect(registered.get(CONTENT_SCRIPT_ID)?.matches).toEqual(['*://c.com/*', '*://www.c.com/*']);
  });

  it('injects into the open tabs a switch turned on, unless their script is already there', async () => {
    const { injected } = fakeScripting();
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([
      { id: 1, url: 'https://example.com/story' },
      { id: 2, url: 'https://www.example.com/other' },
      { id: 3, url: 'https://elsewhere.org/' },
      { id: 4, url: 'chrome://settings/' },
    ] as never);
    // Tab 2 kept its script from before (switched off and on again without a reload).
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (tabId: number) => {
      if (tabId === 2) return { enabled: false, mentions: [] };
      throw new Error('Could not establish connection. Receiving end does not exist.');
    }) as never);
    await reachOpenTabs({ mode: 'except', sites: ['example.com'] }, { mode: 'except', sites: [] });
    expect(injected).toEqual([{ tabId: 1, files: ['/content-scripts/content.js'] }]);
  });

  it('the toggle shortcut switches a site whose page has no content script', async () => {
    fakeScripting();
    await setSites({ mode: 'except', sites: ['example.com'], otherSites: [] });
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Receiving end does not exist.'));
    await handleCommand('toggle-site', { id: 5, windowId: 1, url: 'https://www.example.com/a' } as never);
    expect((await getSites()).sites).toEqual([]);
    await handleCommand('toggle-site', { id: 5, windowId: 1, url: 'https://www.example.com/a' } as never);
    expect((await getSites()).sites).toEqual(['www.example.com']);
  });
});

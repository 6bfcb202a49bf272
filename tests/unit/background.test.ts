/** The background's answers: only to our own extension, only the typed protocol. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleCommand, handleMessage, openSidebar } from '../../background/handlers';
import { followPacks } from '../../background/pack-cache';
import { focusItem } from '../../shared/focus';
import { groupOfTag } from '../../core/group-tags';
import { loadMatcher } from '../../core/matcher-pack';
import type { EntityReply, MatcherReply, PageSettingsReply } from '../../core/messages';
import { BUNDLED_PACKS, disabledPacksItem } from '../../shared/packs';
import { authoringItem, getRejected, getSites, pauseItem, prefsItem, rejectedItem } from '../../shared/settings';
import type { PageSettings } from '../../core/page-settings';
import { getErrorLog } from '../../shared/error-log';

const OURS = { id: fakeBrowser.runtime.id, tab: { id: 7, windowId: 1 } };

let unfollow = () => undefined as void;
beforeEach(() => {
  fakeBrowser.reset();
  // As the background does on start; a reset of the fake storage drops its listeners.
  unfollow = followPacks();
});
afterEach(() => unfollow());

const matcherOf = async (site = 'example.com') =>
  ((await handleMessage({ type: 'gloss:get-matcher', site }, OURS)) as MatcherReply).matcher;
const found = async (text: string, site?: string) =>
  loadMatcher(await matcherOf(site))
    .find(text)
    .map((m) => `${m.entityId}:${groupOfTag(m.tag)}`);

describe('handleMessage', () => {
  it('answers get-matcher with the enabled packs compiled, each match tagged with its entity group', async () => {
    expect(await found('Putin met Tokayev in Almaty.')).toEqual(['putin:actor', 'tokayev:actor', 'almaty:actor']);
    await disabledPacksItem.setValue(['kazakhstan-2022']);
    await vi.waitFor(async () => expect(await found('Putin met Tokayev.')).toEqual([]));
  });

  it('compiles once for every site without rejections, until the packs change', async () => {
    const first = await matcherOf();
    expect(await matcherOf('another.example')).toBe(first);
    await disabledPacksItem.setValue(['a-pack-not-installed']);
    await vi.waitFor(async () => expect(await matcherOf()).not.toBe(first));
  });

  it('leaves out the aliases a reader rejected on that site, and only there', async () => {
    await rejectedItem.setValue([{ site: 'example.com', entityId: 'putin', alias: 'Putin' }]);
    expect(await found('Putin said.', 'example.com')).toEqual([]);
    expect(await found('Putin said.', 'other.example')).toEqual(['putin:actor']);
  });

  it('answers get-entity with the entity and its pack’s sources, and null for an unknown one', async () => {
    const reply = (await handleMessage({ type: 'gloss:get-entity', entityId: 'putin' }, OURS)) as EntityReply;
    expect(reply.entity).toEqual(BUNDLED_PACKS[0]!.entities.find((e) => e.id === 'putin'));
    expect(reply.sources).toEqual(BUNDLED_PACKS[0]!.sources);
    expect(await handleMessage({ type: 'gloss:get-entity', entityId: 'nobody' }, OURS)).toEqual({
      entity: null,
      sources: [],
    });
  });

  it('hands a page the settings it follows in one answer, read and sanitized as the settings module reads them', async () => {
    await prefsItem.setValue({ hoverDelayMs: 'soon', density: 'first' } as never);
    await pauseItem.setValue({ until: 'restart' });
    await authoringItem.setValue({ enabled: true });
    const reply = (await handleMessage({ type: 'gloss:page-settings' }, OURS)) as PageSettings;
    expect(reply.sites).toEqual(await getSites());
    expect(reply.prefs).toMatchObject({ hoverDelayMs: 350, density: 'first' });
    expect(reply.pause).toEqual({ until: 'restart' });
    expect(reply.authoring).toBe(true);
    // A pause whose time is over is no pause.
    await pauseItem.setValue({ until: Date.now() - 1 });
    expect(((await handleMessage({ type: 'gloss:page-settings' }, OURS)) as PageSettings).pause).toBeNull();
  });

  it('sends the matcher with the settings where the page is to be marked, and only there', async () => {
    const ask = async (url?: string) =>
      (await handleMessage({ type: 'gloss:page-settings', matcherFor: url }, OURS)) as PageSettingsReply;
    const story = 'https://news.example/story';
    const withIt = await ask(story);
    expect(withIt.matcher).toEqual(await handleMessage({ type: 'gloss:get-matcher', site: 'news.example' }, OURS));
    expect(
      loadMatcher(withIt.matcher!.matcher)
        .find('Tokayev spoke.')
        .map((m) => m.entityId),
    ).toEqual(['tokayev']);
    // Less the aliases the reader rejected on that site, as get-matcher gives it.
    await handleMessage(
      { type: 'gloss:reject-alias', entry: { site: 'news.example', entityId: 'tokayev', alias: 'Tokayev' } },
      OURS,
    );
    expect(loadMatcher((await ask(story)).matcher!.matcher).find('Tokayev spoke.')).toEqual([]);
    expect((await ask()).matcher).toBeUndefined();
    expect((await ask('chrome://extensions/')).matcher).toBeUndefined();
    await handleMessage({ type: 'gloss:toggle-site-of', url: story }, OURS);
    expect((await ask(story)).matcher).toBeUndefined();
    await handleMessage({ type: 'gloss:toggle-site-of', url: story }, OURS);
    expect((await ask(story)).matcher).toBeDefined();
    await pauseItem.setValue({ until: Date.now() + 60_000 });
    expect((await ask(story)).matcher).toBeUndefined();
  });

  it('switches a site and keeps a "not this here" for a page, which writes no storage itself', async () => {
    await handleMessage({ type: 'gloss:toggle-site-of', url: 'https://news.example/story' }, OURS);
    expect((await getSites()).sites).toContain('news.example');
    const entry = { site: 'news.example', entityId: 'putin', alias: 'Putin' };
    await handleMessage({ type: 'gloss:reject-alias', entry }, OURS);
    expect(await getRejected()).toEqual([entry]);
  });

  it('keeps an error a page reports for the troubleshooting info', async () => {
    await handleMessage({ type: 'gloss:log-error', context: 'card', message: 'Error: view gone' }, OURS);
    expect((await getErrorLog()).map((e) => [e.context, e.message])).toEqual([['page: card', 'Error: view gone']]);
  });

  it('ignores other extensions, unknown types and malformed messages', () => {
    expect(handleMessage({ type: 'gloss:get-matcher', site: '' }, { id: 'someone-else' })).toBeUndefined();
    expect(handleMessage({ type: 'gloss:get-entity', entityId: 'putin' }, {})).toBeUndefined();
    for (const junk of [
      null,
      'gloss:get-matcher',
      { type: 'gloss:get-packs' },
      { type: 'gloss:eval', code: '1' },
      { type: 'gloss:open-sidebar', entityId: 5 },
      { type: 'gloss:page-settings', matcherFor: 5 },
    ]) {
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

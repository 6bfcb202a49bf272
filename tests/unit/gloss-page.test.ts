// @vitest-environment happy-dom
/**
 * The page's start (page/gloss-page.ts): the settings reply that carries the matcher can be slow
 * (the background compiles it first after a restart), and the reader may change settings or packs
 * meanwhile. A reply asked for before a change must not win over what came after it.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { packMatcher } from '../../core/matcher-pack';
import { tableOfRules } from '../../core/context-rules';
import type { MatcherReply, PageSettingsReply, ToBackground } from '../../core/messages';
import { GlossPage } from '../../page/gloss-page';
import { askBackground } from '../../shared/runtime-messages';
import { DEFAULT_PREFS } from '../../shared/settings';
import { stubHighlightApi } from '../support/highlight-api';

vi.mock('../../shared/runtime-messages', () => ({ askBackground: vi.fn(), broadcast: vi.fn() }));

/** The background's replies, each released by the test when it chooses. */
let asked: { message: ToBackground; reply: (value: unknown) => void }[];

const matcherReply = (): MatcherReply => ({
  matcher: packMatcher([{ text: 'Tokayev', entityId: 'tokayev', lang: 'en', tag: 0 }]),
  rules: tableOfRules(new Map()),
  inner: packMatcher([]),
});
const settings = (on: boolean, matcher?: MatcherReply): PageSettingsReply => ({
  sites: { mode: on ? 'except' : 'only', sites: [], otherSites: [] },
  prefs: DEFAULT_PREFS,
  pause: null,
  authoring: false,
  ...(matcher ? { matcher } : {}),
});

const ctx = {
  onInvalidated: () => undefined,
  addEventListener: () => undefined,
} as unknown as ContentScriptContext;

const types = () => asked.map((a) => a.message.type);
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));
/** What the page answers the extension's `gloss:get-mentions`, once it is ready. */
async function mentions(): Promise<string[]> {
  const [reply] = await fakeBrowser.runtime.onMessage.trigger(
    { type: 'gloss:get-mentions' },
    { id: fakeBrowser.runtime.id },
    () => undefined,
  );
  return ((await reply) as { mentions: { text: string }[] }).mentions.map((m) => m.text);
}

beforeAll(stubHighlightApi);

beforeEach(() => {
  fakeBrowser.reset();
  asked = [];
  vi.mocked(askBackground).mockImplementation(
    (message) => new Promise((reply) => asked.push({ message, reply: reply as (value: unknown) => void })),
  );
  document.body.innerHTML = '<p>Tokayev spoke.</p>';
});

afterEach(() => vi.mocked(askBackground).mockReset());

describe('the page start', () => {
  it('marks with the matcher that came with the settings, in one round trip', async () => {
    void new GlossPage(ctx).start();
    asked[0]!.reply(settings(true, matcherReply()));
    await settle();
    expect(types()).toEqual(['gloss:page-settings']);
    expect(await mentions()).toEqual(['Tokayev']);
  });

  it('keeps settings changed while the first reply was on its way', async () => {
    void new GlossPage(ctx).start();
    // The reader switches Gloss off for the site; the page asks again, and that reply comes first.
    await fakeBrowser.storage.onChanged.trigger({ sites: { newValue: {} } }, 'local');
    expect(types()).toEqual(['gloss:page-settings', 'gloss:page-settings']);
    asked[1]!.reply(settings(false));
    await settle();
    asked[0]!.reply(settings(true, matcherReply()));
    await settle();
    // The older reply, on with its matcher, is not applied over the newer one.
    expect(await mentions()).toEqual([]);
    expect(types()).not.toContain('gloss:get-matcher');
  });

  it('asks for a new matcher after the packs changed during the first start', async () => {
    void new GlossPage(ctx).start();
    const changed = fakeBrowser.runtime.onMessage.trigger(
      { type: 'gloss:packs-changed' },
      { id: fakeBrowser.runtime.id },
      () => undefined,
    );
    asked[0]!.reply(settings(true, matcherReply()));
    await changed;
    await settle();
    const again = asked.find((a) => a.message.type === 'gloss:get-matcher');
    expect(again).toBeDefined();
    again!.reply({
      ...matcherReply(),
      matcher: packMatcher([{ text: 'spoke', entityId: 'spoke', lang: 'en', tag: 0 }]),
    });
    await settle();
    expect(await mentions()).toEqual(['spoke']);
  });

  it('keeps the reason when it cannot start, and answers as a page without mentions', async () => {
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    void new GlossPage(ctx).start();
    // Settings without a matcher (as after a change): the page asks for it, and that fails.
    asked[0]!.reply(settings(true));
    await settle();
    asked.find((a) => a.message.type === 'gloss:get-matcher')!.reply(Promise.reject(new Error('no packs')));
    await settle();
    expect(asked.map((a) => a.message)).toContainEqual({
      type: 'gloss:log-error',
      context: 'page start',
      message: 'Error: no packs',
    });
    expect(warned).toHaveBeenCalled();
    expect(await mentions()).toEqual([]);
  });
});

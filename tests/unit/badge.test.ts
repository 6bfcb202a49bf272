/** The toolbar badge: the page's distinct entities, live from its reports, and the preference that hides it. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { badgeText, BADGE_COLOR, followBadge } from '../../background/badge';
import type { MentionInfo } from '../../core/messages';
import { updatePrefs } from '../../shared/settings';

const mention = (entityId: string): MentionInfo => ({ entityId, text: entityId, alias: entityId, lang: 'en' });
const OURS = (tabId: number, frameId = 0) => ({ id: fakeBrowser.runtime.id, frameId, tab: { id: tabId } }) as never;
const report = (entities: number) => ({
  type: 'gloss:mentions-changed',
  url: 'https://news.example/',
  count: 9,
  entities,
});
const badge = (tabId: number) => fakeBrowser.action.getBadgeText({ tabId });

let tabId: number;
let pageMentions: MentionInfo[] | null;
let unfollow: () => void;

beforeEach(async () => {
  fakeBrowser.reset();
  tabId = (await fakeBrowser.tabs.create({ url: 'https://news.example/' })).id!;
  pageMentions = [mention('putin'), mention('putin'), mention('nato')];
  // The page's answer to the badge's question (page/page-messages.ts), from its mentions.
  vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockImplementation((async (_tab: number, message: { type: string }) => {
    if (!pageMentions) throw new Error('Could not establish connection');
    expect(message.type).toBe('gloss:get-count');
    return { count: pageMentions.length, entities: new Set(pageMentions.map((m) => m.entityId)).size };
  }) as never);
  unfollow = followBadge();
});

afterEach(() => {
  unfollow();
  vi.restoreAllMocks();
});

describe('badgeText', () => {
  it('shows the number of entities, nothing for none or when switched off, 99+ beyond', () => {
    expect(badgeText(3, true)).toBe('3');
    expect(badgeText(0, true)).toBe('');
    expect(badgeText(3, false)).toBe('');
    expect(badgeText(120, true)).toBe('99+');
    expect(badgeText(Number.NaN, true)).toBe('');
  });
});

describe('followBadge', () => {
  it('asks the open tabs at start for their distinct entities, in a readable colour', async () => {
    await vi.waitFor(async () => expect(await badge(tabId)).toBe('2'));
    const [r, g, b] = (await fakeBrowser.action.getBadgeBackgroundColor({ tabId })) as number[];
    expect([r, g, b]).toEqual([0x1d, 0x4f, 0x91]);
    expect(BADGE_COLOR).toBe('#1d4f91');
  });

  it('follows the page’s reports, from our own content script’s top frame only', async () => {
    await vi.waitFor(async () => expect(await badge(tabId)).toBe('2'));
    await fakeBrowser.runtime.onMessage.trigger(report(5), OURS(tabId), () => undefined);
    await vi.waitFor(async () => expect(await badge(tabId)).toBe('5'));
    await fakeBrowser.runtime.onMessage.trigger(report(7), OURS(tabId, 3), () => undefined);
    await fakeBrowser.runtime.onMessage.trigger(
      report(7),
      { id: 'another-extension', tab: { id: tabId } } as never,
      () => undefined,
    );
    await fakeBrowser.runtime.onMessage.trigger({ ...report(7), entities: '7' }, OURS(tabId), () => undefined);
    await new Promise((r) => setTimeout(r, 20));
    expect(await badge(tabId)).toBe('5');
    // Switched off, or nothing left on the page: no badge.
    await fakeBrowser.runtime.onMessage.trigger(report(0), OURS(tabId), () => undefined);
    await vi.waitFor(async () => expect(await badge(tabId)).toBe(''));
  });

  it('clears a tab that navigates to a page without Gloss', async () => {
    await vi.waitFor(async () => expect(await badge(tabId)).toBe('2'));
    pageMentions = null;
    await fakeBrowser.tabs.update(tabId, { url: 'https://off.example/' });
    await vi.waitFor(async () => expect(await badge(tabId)).toBe(''));
  });

  it('hides every badge when the preference is switched off, and shows them again when it is on', async () => {
    await vi.waitFor(async () => expect(await badge(tabId)).toBe('2'));
    await updatePrefs({ showCount: false });
    await vi.waitFor(async () => expect(await badge(tabId)).toBe(''));
    await fakeBrowser.runtime.onMessage.trigger(report(4), OURS(tabId), () => undefined);
    await new Promise((r) => setTimeout(r, 20));
    expect(await badge(tabId)).toBe('');
    await updatePrefs({ showCount: true });
    await vi.waitFor(async () => expect(await badge(tabId)).toBe('2'));
  });
});

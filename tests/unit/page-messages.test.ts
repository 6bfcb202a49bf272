/** The page's answers: `gloss:get-mentions` keeps the shape tools outside the repository read. */
import { describe, expect, it, vi } from 'vitest';
import { answer, type PageState } from '../../page/page-messages';
import type { Mention } from '../../page/mentions';

const mention = {
  entityId: 'csto',
  text: 'ODKB',
  alias: 'ODKB',
  lang: 'en',
  group: 'actor',
  range: {},
  nodes: [],
} as unknown as Mention;

function page(overrides: Partial<PageState> = {}): PageState {
  return {
    url: () => 'https://example.org/a',
    enabled: () => true,
    published: () => '2022-01-08',
    mentions: () => [mention],
    counts: () => ({ count: 1, entities: 1 }),
    jump: vi.fn(async () => ({ index: 0, count: 1 })),
    step: vi.fn(async () => ({ index: 0, count: 1 })),
    toggleSite: vi.fn(async () => undefined),
    packsChanged: vi.fn(),
    ...overrides,
  };
}

describe('answer', () => {
  it('lists the mentions as {entityId, text, alias, lang} and nothing of the page objects', async () => {
    const reply = await answer({ type: 'gloss:get-mentions' }, page());
    expect(reply).toEqual({
      url: 'https://example.org/a',
      enabled: true,
      published: '2022-01-08',
      mentions: [{ entityId: 'csto', text: 'ODKB', alias: 'ODKB', lang: 'en' }],
    });
    expect(Object.keys(reply.mentions[0]!)).toEqual(['entityId', 'text', 'alias', 'lang']);
  });

  it('gives the badge the numbers alone: mentions and distinct entities', async () => {
    const reply = await answer({ type: 'gloss:get-count' }, page({ counts: () => ({ count: 2, entities: 1 }) }));
    expect(reply).toEqual({ count: 2, entities: 1 });
  });

  it('hands jumps and steps to the page, with their arguments', async () => {
    const state = page();
    await answer({ type: 'gloss:jump-to-mention', entityId: 'csto', index: 2 }, state);
    await answer({ type: 'gloss:step-mention', direction: -1 }, state);
    expect(state.jump).toHaveBeenCalledExactlyOnceWith('csto', 2);
    expect(state.step).toHaveBeenCalledExactlyOnceWith(-1);
  });

  it('toggles the site before answering, and reloads on a pack change', async () => {
    const state = page();
    expect(await answer({ type: 'gloss:toggle-site' }, state)).toEqual({ index: -1, count: 1 });
    expect(state.toggleSite).toHaveBeenCalledTimes(1);
    expect(await answer({ type: 'gloss:packs-changed' }, state)).toEqual({ index: -1, count: 0 });
    expect(state.packsChanged).toHaveBeenCalledTimes(1);
  });
});

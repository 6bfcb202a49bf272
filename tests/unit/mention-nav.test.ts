/** Moving between mentions: one definition of wrapping, for the shortcut steps and the panel's jumps. */
import { describe, expect, it, vi } from 'vitest';
import { MentionNavigator, stepIndex, wrapIndex } from '../../page/mention-nav';
import type { Mention } from '../../page/mentions';

const mentions = ['a', 'b', 'a', 'c'].map((entityId, i) => ({ entityId, text: String(i) }) as Mention);

function navigator(list: Mention[] = mentions) {
  const reveal = vi.fn(async () => undefined);
  return { nav: new MentionNavigator(() => list, reveal), reveal };
}

describe('wrapIndex and stepIndex', () => {
  it('wraps indexes both ways', () => {
    expect([-5, -1, 0, 3, 4, 9].map((i) => wrapIndex(i, 4))).toEqual([3, 3, 0, 3, 0, 1]);
  });

  it('starts at the first mention going forward and the last going back', () => {
    expect(stepIndex(-1, 1, 4)).toBe(0);
    expect(stepIndex(-1, -1, 4)).toBe(3);
    expect(stepIndex(3, 1, 4)).toBe(0);
    expect(stepIndex(0, -1, 4)).toBe(3);
  });
});

describe('MentionNavigator', () => {
  it('steps through every mention with its card and wraps at the end', async () => {
    const { nav, reveal } = navigator();
    const seen = [];
    for (let i = 0; i < 5; i++) seen.push((await nav.step(1, null)).index);
    expect(seen).toEqual([0, 1, 2, 3, 0]);
    expect(reveal).toHaveBeenLastCalledWith(mentions[0], true);
  });

  it('goes on from the mention whose card is shown, or from the one last left', async () => {
    const { nav } = navigator();
    expect(await nav.step(1, mentions[2]!)).toEqual({ index: 3, count: 4 });
    nav.leave(mentions[1]!);
    expect(await nav.step(-1, null)).toEqual({ index: 0, count: 4 });
  });

  it("jumps to an entity's n-th mention without a card, wrapping", async () => {
    const { nav, reveal } = navigator();
    expect(await nav.jump('a', 3)).toEqual({ index: 1, count: 2 });
    expect(reveal).toHaveBeenCalledExactlyOnceWith(mentions[2], false);
    expect(await nav.jump('a', -1)).toEqual({ index: 1, count: 2 });
  });

  it('answers "nowhere" where there is nothing to go to', async () => {
    const { nav, reveal } = navigator([]);
    expect(await nav.step(1, null)).toEqual({ index: -1, count: 0 });
    expect(await navigator().nav.jump('zz')).toEqual({ index: -1, count: 0 });
    expect(reveal).not.toHaveBeenCalled();
  });
});

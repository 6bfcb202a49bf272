/**
 * Touch taps: a tap on a mention opens its card, a tap elsewhere closes it, a short tap on a
 * mention in a link is the link's, a long press opens the card and swallows what follows it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LONG_PRESS_MS, TAP_SLOP_PX, TouchTaps, type TapTarget } from '../../page/touch-taps';

const PLAIN: TapTarget = { own: false, inLink: false };
const LINK: TapTarget = { own: false, inLink: true };
const CARD: TapTarget = { own: true, inLink: false };

/** Mentions lie left of x = 100. */
function setup() {
  const calls = { open: vi.fn(), close: vi.fn() };
  const taps = new TouchTaps({
    targetOf: (target) => target as unknown as TapTarget,
    hasMention: (x) => x < 100,
    now: () => Date.now(),
    ...calls,
  });
  const event = (x: number, target: TapTarget = PLAIN, pointerType = 'touch', y = 10) =>
    ({ pointerId: 1, pointerType, clientX: x, clientY: y, target, isPrimary: true }) as never;
  const tap = (x: number, target?: TapTarget, ms = 80) => {
    taps.down(event(x, target));
    vi.advanceTimersByTime(ms);
    return taps.up(event(x, target));
  };
  return { taps, event, tap, ...calls };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('TouchTaps', () => {
  it('a tap on a mention opens its card; a tap elsewhere closes it', () => {
    const { tap, open, close } = setup();
    expect(tap(50)).toBe('tap');
    expect(open).toHaveBeenCalledExactlyOnceWith(50, 10);
    expect(tap(300)).toBe('tap');
    expect(close).toHaveBeenCalledTimes(1);
  });

  it('a short tap on a mention inside a link is left to the link: no card, nothing swallowed', () => {
    const { taps, tap, open, close } = setup();
    expect(tap(50, LINK)).toBeNull();
    expect(open).not.toHaveBeenCalled();
    expect(close).not.toHaveBeenCalled();
    expect(taps.swallows()).toBe(false);
  });

  it('a long press on a mention in a link opens the card and swallows the click and menu after it', () => {
    const { taps, event, open } = setup();
    taps.down(event(50, LINK));
    vi.advanceTimersByTime(LONG_PRESS_MS - 1);
    expect(open).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(open).toHaveBeenCalledExactlyOnceWith(50, 10);
    expect(taps.up(event(50, LINK))).toBeNull();
    expect(taps.swallows()).toBe(true);
    // Over after a while, and at the next touch (a tap on the card's buttons must work).
    taps.down(event(300));
    expect(taps.swallows()).toBe(false);
  });

  it('a long press where there is no mention is the page’s (selecting, its own menu)', () => {
    const { taps, event, open } = setup();
    taps.down(event(300));
    vi.advanceTimersByTime(LONG_PRESS_MS + 100);
    expect(open).not.toHaveBeenCalled();
    expect(taps.swallows()).toBe(false);
  });

  it('a finger that moves is scrolling, not tapping; so is one the browser took over', () => {
    const { taps, event, open, close } = setup();
    taps.down(event(50));
    taps.move(event(50, PLAIN, 'touch', 10 + TAP_SLOP_PX + 1));
    vi.advanceTimersByTime(LONG_PRESS_MS);
    expect(taps.up(event(50))).toBeNull();
    taps.down(event(50));
    taps.cancel();
    vi.advanceTimersByTime(LONG_PRESS_MS);
    expect(open).not.toHaveBeenCalled();
    expect(close).not.toHaveBeenCalled();
  });

  it('ignores the mouse and the pen, and touches on the card itself', () => {
    const { taps, event, tap, open, close } = setup();
    taps.down(event(50, PLAIN, 'mouse'));
    expect(taps.up(event(50, PLAIN, 'mouse'))).toBeNull();
    taps.down(event(50, PLAIN, 'pen'));
    expect(taps.up(event(50, PLAIN, 'pen'))).toBeNull();
    expect(tap(50, CARD)).toBeNull();
    expect(open).not.toHaveBeenCalled();
    expect(close).not.toHaveBeenCalled();
  });

  it('knows that focus arriving just after a touch came from it', () => {
    const { taps, event } = setup();
    expect(taps.touchedRecently()).toBe(false);
    taps.down(event(50, LINK));
    expect(taps.touchedRecently()).toBe(true);
    vi.advanceTimersByTime(5000);
    expect(taps.touchedRecently()).toBe(false);
  });
});

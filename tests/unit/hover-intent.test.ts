/** Pointer intent: resting on a mention opens its card after the delay; travelling across does not. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HoverIntent, MAX_INTENT_SPEED, type IntentOptions } from '../../page/hover-intent';
import type { Mention } from '../../page/mentions';

const mention = (id: string) => ({ entityId: id }) as Mention;
const a = mention('a');
const b = mention('b');

function setup(under: (x: number) => Mention | undefined, shown: Mention | null = null) {
  const calls = { open: vi.fn(), stay: vi.fn(), leave: vi.fn() };
  const options: IntentOptions = {
    mentionAt: (x) => under(x),
    shown: () => shown,
    hoverDelay: () => 350,
    nextFrame: (callback) => callback(),
    ...calls,
  };
  return { intent: new HoverIntent(options), ...calls };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('HoverIntent', () => {
  it('opens the card once the pointer has rested on a mention for the hover delay', () => {
    const { intent, open } = setup(() => a);
    intent.move(10, 10, 1000);
    vi.advanceTimersByTime(349);
    expect(open).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(open).toHaveBeenCalledExactlyOnceWith(a, { x: 10, y: 10 });
  });

  it('waits again when the pointer moves to another mention before the delay', () => {
    const { intent, open } = setup((x) => (x < 50 ? a : b));
    intent.move(10, 10, 1000);
    vi.advanceTimersByTime(300);
    intent.move(60, 10, 1300);
    vi.advanceTimersByTime(300);
    expect(open).not.toHaveBeenCalled();
    vi.advanceTimersByTime(50);
    expect(open).toHaveBeenCalledExactlyOnceWith(b, { x: 60, y: 10 });
  });

  it('restarts the wait while the pointer travels fast over the same mention', () => {
    const { intent, open } = setup(() => a);
    intent.move(0, 0, 1000);
    vi.advanceTimersByTime(200);
    // Faster than MAX_INTENT_SPEED: travelling, not reading.
    const fast = (MAX_INTENT_SPEED + 0.5) * 100;
    intent.move(fast, 0, 1100);
    vi.advanceTimersByTime(200);
    expect(open).not.toHaveBeenCalled();
    vi.advanceTimersByTime(150);
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('cancels the wait and reports leaving when the pointer leaves every mention', () => {
    let over: Mention | undefined = a;
    const { intent, open, leave } = setup(() => over);
    intent.move(10, 10, 1000);
    over = undefined;
    intent.move(100, 100, 1400);
    expect(leave).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(open).not.toHaveBeenCalled();
  });

  it('keeps the shown card when the pointer comes back to its mention', () => {
    const { intent, stay, open } = setup(() => a, a);
    intent.move(10, 10, 1000);
    expect(stay).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(1000);
    expect(open).not.toHaveBeenCalled();
  });

  it('hit-tests once per frame however many moves come in it', () => {
    const frames: Array<() => void> = [];
    const mentionAt = vi.fn(() => a);
    const intent = new HoverIntent({
      mentionAt,
      shown: () => null,
      hoverDelay: () => 0,
      open: vi.fn(),
      stay: vi.fn(),
      leave: vi.fn(),
      nextFrame: (callback) => frames.push(callback),
    });
    intent.move(1, 1, 10);
    intent.move(2, 2, 20);
    intent.move(3, 3, 30);
    expect(frames).toHaveLength(1);
    frames[0]!();
    expect(mentionAt).toHaveBeenCalledExactlyOnceWith(3, 3);
  });

  it('forgets the mention it waited on when cancelled', () => {
    const { intent, open } = setup(() => a);
    intent.move(10, 10, 1000);
    intent.cancel();
    vi.advanceTimersByTime(1000);
    expect(open).not.toHaveBeenCalled();
  });
});

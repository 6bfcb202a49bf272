/** The panel hears once per burst of changes, with the state after the burst. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BROADCAST_DELAY_MS, Broadcaster } from '../../page/broadcaster';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('Broadcaster', () => {
  it('sends one message for a burst, after it settles, with the latest counts', () => {
    const send = vi.fn();
    let count = 0;
    const broadcaster = new Broadcaster(send, () => ({ url: 'https://example.org/', count, entities: count % 4 }));
    for (let i = 0; i < 10; i++) {
      count = i;
      broadcaster.soon();
      vi.advanceTimersByTime(BROADCAST_DELAY_MS - 1);
    }
    expect(send).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(send).toHaveBeenCalledExactlyOnceWith({
      type: 'gloss:mentions-changed',
      url: 'https://example.org/',
      count: 9,
      entities: 1,
    });
  });

  it('sends nothing once cancelled', () => {
    const send = vi.fn();
    const broadcaster = new Broadcaster(send, () => ({ url: 'u', count: 1, entities: 1 }));
    broadcaster.soon();
    broadcaster.cancel();
    vi.advanceTimersByTime(1000);
    expect(send).not.toHaveBeenCalled();
  });
});

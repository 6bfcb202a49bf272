import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BATCH_MS, Highlighter } from '../../utils/highlighter';

/** Node has no CSS Custom Highlight API: a Set with a priority stands in for Highlight. */
class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
}

describe('Highlighter batches new ranges', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('Highlight', FakeHighlight);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const range = () => ({}) as AbstractRange;

  it('hands ranges to the registered highlight once per batch, not one by one', () => {
    const registry = new Map<string, FakeHighlight>();
    const highlighter = new Highlighter(registry as unknown as HighlightRegistry);
    const a = range();
    const b = range();
    highlighter.add(a, 'actor');
    highlighter.add(b, 'actor');
    expect(registry.get('gloss-actor')?.size).toBe(0);
    vi.advanceTimersByTime(BATCH_MS);
    expect([...registry.get('gloss-actor')!]).toEqual([a, b]);
  });

  it('a range removed before its batch never shows; clear drops the batch', () => {
    const registry = new Map<string, FakeHighlight>();
    const highlighter = new Highlighter(registry as unknown as HighlightRegistry);
    const a = range();
    const b = range();
    highlighter.add(a, 'event');
    highlighter.add(b, 'event');
    highlighter.remove(a, 'event');
    highlighter.flush();
    expect([...registry.get('gloss-event')!]).toEqual([b]);
    highlighter.add(range(), 'concept');
    highlighter.clear();
    vi.advanceTimersByTime(BATCH_MS);
    expect(registry.size).toBe(0);
  });
});

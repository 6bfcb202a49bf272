/** Highlight names carry the theme and the reader's style; every name has a rule in the stylesheet. */
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { BATCH_MS, Highlighter } from '../../page/highlighter';
import type { HighlightStyle } from '../../shared/settings';

const CSS_TEXT = readFileSync(new URL('../../entrypoints/content/highlights.css', import.meta.url), 'utf8');
const GROUPS = ['actor', 'event', 'concept'] as const;

beforeAll(() => {
  // Node has no Highlight: a Set with a priority is all the Highlighter uses.
  (globalThis as Record<string, unknown>).Highlight ??= class extends Set<AbstractRange> {
    priority = 0;
  };
});

const range = () => ({}) as AbstractRange;

describe('Highlighter', () => {
  it('registers one highlight per group under a name for theme and style, and a rule exists for each', () => {
    for (const dark of [false, true]) {
      for (const style of ['both', 'underline', 'tint'] as HighlightStyle[]) {
        const registry = new Map<string, Highlight>();
        const h = new Highlighter(registry as unknown as HighlightRegistry, dark, style);
        for (const group of GROUPS) h.add(range(), group);
        h.focus(range());
        const suffix = `${dark ? '-dark' : ''}${style === 'both' ? '' : `-${style}`}`;
        expect([...registry.keys()].sort()).toEqual(
          [...GROUPS.map((g) => `gloss-${g}${suffix}`), `gloss-focus${dark ? '-dark' : ''}`].sort(),
        );
        for (const name of registry.keys()) expect(CSS_TEXT).toContain(`::highlight(${name})`);
        h.clear();
        expect(registry.size).toBe(0);
      }
    }
  });

  it('changes style by moving the same highlights to new names, keeping their ranges', () => {
    const registry = new Map<string, Highlight>();
    const h = new Highlighter(registry as unknown as HighlightRegistry);
    const r = range();
    h.add(r, 'actor');
    h.flush();
    const before = registry.get('gloss-actor')!;
    h.setStyle('underline');
    expect(registry.has('gloss-actor')).toBe(false);
    expect(registry.get('gloss-actor-underline')).toBe(before);
    expect(before.has(r)).toBe(true);
    h.add(range(), 'event');
    expect(registry.has('gloss-event-underline')).toBe(true);
    expect(h.owns(before)).toBe(true);
  });

  it('leaves a name alone that the page took over meanwhile', () => {
    const registry = new Map<string, Highlight>();
    const h = new Highlighter(registry as unknown as HighlightRegistry);
    h.add(range(), 'actor');
    const pages = new (globalThis as unknown as { Highlight: new () => Highlight }).Highlight();
    registry.set('gloss-actor', pages);
    h.clear();
    expect(registry.get('gloss-actor')).toBe(pages);
  });
});

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

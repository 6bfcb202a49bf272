// @vitest-environment happy-dom
/** Which mentions carry a highlight: density, document order, the cap, and removals. */
import { describe, expect, it } from 'vitest';
import type { Highlighter } from '../../page/highlighter';
import { Marks } from '../../page/marks';
import { MentionStore, type Mention } from '../../page/mentions';

/** One paragraph per mention, so document order is the order of `ids`. */
function pageWith(ids: string[]) {
  document.body.innerHTML = '';
  return ids.map((entityId, i) => {
    const p = document.createElement('p');
    p.textContent = `${entityId} ${i}`;
    document.body.append(p);
    const text = p.firstChild as Text;
    const range = new StaticRange({
      startContainer: text,
      startOffset: 0,
      endContainer: text,
      endOffset: entityId.length,
    });
    return { entityId, group: 'actor', alias: entityId, lang: 'en', text: entityId, range, nodes: [text] } as Mention;
  });
}

function setup(ids: string[], density: 'all' | 'first', max = 100) {
  const mentions = pageWith(ids);
  const store = new MentionStore();
  const lit = new Set<Mention>();
  const highlighter = {
    add: (range: StaticRange) => lit.add(mentions.find((m) => m.range === range)!),
    remove: (range: StaticRange) => lit.delete(mentions.find((m) => m.range === range)!),
  } as unknown as Highlighter;
  const marks = new Marks(store, highlighter, density, max);
  const add = (...which: number[]) => {
    const batch = which.map((i) => mentions[i]);
    batch.forEach((m) => store.add(m));
    marks.added(batch);
  };
  const litIndexes = () => mentions.flatMap((m, i) => (lit.has(m) ? [i] : []));
  return { mentions, store, marks, add, litIndexes };
}

describe('Marks', () => {
  it('marks every mention with density "all"', () => {
    const { add, litIndexes } = setup(['a', 'b', 'a', 'c'], 'all');
    add(0, 1, 2, 3);
    expect(litIndexes()).toEqual([0, 1, 2, 3]);
  });

  it('marks only the earliest mention of each entity with density "first", even when found out of order', () => {
    const { add, litIndexes, store } = setup(['a', 'b', 'a', 'c', 'b'], 'first');
    add(2, 4, 3);
    expect(litIndexes()).toEqual([2, 3, 4]);
    store.unordered(); // a rescan: text earlier in the page, found later (a mutation above)
    add(0, 1);
    expect(litIndexes()).toEqual([0, 1, 3]);
  });

  it('moves the mark to the next mention when the first one leaves the page', () => {
    const { mentions, store, marks, add, litIndexes } = setup(['a', 'b', 'a'], 'first');
    add(0, 1, 2);
    store.removeWithin([mentions[0].nodes[0].parentNode!]);
    marks.removed([mentions[0]]);
    expect(litIndexes()).toEqual([1, 2]);
  });

  it('switches density both ways', () => {
    const { marks, add, litIndexes } = setup(['a', 'a', 'b', 'b'], 'all');
    add(0, 1, 2, 3);
    marks.setDensity('first');
    expect(litIndexes()).toEqual([0, 2]);
    marks.setDensity('all');
    expect(litIndexes()).toEqual([0, 1, 2, 3]);
  });

  it('never marks more than the cap: the first mentions of the page stay marked', () => {
    const ids = Array.from({ length: 10 }, (_, i) => `e${i % 3}`);
    const { add, litIndexes, marks } = setup(ids, 'all', 4);
    add(0, 1, 2);
    add(3, 4, 5, 6, 7, 8, 9);
    expect(litIndexes()).toEqual([0, 1, 2, 3]);
    expect(marks.size).toBe(4);
    marks.rebuild();
    expect(litIndexes()).toEqual([0, 1, 2, 3]);
  });
});

describe('MentionStore order', () => {
  it('keeps insertion order while one scan of the whole page adds, and sorts after a partial rescan', () => {
    const mentions = pageWith(['a', 'b', 'c', 'd']);
    const store = new MentionStore();
    [0, 1, 2, 3].forEach((i) => store.add(mentions[i]));
    expect(store.appendsInOrder).toBe(true);
    expect(store.ordered()).toEqual(mentions);
    const other = new MentionStore();
    other.add(mentions[2]);
    other.unordered();
    [0, 3, 1].forEach((i) => other.add(mentions[i]));
    expect(other.ordered()).toEqual(mentions);
    other.add(pageWith(['e'])[0]); // a new page: the old mentions are now detached and go last
    expect(other.ordered()[0].entityId).toBe('e');
  });

  it('is in order again once a rescan starts from an empty store', () => {
    const mentions = pageWith(['a', 'b']);
    const store = new MentionStore();
    store.add(mentions[0]);
    store.unordered();
    expect(store.appendsInOrder).toBe(false);
    store.clear();
    store.unordered();
    expect(store.appendsInOrder).toBe(true);
  });
});

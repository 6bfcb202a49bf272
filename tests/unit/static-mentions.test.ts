// @vitest-environment happy-dom
/**
 * Mentions are kept as static positions (issue 13): no live Range, which the browser would update
 * on every change to the page. A change to a mention's own text drops it the moment the mutation
 * is reported, before any frame could paint it at its old offsets; its block is rescanned after.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compileMatcher } from '../../core/matcher';
import type { Mention } from '../../page/mentions';
import { startedScan } from '../support/started-scan';

const matcher = compileMatcher([
  { text: 'NATO', entityId: 'nato', lang: 'en', caseSensitive: true },
  { text: 'Russia', entityId: 'russia', lang: 'en' },
]);

/** What the mention's static range covers, read from its boundary nodes. */
function coveredText(m: Mention): string {
  const { startContainer, startOffset, endContainer, endOffset } = m.range;
  if (startContainer === endContainer) return (startContainer as Text).data.slice(startOffset, endOffset);
  const inner = m.nodes
    .slice(1, -1)
    .map((n) => n.data)
    .join('');
  return (startContainer as Text).data.slice(startOffset) + inner + (endContainer as Text).data.slice(0, endOffset);
}

const started = () => startedScan(matcher);

/** After the observer's microtask, before any frame or timer: what a paint would see. */
const afterRecords = () => Promise.resolve();

describe('static mentions', () => {
  let stop: (() => void) | null = null;
  beforeEach(() => {
    document.body.innerHTML = '';
  });
  afterEach(() => {
    stop?.();
    vi.restoreAllMocks();
  });

  it('counts the distinct entities among the mentions (the toolbar badge)', async () => {
    document.body.innerHTML = '<p>NATO and Russia met.</p><p>Russia again, NATO too.</p>';
    const { store, scan, first } = started();
    stop = () => scan.stop();
    await first;
    expect([store.size, store.entityCount()]).toEqual([4, 2]);
  });

  it('creates no live Range for any mention', async () => {
    document.body.innerHTML = '<p>NATO and <em>Rus</em><em>sia</em> met.</p><p>Russia again, NATO too.</p>';
    const createRange = vi.spyOn(document, 'createRange');
    const { store, scan, first } = started();
    stop = () => scan.stop();
    await first;
    expect(store.size).toBe(4);
    expect(createRange).not.toHaveBeenCalled();
    for (const m of store.ordered()) {
      expect(m.range).toBeInstanceOf(StaticRange);
      expect(coveredText(m)).toBe(m.text);
    }
  });

  it('drops a mention whose text node changed as soon as the change is reported, then finds it at its new place', async () => {
    document.body.innerHTML = '<p>NATO and Russia met.</p><p id="b">Russia again.</p>';
    const { store, log, scan, settle, first } = started();
    stop = () => scan.stop();
    await first;
    const untouched = store.ordered().find((m) => m.nodes[0]!.parentElement!.id !== 'b')!;
    const text = document.getElementById('b')!.firstChild as Text;
    log.length = 0;
    const next = settle();
    text.data = 'Again: Russia.';
    await afterRecords();
    // Gone before any frame: a paint now would not draw "Russia" at offset 0 of "Again: Russia.".
    expect(log).toEqual(['-Russia']);
    expect(store.ordered().map((m) => m.text)).toEqual(['NATO', 'Russia']);
    await next;
    expect(log).toEqual(['-Russia', '+Russia']);
    const moved = store.ordered().find((m) => m.nodes[0] === text)!;
    expect([moved.range.startOffset, moved.range.endOffset]).toEqual([7, 13]);
    expect(coveredText(moved)).toBe('Russia');
    // The other paragraph's mentions are the same objects: nothing there changed.
    expect(store.has(untouched)).toBe(true);
  });

  it('drops a mention split across elements when something is put between its pieces', async () => {
    document.body.innerHTML = '<p id="a"><em>Rus</em><em>sia</em> and NATO</p>';
    const { store, log, scan, settle, first } = started();
    stop = () => scan.stop();
    await first;
    expect(store.ordered().map((m) => m.text)).toEqual(['Russia', 'NATO']);
    const p = document.getElementById('a')!;
    log.length = 0;
    const next = settle();
    const wedge = document.createElement('b');
    wedge.textContent = 'X';
    p.insertBefore(wedge, p.children[1]!);
    await afterRecords();
    expect(log).toEqual(['-Russia']);
    await next;
    // "RusXsia" is no mention: the rescan of the paragraph finds only NATO.
    expect(store.ordered().map((m) => m.text)).toEqual(['NATO']);
  });

  it('drops the mentions of a text node the page removed', async () => {
    document.body.innerHTML = '<p id="a">NATO</p><p>Russia</p>';
    const { store, log, scan, settle, first } = started();
    stop = () => scan.stop();
    await first;
    log.length = 0;
    const next = settle();
    const p = document.getElementById('a')!;
    p.removeChild(p.firstChild!);
    await afterRecords();
    expect(log).toEqual(['-NATO']);
    await next;
    expect(store.ordered().map((m) => m.text)).toEqual(['Russia']);
  });

  it('keeps mentions whose text nodes a change did not touch, through the rescan of their block', async () => {
    document.body.innerHTML = '<p id="a">NATO met <span>Russia</span>.</p>';
    const { store, log, scan, settle, first } = started();
    stop = () => scan.stop();
    await first;
    const before = store.ordered();
    log.length = 0;
    const next = settle();
    const added = document.createElement('span');
    added.textContent = ' and NATO';
    document.getElementById('a')!.append(added);
    await afterRecords();
    expect(log).toEqual([]);
    await next;
    // Only the new text is reported: the others stay marked as they were, not unmarked and marked anew.
    expect(log).toEqual(['+NATO']);
    expect(store.ordered().slice(0, 2)).toEqual(before);
    expect(store.has(before[0]!) && store.has(before[1]!)).toBe(true);
  });
});

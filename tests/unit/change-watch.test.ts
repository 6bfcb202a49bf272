// @vitest-environment happy-dom
/**
 * On a page that changes without pause, Gloss stops hearing every change (the observer itself would
 * tax the page) and watches only what it marked; after a pause it listens again and rescans.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compileMatcher } from '../../core/matcher';
import { startedScan } from '../support/started-scan';
import { BACKOFF_MIN_MS, FLOOD_RECORDS } from '../../page/change-watch';

const matcher = compileMatcher([
  { text: 'NATO', entityId: 'nato', lang: 'en', caseSensitive: true },
  { text: 'Russia', entityId: 'russia', lang: 'en' },
]);

const started = () => startedScan(matcher);

/** A ticker: `rounds` changes to an element with no mention, each one record. */
function flood(rounds: number) {
  const ticker = document.getElementById('ticker')!;
  for (let i = 0; i < rounds; i++) ticker.textContent = `Markets ${i}`;
}

const afterRecords = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('stepping back on a flooding page', () => {
  let stop: (() => void) | null = null;
  beforeEach(() => {
    document.body.innerHTML = '<div id="ticker">Markets</div><p id="a">NATO and Russia met.</p><div id="feed"></div>';
  });
  afterEach(() => {
    stop?.();
    vi.useRealTimers();
  });

  it('hears every change of a page that changes at a reader’s pace', async () => {
    const { scan, first } = started();
    stop = () => scan.stop();
    await first;
    flood(FLOOD_RECORDS / 2);
    await afterRecords();
    expect(scan.steppedBack).toBe(false);
  });

  it('past the flood mark, still drops a changed mark at once, then listens again and finds what it missed', async () => {
    const { store, log, scan, settle, first } = started();
    stop = () => scan.stop();
    await first;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    flood(FLOOD_RECORDS + 10);
    await Promise.resolve();
    expect(scan.steppedBack).toBe(true);

    // Unheard while stepped back: new text in the feed.
    document.getElementById('feed')!.textContent = 'Russia and NATO.';
    // Heard: the marked text itself changes, and its old mark goes before any paint.
    log.length = 0;
    (document.getElementById('a')!.firstChild as Text).data = 'Talks with NATO ended.';
    await Promise.resolve();
    expect(log).toEqual(['-NATO', '-Russia']);
    expect(store.ordered().map((m) => m.text)).toEqual([]);

    const next = settle();
    await vi.advanceTimersByTimeAsync(BACKOFF_MIN_MS);
    vi.useRealTimers();
    await next;
    expect(scan.steppedBack).toBe(false);
    expect(store.ordered().map((m) => `${m.text}@${m.nodes[0]!.parentElement!.id}`)).toEqual([
      'NATO@a',
      'Russia@feed',
      'NATO@feed',
    ]);
  });

  it('while stepped back, drops a mark split across elements when something comes between its pieces', async () => {
    document.getElementById('a')!.innerHTML = '<em>Rus</em><em>sia</em> met.';
    const { log, scan, first } = started();
    stop = () => scan.stop();
    await first;
    flood(FLOOD_RECORDS + 10);
    await Promise.resolve();
    expect(scan.steppedBack).toBe(true);
    log.length = 0;
    const p = document.getElementById('a')!;
    p.insertBefore(document.createTextNode('X'), p.children[1]!);
    await Promise.resolve();
    expect(log).toEqual(['-Russia']);
  });
});

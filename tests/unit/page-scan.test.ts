// @vitest-environment happy-dom
/**
 * The page scan gives the page its main thread back: counted in work done between two yields, not
 * in milliseconds (the clock is a fake that says every slice is used up, so the scan must yield at
 * every point where it can).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHUNK_CHARS, OVERLAP_CHARS } from '../../core/chunked-find';
import { compileMatcher, type Matcher } from '../../core/matcher';
import { MentionStore, type Mention } from '../../page/mentions';
import { PageScan } from '../../page/page-scan';

/** What the matcher was given since the scan last yielded. */
interface Work {
  yields: number;
  calls: number;
  chars: number;
  most: { calls: number; chars: number };
}

function watched(matcher: Matcher, work: Work): Matcher {
  return {
    ...matcher,
    find(text: string) {
      work.calls++;
      work.chars += text.length;
      work.most.calls = Math.max(work.most.calls, work.calls);
      work.most.chars = Math.max(work.most.chars, work.chars);
      return matcher.find(text);
    },
  };
}

/** Scans document.body to the end; resolves with the mentions and the work between yields. */
function scan(): Promise<{ mentions: Mention[]; batches: number; work: Work }> {
  const work: Work = { yields: 0, calls: 0, chars: 0, most: { calls: 0, chars: 0 } };
  const Channel = globalThis.MessageChannel;
  vi.stubGlobal(
    'MessageChannel',
    class extends Channel {
      constructor() {
        super();
        work.yields++;
        work.calls = 0;
        work.chars = 0;
      }
    },
  );
  const matcher = watched(
    compileMatcher([
      { text: 'NATO', entityId: 'nato', lang: 'en', caseSensitive: true },
      { text: 'Russia', entityId: 'russia', lang: 'en' },
    ]),
    work,
  );
  const store = new MentionStore();
  const mentions: Mention[] = [];
  let batches = 0;
  return new Promise((resolve) => {
    const pageScan = new PageScan({
      doc: document,
      matcher,
      groupOf: () => 'actor',
      store,
      exclude: () => false,
      onAdded: (added) => {
        batches++;
        mentions.push(...added);
      },
      onRemoved: () => {},
      onSettled: () => {
        pageScan.stop();
        resolve({ mentions, batches, work });
      },
    });
    pageScan.start();
  });
}

describe('page scan', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
    let now = 0;
    // Every reading of the clock is 10 ms after the last: each slice (4 ms) is always used up.
    vi.spyOn(performance, 'now').mockImplementation(() => (now += 10));
  });

  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('matches a 10 MB text node piece by piece, yielding between pieces', async () => {
    const piece = 'lorem ipsum dolor sit amet consectetur '.repeat(2600) + 'NATO ';
    const p = document.createElement('p');
    p.append(document.createTextNode(piece.repeat(100)));
    document.body.append(p);

    const { mentions, batches, work } = await scan();

    expect(mentions).toHaveLength(100);
    expect(mentions.every((m) => m.text === 'NATO' && m.nodes[0] === p.firstChild)).toBe(true);
    // One piece and its context on each side at a time, never the whole node.
    expect(work.most.chars).toBeLessThanOrEqual(CHUNK_CHARS + 2 * OVERLAP_CHARS);
    expect(work.most.calls).toBe(1);
    expect(work.yields).toBeGreaterThanOrEqual(Math.floor((piece.length * 100) / CHUNK_CHARS));
    // Mentions reach the highlighter as they are found, not all at the end.
    expect(batches).toBeGreaterThan(1);
  });

  it('yields between paragraphs on a page dense with mentions', async () => {
    document.body.innerHTML = Array.from({ length: 500 }, (_, i) => `<p>${i}: NATO and Russia, NATO.</p>`).join('');

    const { mentions, work } = await scan();

    expect(mentions).toHaveLength(1500);
    expect(mentions.slice(0, 3).map((m) => m.text)).toEqual(['NATO', 'Russia', 'NATO']);
    expect(work.most.calls).toBe(1);
    expect(work.yields).toBeGreaterThanOrEqual(500);
  });

  it('with time to spare, scans a small page without yielding per paragraph', async () => {
    vi.mocked(performance.now).mockImplementation(() => 0);
    document.body.innerHTML = Array.from({ length: 50 }, (_, i) => `<p>${i}: NATO and Russia.</p>`).join('');

    const { mentions, work } = await scan();

    expect(mentions).toHaveLength(100);
    expect(work.most.calls).toBe(50);
  });
});

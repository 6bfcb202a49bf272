/**
 * Matches in a very long text (a 10 MB text node) piece by piece, so the caller can yield to the
 * page between pieces. Each piece is matched with `overlap` characters of context on both sides
 * (word boundaries, the URL rule and names that cross a cut all see what one pass would see) and
 * keeps the matches that start inside it; cuts fall after whitespace where there is some. The
 * result equals `matcher.find(text)` whenever no alias or token around one is longer than `overlap`.
 */
import type { Match, Matcher } from './matcher';

export const CHUNK_CHARS = 64 * 1024;
export const OVERLAP_CHARS = 2048;

export function* findInChunks(
  matcher: Matcher,
  text: string,
  chunk = CHUNK_CHARS,
  overlap = OVERLAP_CHARS,
): Generator<Match[]> {
  if (text.length <= chunk) {
    yield matcher.find(text);
    return;
  }
  let from = 0;
  let cursor = 0;
  while (from < text.length) {
    let cut = Math.min(text.length, from + chunk);
    if (cut < text.length) {
      let k = cut;
      const floor = from + (chunk >> 1);
      while (k > floor && !/\s/.test(text[k - 1]!)) k--;
      if (k > floor) cut = k;
    }
    const base = Math.max(0, from - overlap);
    const found = matcher.find(text.slice(base, Math.min(text.length, cut + overlap)));
    const kept: Match[] = [];
    for (const m of found) {
      const start = m.start + base;
      if (start >= cut) break;
      if (start < from || start < cursor) continue;
      kept.push({ ...m, start, end: m.end + base });
      cursor = m.end + base;
    }
    yield kept;
    from = cut;
  }
}

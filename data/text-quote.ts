/**
 * Quotes found again in a saved text: the W3C Web Annotation TextQuoteSelector (exact text with a
 * little of what stands before and after it, as Hypothesis stores annotations). A curator's
 * selection is described on the page and anchored in the page's readable text saved with the
 * pack, so the quote the pack keeps is the saved text's own characters and the checker can prove it.
 * Pure, no DOM.
 */
import { isIgnorable, isSpace, punctFold } from './fold';

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

export interface TextAnchor {
  start: number;
  end: number;
}

/** How much context a selector keeps on each side: Hypothesis keeps 32 characters. */
export const CONTEXT_CHARS = 32;

export function describeQuote(text: string, start: number, end: number, context = CONTEXT_CHARS): TextQuoteSelector {
  return {
    type: 'TextQuoteSelector',
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - context), start),
    suffix: text.slice(end, end + context),
  };
}

const DOUBLE_QUOTES = new Set([0x22, 0x201c, 0x201d, 0x201e, 0x201f, 0x2033, 0x00ab, 0x00bb, 0x300c, 0x300d]);

/**
 * Text as the comparison sees it: whitespace runs one space, typographic quotes and dashes their
 * ASCII form (data/fold.ts), soft hyphens and zero-width characters gone. Case is kept: a quote
 * is verbatim. `offsets[i]` is where normalized character i stands in the original.
 */
export function normalizeForQuote(text: string): { text: string; offsets: number[] } {
  let out = '';
  const offsets: number[] = [];
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (isIgnorable(u)) continue;
    if (isSpace(u) || u === 0x0a || u === 0x0d || u === 0x09) {
      if (!space && out.length) {
        out += ' ';
        offsets.push(i);
      }
      space = true;
      continue;
    }
    space = false;
    out += DOUBLE_QUOTES.has(u) ? '"' : String.fromCharCode(punctFold(u));
    offsets.push(i);
  }
  if (out.endsWith(' ')) {
    out = out.slice(0, -1);
    offsets.pop();
  }
  return { text: out, offsets };
}

function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  if (!needle) return found;
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) found.push(at);
  return found;
}

/** How many characters agree: `a`'s end with `b`'s end (prefix) or their starts (suffix). */
function agreeAtEnd(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}
function agreeAtStart(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/** The occurrence whose surroundings agree best with the selector's prefix and suffix; the first on a tie. */
function best(text: string, starts: number[], length: number, prefix: string, suffix: string): number {
  let chosen = starts[0] as number;
  let score = -1;
  for (const start of starts) {
    const before = text.slice(Math.max(0, start - prefix.length), start);
    const after = text.slice(start + length, start + length + suffix.length);
    const s = agreeAtEnd(before, prefix) + agreeAtStart(after, suffix);
    if (s > score) {
      score = s;
      chosen = start;
    }
  }
  return chosen;
}

/**
 * Where the selector's quote stands in `text`: verbatim first; else compared with whitespace and
 * typographic quotes and dashes folded, mapped back to the original offsets. Where the quote
 * occurs more than once, the prefix and suffix pick the occurrence. Null when it is not there.
 */
export function anchorQuote(
  text: string,
  selector: Pick<TextQuoteSelector, 'exact' | 'prefix' | 'suffix'>,
): TextAnchor | null {
  const exact = selector.exact;
  const starts = occurrences(text, exact);
  if (starts.length) {
    const start = best(text, starts, exact.length, selector.prefix, selector.suffix);
    return { start, end: start + exact.length };
  }
  const hay = normalizeForQuote(text);
  const needle = normalizeForQuote(exact).text;
  const found = occurrences(hay.text, needle);
  if (!found.length) return null;
  // The context is normalized too; a trailing or leading space in it is part of what it says.
  const prefix = normalizeForQuote(`${selector.prefix}x`).text.slice(0, -1);
  const suffix = normalizeForQuote(`x${selector.suffix}`).text.slice(1);
  const at = best(hay.text, found, needle.length, prefix, suffix);
  return { start: hay.offsets[at] as number, end: (hay.offsets[at + needle.length - 1] as number) + 1 };
}

/**
 * The 1-based paragraph (blank-line separated block, as data/check.ts counts them) that holds
 * the whole of `anchor`, or null when it runs across a blank line.
 */
export function paragraphOf(text: string, anchor: TextAnchor): number | null {
  const separator = /\n[ \t]*\n/g;
  let index = 0;
  let blockStart = 0;
  const blocks: { start: number; end: number }[] = [];
  for (let m = separator.exec(text); m; m = separator.exec(text)) {
    blocks.push({ start: blockStart, end: m.index });
    blockStart = m.index + m[0].length;
  }
  blocks.push({ start: blockStart, end: text.length });
  for (const block of blocks) {
    if (!text.slice(block.start, block.end).trim()) continue;
    index++;
    if (anchor.start >= block.start && anchor.end <= block.end) return index;
  }
  return null;
}

/**
 * What the matcher checks on the original text around a candidate: word boundaries, exact case,
 * and the URL / e-mail / slug rule. Pure functions over a string and an offset.
 */
import { IGNORABLE, infoOf, isIgnorable, isWord, punctFold, SPACE } from '../data/fold';

const ASTRAL_WORD_RE = /^[\p{L}\p{N}\p{M}]$/u;
const IGNORABLE_RE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const EDGE_PUNCT_RE = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
const WWW_RE = /^www\./i;
/** Lower-case slug of 3+ hyphen-joined parts, one of them digits only. */
const SLUG_RE = /^(?=(?:.*-)?\d+(?:-|$))[\p{Ll}\p{N}\p{M}]+(?:-[\p{Ll}\p{N}\p{M}]+){2,}$/u;

/** Is there a letter, digit or mark at `p` (ignorables skipped)? */
export function wordAt(text: string, p: number): boolean {
  const n = text.length;
  while (p < n && isIgnorable(text.charCodeAt(p))) p++;
  if (p >= n) return false;
  const u = text.charCodeAt(p);
  if (u >= 0xd800 && u <= 0xdbff && p + 1 < n) {
    const l = text.charCodeAt(p + 1);
    if (l >= 0xdc00 && l <= 0xdfff) return astralWord(((u - 0xd800) << 10) + (l - 0xdc00) + 0x10000);
  }
  return isWord(u);
}

/** Is there a letter, digit or mark just before `p` (ignorables skipped)? */
export function wordBefore(text: string, p: number): boolean {
  p--;
  while (p >= 0 && isIgnorable(text.charCodeAt(p))) p--;
  if (p < 0) return false;
  const u = text.charCodeAt(p);
  if (u >= 0xdc00 && u <= 0xdfff && p > 0) {
    const h = text.charCodeAt(p - 1);
    if (h >= 0xd800 && h <= 0xdbff) return astralWord(((h - 0xd800) << 10) + (u - 0xdc00) + 0x10000);
  }
  return isWord(u);
}

/** Does text[start, end) equal `exact` with its case (punctuation/space rules still apply)? */
export function exactAt(text: string, start: number, end: number, exact: string): boolean {
  const m = exact.length;
  let j = 0;
  let p = start;
  while (p < end) {
    const u = text.charCodeAt(p);
    const k = infoOf(u);
    if (k & IGNORABLE) {
      p++;
      continue;
    }
    if (j >= m) return false;
    if (k & SPACE) {
      if (exact.charCodeAt(j) !== 0x20) return false;
      p++;
      while (p < end && infoOf(text.charCodeAt(p)) & (SPACE | IGNORABLE)) p++;
    } else {
      if (punctFold(u) !== exact.charCodeAt(j)) return false;
      p++;
    }
    j++;
  }
  return j === m;
}

/**
 * The link rule on text[a, b): contains "://" or "@", or "/" between two letters/digits, or
 * starts with "www." (after leading punctuation), or is a lower-case slug of 3+ hyphen-joined
 * parts with a digits-only part. Plain words are settled by one pass over their code units.
 */
export function isLinkToken(text: string, a: number, b: number): boolean {
  let hyphens = 0;
  let digits = false;
  let dot = false;
  let ws = 0;
  for (let q = a; q < b; q++) {
    const u = text.charCodeAt(q);
    if (isIgnorable(u)) continue;
    if (u === 0x40) return true; // @
    if (u === 0x3a && q + 2 < b && text.charCodeAt(q + 1) === 0x2f && text.charCodeAt(q + 2) === 0x2f) {
      return true; // ://
    }
    if (u === 0x2f) {
      // "/" between two letters/digits (ignorables skipped; whitespace ends the token anyway)
      if (wordBefore(text, q) && wordAt(text, q + 1)) return true;
    } else if (u === 0x2d) hyphens++;
    else if (u === 0x2e) dot = true;
    else if (u >= 0x30 && u <= 0x39) digits = true;
    else if ((u | 0x20) === 0x77) ws++; // w, W
  }
  if ((dot && ws >= 3) || (hyphens >= 2 && digits)) {
    const core = text.slice(a, b).replace(IGNORABLE_RE, '').replace(EDGE_PUNCT_RE, '');
    if (WWW_RE.test(core) || SLUG_RE.test(core)) return true;
  }
  return false;
}

function astralWord(cp: number): boolean {
  return ASTRAL_WORD_RE.test(String.fromCodePoint(cp));
}

/**
 * How Gloss folds text for matching, in one place: the matcher's automaton (core/matcher.ts), the
 * pack checker's "same alias" (data/check.ts) and the context rules' words all use it, so the
 * checker calls two aliases the same exactly when the matcher finds one where the other stands.
 * Pure, no DOM.
 */

// ---------------------------------------------------------------------------------------------
// Character classes, learnt per code unit on first sight: a page uses a few hundred distinct code
// units, and filling 65,536-entry tables up front cost a content script 15-20 ms on every page.

/** `charInfo[u]`: 0 not learnt yet, else KNOWN plus the flags below. */
const KNOWN = 1;
export const WORD = 2; // \p{L}, \p{N}, \p{M} (apostrophe-like modifier letters excluded)
export const SPACE = 4;
export const IGNORABLE = 8;

const APOSTROPHES = [0x0027, 0x2018, 0x2019, 0x02bc, 0x2032];
const DASHES = [0x002d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d];
const IGNORABLES = [0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff];

const WORD_RE = /^[\p{L}\p{N}\p{M}]$/u;
const SPACE_RE = /^[\s\p{Zs}]$/u;

const charInfo = new Uint8Array(65536);
/** Case-insensitive fold: lower case (same length only), apostrophes, dashes, spaces. */
const foldTable = new Uint16Array(65536);
/** Case-preserving fold: apostrophes, dashes and spaces only. */
const punctTable = new Uint16Array(65536);

function learn(u: number): number {
  let bits = KNOWN;
  let folded = u;
  let punct = u;
  // A lone surrogate is neither a word nor a space, and folds to itself.
  if (u < 0xd800 || u > 0xdfff) {
    const ch = String.fromCharCode(u);
    if (WORD_RE.test(ch)) bits |= WORD;
    else if (SPACE_RE.test(ch) || u === 0x85) bits |= SPACE;
    const lower = ch.toLowerCase();
    if (lower.length === 1) folded = lower.charCodeAt(0);
  }
  if (IGNORABLES.includes(u)) bits = (bits & ~(WORD | SPACE)) | IGNORABLE;
  if (APOSTROPHES.includes(u)) {
    folded = punct = 0x27;
    bits &= ~WORD;
  } else if (DASHES.includes(u)) {
    folded = punct = 0x2d;
    bits &= ~WORD;
  } else if (bits & SPACE) {
    folded = punct = 0x20;
  }
  foldTable[u] = folded;
  punctTable[u] = punct;
  charInfo[u] = bits;
  return bits;
}

export const infoOf = (u: number): number => charInfo[u] || learn(u);
export const isIgnorable = (u: number): boolean => (infoOf(u) & IGNORABLE) !== 0;
export const isSpace = (u: number): boolean => (infoOf(u) & SPACE) !== 0;
export const isWord = (u: number): boolean => (infoOf(u) & WORD) !== 0;
export const fold = (u: number): number => (infoOf(u), foldTable[u] as number);
export const punctFold = (u: number): number => (infoOf(u), punctTable[u] as number);

/** Normalises an alias: drops ignorables, trims and collapses whitespace, maps through `map`. */
export function normalizeAlias(text: string, map: (u: number) => number): string {
  const codes: number[] = [];
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    if (isIgnorable(u)) continue;
    if (isSpace(u)) {
      if (codes.length > 0) pendingSpace = true;
      continue;
    }
    if (pendingSpace) {
      codes.push(0x20);
      pendingSpace = false;
    }
    codes.push(map(u));
  }
  let out = '';
  for (let i = 0; i < codes.length; i += 4096) {
    out += String.fromCharCode.apply(null, codes.slice(i, i + 4096));
  }
  return out;
}

/**
 * A normalised alias with every spacing around its dashes: none, before, after, both. Up to two
 * dashes get every combination; an alias with more gets "none" and "both" only, which keeps the
 * automaton small for the rare long hyphenated name.
 */
export function dashSpacings(alias: string): string[] {
  const parts = alias.split(/ ?- ?/);
  if (parts.length === 1) return [alias];
  if (parts[0] === '' || parts[parts.length - 1] === '') return [alias];
  const joins = parts.length <= 3 ? ['-', ' -', '- ', ' - '] : ['-', ' - '];
  let out = [parts[0] as string];
  for (let i = 1; i < parts.length; i++) {
    const next: string[] = [];
    const part = parts[i] as string;
    for (const head of out) {
      for (const join of joins) {
        // A dash at the alias's own edge ("ex-") keeps its spelling: spaces there are the text's.
        if ((head === '' || part === '') && join !== '-') continue;
        next.push(head + join + part);
      }
    }
    out = [...new Set(next)];
  }
  // The alias as written first, so its own spacing is always kept.
  return [alias, ...out.filter((v) => v !== alias)];
}

/**
 * An alias's key: case, apostrophes, dashes and spaces folded, ignorables dropped, and no space
 * around an inner dash ("Россия — НАТО" and "Россия-НАТО" are one key).
 */
export function foldAlias(text: string): string {
  const key = normalizeAlias(text, fold);
  // As dashSpacings: a dash at the alias's own edge keeps its spelling.
  return key.startsWith('-') || key.endsWith('-') ? key : key.replace(/ ?- ?/g, '-');
}

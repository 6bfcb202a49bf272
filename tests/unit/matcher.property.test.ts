import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { compileMatcher, type AliasInput, type Match } from '../../core/matcher';
import { loadMatcher, packMatcher, type PackedMatcher } from '../../core/matcher-pack';

// ---------------------------------------------------------------------------------------------
// An independent, deliberately naive statement of the matching rules (no automaton), used as
// the oracle below. Quadratic and slow, which is fine for short generated texts.

const APOSTROPHES = ["'", '’', '‘', 'ʼ', '′'];
const DASHES = ['-', '‐', '‑', '‒', '–', '—', '−'];
const IGNORABLES = ['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];
const SPACES = [' ', '  ', '\u00a0', '\n', '\t', '\u202f', '\u2009', ' \r\n '];

const isIgnorable = (ch: string) => IGNORABLES.includes(ch);
const isSpace = (ch: string) => !isIgnorable(ch) && /^[\s\p{Zs}]$/u.test(ch);
const isWordChar = (ch: string) => !APOSTROPHES.includes(ch) && /^[\p{L}\p{N}\p{M}]$/u.test(ch);

function foldChar(ch: string, caseFold: boolean): string {
  if (APOSTROPHES.includes(ch)) return "'";
  if (DASHES.includes(ch)) return '-';
  if (isSpace(ch)) return ' ';
  if (!caseFold) return ch;
  const lower = ch.toLowerCase();
  return lower.length === 1 ? lower : ch;
}

/** Drops ignorables, collapses and trims whitespace, folds every code unit. */
function normalize(text: string, caseFold: boolean): string {
  let out = '';
  for (const ch of text.split('')) {
    if (isIgnorable(ch)) continue;
    out += foldChar(ch, caseFold);
  }
  return out.replace(/ +/g, ' ').trim();
}

function neighbourIsWord(text: string, index: number, direction: -1 | 1): boolean {
  let p = direction === 1 ? index : index - 1;
  while (p >= 0 && p < text.length && isIgnorable(text.charAt(p))) p += direction;
  if (p < 0 || p >= text.length) return false;
  let cp = text.codePointAt(p) as number;
  if (direction === -1 && cp >= 0xdc00 && cp <= 0xdfff && p > 0) cp = text.codePointAt(p - 1) as number;
  return isWordChar(String.fromCodePoint(cp));
}

function tokenAt(text: string, p: number): string {
  let a = p;
  let b = p + 1;
  while (a > 0 && !isSpace(text.charAt(a - 1))) a--;
  while (b < text.length && !isSpace(text.charAt(b))) b++;
  return text.slice(a, b);
}

function isLink(token: string): boolean {
  if (token.includes('://') || token.includes('@')) return true;
  const t = token
    .split('')
    .filter((ch) => !isIgnorable(ch))
    .join('');
  if (/[\p{L}\p{N}\p{M}]\/[\p{L}\p{N}\p{M}]/u.test(t)) return true;
  const core = t.replace(/^[^\p{L}\p{N}]+/u, '').replace(/[^\p{L}\p{N}]+$/u, '');
  if (core.toLowerCase().startsWith('www.')) return true;
  const parts = core.split('-');
  return (
    parts.length >= 3 &&
    parts.every((part) => /^[\p{Ll}\p{N}\p{M}]+$/u.test(part)) &&
    parts.some((part) => /^[0-9]+$/.test(part))
  );
}

function referenceFind(aliases: readonly AliasInput[], text: string): Match[] {
  const candidates: { start: number; end: number; index: number }[] = [];
  aliases.forEach((alias, index) => {
    const written = normalize(alias.text, !alias.caseSensitive);
    if (!written) return;
    // Spaces around an inner dash are folded (core/matcher.ts dashSpacings): the target has none,
    // and the text may have any on either side; past two dashes, on both sides or on neither.
    const edgeDash = written.startsWith('-') || written.endsWith('-');
    const target = edgeDash ? written : written.replace(/ ?- ?/g, '-');
    const dashes = edgeDash ? 0 : (target.match(/-/g) ?? []).length;
    const skipSpaces = (p: number) => {
      while (p < text.length && (isSpace(text.charAt(p)) || isIgnorable(text.charAt(p)))) p++;
      return p;
    };
    for (let start = 0; start < text.length; start++) {
      let j = 0;
      let p = start;
      while (j < target.length && p < text.length) {
        const ch = text.charAt(p);
        if (dashes > 0 && target[j] === '-' && j > 0) {
          const before = skipSpaces(p);
          if (before >= text.length || foldChar(text.charAt(before), !alias.caseSensitive) !== '-') break;
          const after = skipSpaces(before + 1);
          const spacedBefore = before > p;
          const spacedAfter = after > before + 1;
          if (dashes > 2 && spacedBefore !== spacedAfter) break;
          j++;
          p = after;
          continue;
        }
        if (isIgnorable(ch)) {
          if (j === 0) break; // a match starts on a real character
          p++;
        } else if (isSpace(ch)) {
          if (target[j] !== ' ') break;
          j++;
          while (p < text.length && (isSpace(text.charAt(p)) || isIgnorable(text.charAt(p)))) p++;
        } else {
          if (foldChar(ch, !alias.caseSensitive) !== target[j]) break;
          j++;
          p++;
        }
      }
      if (j < target.length) continue;
      const end = p;
      if (neighbourIsWord(text, start, -1) || neighbourIsWord(text, end, 1)) continue;
      if (isLink(tokenAt(text, start)) || isLink(tokenAt(text, end - 1))) continue;
      candidates.push({ start, end, index });
    }
  });
  candidates.sort((x, y) => x.start - y.start || y.end - x.end || x.index - y.index);
  const out: Match[] = [];
  let cursor = 0;
  for (const c of candidates) {
    if (c.start < cursor) continue;
    const a = aliases[c.index] as AliasInput;
    out.push({ entityId: a.entityId, alias: a.text, lang: a.lang, start: c.start, end: c.end });
    cursor = c.end;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// A fixed, realistic alias set, and filler that can neither form nor extend any of its aliases:
// every alias contains a letter outside FILLER_CHARS, and SEPARATORS are not word characters.

const PACK: AliasInput[] = [
  { text: 'Vladimir Putin', entityId: 'putin', lang: 'en' },
  { text: 'Putin', entityId: 'putin', lang: 'en' },
  { text: 'Путина', entityId: 'putin', lang: 'ru' },
  { text: 'Kassym-Jomart Tokayev', entityId: 'tokayev', lang: 'en' },
  { text: 'Tokayev', entityId: 'tokayev', lang: 'en' },
  { text: 'NATO', entityId: 'nato', lang: 'en' },
  { text: 'NATO–Russia Council', entityId: 'nrc', lang: 'en' },
  { text: 'Russia', entityId: 'russia', lang: 'en' },
  { text: 'Kazakh', entityId: 'kazakh', lang: 'en' },
  { text: 'Kazakhstan', entityId: 'kazakhstan', lang: 'en' },
  { text: 'Moscow’s goal', entityId: 'moscow-goal', lang: 'en' },
  { text: 'ОДКБ', entityId: 'csto', lang: 'ru' },
  { text: 'Österreich', entityId: 'austria', lang: 'de' },
  { text: 'US', entityId: 'usa', lang: 'en', caseSensitive: true },
  { text: 'EU', entityId: 'eu', lang: 'en', caseSensitive: true },
];

const FILLER_CHARS = ['b', 'f', 'q', 'x', 'B', 'F', 'Q', 'X', 'α', 'β', 'Γ', 'э', 'ю', 'Я', 'ж', '0', '7', '9', 'ß'];
const SEPARATORS = [' ', '  ', ', ', '. ', '\n', '\u00a0', ' — ', ' (', ') ', '; ', ' "', '" ', '’s ', ' «', '» ', '!'];
/** Separators between two planted aliases contain a character that no alias contains. */
const HARD_SEPARATORS = [', ', ' (', ') ', '; ', '!', ' ! ', '?\n', ',\u00a0'];
/** Pieces of aliases that cannot be completed by filler, separators or each other. */
const FRAGMENTS = ['Puti', 'Tokaye', 'NAT', 'Russi', 'Kazak', 'ОДК', 'Moscow’s goa', 'Kassym', 'Путин', 'Österreic'];
const NOISE = ['://', '@', '/', '\u00ad', '\u200b', '\u0301', '😀', '𝐀', '-', '’', "'", '#'];

const fillerWord = fc.array(fc.constantFrom(...FILLER_CHARS), { minLength: 1, maxLength: 7 }).map((a) => a.join(''));
const filler = fc
  .array(fc.tuple(fillerWord, fc.constantFrom(...SEPARATORS)), { maxLength: 6 })
  .map((parts) => parts.map(([w, s]) => w + s).join(''));

/** Choices that turn an alias into an equivalent surface form. */
const variation = fc.record({
  upper: fc.array(fc.boolean(), { minLength: 32, maxLength: 32 }),
  apostrophe: fc.constantFrom(...APOSTROPHES),
  dash: fc.constantFrom(...DASHES),
  space: fc.constantFrom(...SPACES),
  ignorable: fc.option(fc.tuple(fc.constantFrom(...IGNORABLES), fc.nat()), { nil: undefined }),
});

type VariationValue = {
  upper: boolean[];
  apostrophe: string;
  dash: string;
  space: string;
  ignorable: [string, number] | undefined;
};

function vary(alias: AliasInput, v: VariationValue): string {
  let out = '';
  alias.text.split('').forEach((ch, i) => {
    if (APOSTROPHES.includes(ch)) out += v.apostrophe;
    else if (DASHES.includes(ch)) out += v.dash;
    else if (ch === ' ') out += v.space;
    else if (alias.caseSensitive) out += ch;
    else {
      const cased = v.upper[i % v.upper.length] ? ch.toUpperCase() : ch.toLowerCase();
      out += cased.length === 1 ? cased : ch;
    }
  });
  if (v.ignorable) {
    const [ch, at] = v.ignorable;
    const pos = 1 + (at % (out.length - 1)); // strictly inside the alias
    out = out.slice(0, pos) + ch + out.slice(pos);
  }
  return out;
}

const planted = fc
  .tuple(fc.nat(PACK.length - 1), variation)
  .map(([index, v]) => ({ index, surface: vary(PACK[index] as AliasInput, v) }));

const SEED = 42;

describe('matcher properties', () => {
  const matcher = compileMatcher(PACK);
  const sparse = compileMatcher(PACK, { denseTableBudget: 1 });
  const loaded = loadMatcher(packMatcher(PACK));

  it('finds a planted alias exactly once, at its offsets', () => {
    fc.assert(
      fc.property(
        filler,
        fc.constantFrom(...SEPARATORS),
        planted,
        fc.constantFrom(...SEPARATORS),
        filler,
        (before, left, plant, right, after) => {
          const prefix = before + left;
          const text = prefix + plant.surface + right + after;
          const alias = PACK[plant.index] as AliasInput;
          const expected = [
            {
              entityId: alias.entityId,
              alias: alias.text,
              lang: alias.lang,
              start: prefix.length,
              end: prefix.length + plant.surface.length,
            },
          ];
          expect(matcher.find(text)).toEqual(expected);
          expect(sparse.find(text)).toEqual(expected);
        },
      ),
      { seed: SEED, numRuns: 1500 },
    );
  });

  it('finds several planted aliases, in order, at their offsets', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(filler, fc.constantFrom(...HARD_SEPARATORS), planted, fc.constantFrom(...HARD_SEPARATORS)), {
          minLength: 1,
          maxLength: 6,
        }),
        (segments) => {
          let text = '';
          const expected: Match[] = [];
          for (const [fill, left, plant, right] of segments) {
            text += fill + left;
            const alias = PACK[plant.index] as AliasInput;
            expected.push({
              entityId: alias.entityId,
              alias: alias.text,
              lang: alias.lang,
              start: text.length,
              end: text.length + plant.surface.length,
            });
            text += plant.surface + right;
          }
          expect(matcher.find(text)).toEqual(expected);
        },
      ),
      { seed: SEED + 1, numRuns: 600 },
    );
  });

  it('finds nothing in text that contains no alias', () => {
    const piece = fc.oneof(
      fillerWord,
      fc.constantFrom(...SEPARATORS),
      fc.constantFrom(...FRAGMENTS),
      fc.constantFrom(...NOISE),
      fc.constantFrom(...SPACES),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join('');
        expect(matcher.find(text)).toEqual([]);
        expect(sparse.find(text)).toEqual([]);
      }),
      { seed: SEED + 2, numRuns: 1000 },
    );
  });

  it('returns in-bounds, sorted, non-overlapping matches whose text folds to the alias', () => {
    const piece = fc.oneof(
      { weight: 3, arbitrary: planted.map((p) => p.surface) },
      { weight: 2, arbitrary: fc.constantFrom(...FRAGMENTS) },
      { weight: 3, arbitrary: fc.constantFrom(...SEPARATORS, ...SPACES, ...NOISE) },
      { weight: 2, arbitrary: fillerWord },
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        const matches = matcher.find(text);
        let cursor = 0;
        for (const m of matches) {
          expect(Number.isInteger(m.start) && Number.isInteger(m.end)).toBe(true);
          expect(m.start).toBeGreaterThanOrEqual(cursor);
          expect(m.end).toBeGreaterThan(m.start);
          expect(m.end).toBeLessThanOrEqual(text.length);
          cursor = m.end;
          const alias = PACK.find((a) => a.text === m.alias && a.entityId === m.entityId && a.lang === m.lang);
          expect(alias).toBeDefined();
          const slice = text.slice(m.start, m.end);
          const caseFold = !alias?.caseSensitive;
          const dashFold = (t: string) => t.replace(/ ?- ?/g, '-');
          expect(dashFold(normalize(slice, caseFold))).toBe(dashFold(normalize(m.alias, caseFold)));
          expect(neighbourIsWord(text, m.start, -1)).toBe(false);
          expect(neighbourIsWord(text, m.end, 1)).toBe(false);
        }
        expect(sparse.find(text)).toEqual(matches);
        expect(loaded.find(text)).toEqual(matches);
      }),
      { seed: SEED + 3, numRuns: 1000 },
    );
  });

  it('agrees with the naive reference on random aliases and texts', () => {
    const aliasChars = ['a', 'b', 'A', 'é', 'ж', 'Ж', '-', "'", ' ', 'ab', 'ba'];
    const textChars = [
      ...aliasChars,
      'B',
      'É',
      '–',
      '’',
      'ʼ',
      '\u00a0',
      '\n',
      '  ',
      '\u00ad',
      '\u200b',
      ',',
      '.',
      '/',
      '@',
      ':',
      '1',
      '2',
      'x',
      'w',
      'www.',
      '\u0301',
      '😀',
      '𝐀',
    ];
    const aliasArb = fc.record({
      text: fc.array(fc.constantFrom(...aliasChars), { minLength: 1, maxLength: 8 }).map((a) => a.join('')),
      entityId: fc.constantFrom('e1', 'e2', 'e3'),
      lang: fc.constantFrom('en', 'ru'),
      caseSensitive: fc.boolean(),
    });
    fc.assert(
      fc.property(
        fc.array(aliasArb, { minLength: 1, maxLength: 12 }),
        fc.array(fc.constantFrom(...textChars), { maxLength: 50 }),
        fc.integer({ min: 1, max: 300 }),
        (aliases, chars, budget) => {
          // Plant the aliases themselves so that matches are common.
          const text = chars
            .map((ch, i) => (i % 5 === 4 ? ` ${aliases[i % aliases.length]?.text ?? ''} ` : ch))
            .join('');
          const expected = referenceFind(aliases, text);
          expect(compileMatcher(aliases).find(text)).toEqual(expected);
          expect(compileMatcher(aliases, { denseTableBudget: budget }).find(text)).toEqual(expected);
          // Packed in the background, sent as JSON, loaded in the page; its rows are made (and
          // patched) as texts reach them, so a second text and the same text again must agree too.
          // With and without its failure links (a large matcher computes them in the page).
          const other = [...text].reverse().join('');
          for (const links of [true, false]) {
            const packed = JSON.parse(JSON.stringify(packMatcher(aliases, { links }))) as PackedMatcher;
            const loaded = loadMatcher(packed, { denseTableBudget: budget });
            expect(loaded.find(text)).toEqual(expected);
            expect(loaded.find(other)).toEqual(referenceFind(aliases, other));
            expect(loaded.find(text)).toEqual(expected);
          }
        },
      ),
      { seed: SEED + 4, numRuns: 1500 },
    );
  });
});

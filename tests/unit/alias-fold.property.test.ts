/**
 * One fold for the pack checker and the matcher: the checker calls two aliases the same exactly
 * when the matcher, given one, finds the other as a whole. Random aliases over the characters
 * where the two used to differ: case, apostrophe and dash variants (U+2015, U+FE58, U+FE63,
 * U+FF0D among them), spaces and spaces around dashes, soft hyphens and zero-width characters.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aliasKey } from '../../data/check';
import { compileMatcher } from '../../core/matcher';

const LETTERS = ['a', 'A', 'b', 'B', 'ж', 'Ж'];
const APOSTROPHES = ["'", '’', '‘', 'ʼ', '′'];
const DASHES = ['-', '‐', '‑', '‒', '–', '—', '―', '−', '﹘', '﹣', '－'];
const SPACES = [' ', '  ', '\u00a0', '\t'];
const IGNORABLES = ['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];

/** A word: letters, maybe an apostrophe or an ignorable inside. */
const word = fc
  .tuple(
    fc.array(fc.constantFrom(...LETTERS), { minLength: 1, maxLength: 3 }),
    fc.option(fc.constantFrom(...APOSTROPHES, ...IGNORABLES)),
    fc.array(fc.constantFrom(...LETTERS), { minLength: 1, maxLength: 2 }),
  )
  .map(([a, mid, b]) => a.join('') + (mid ?? '') + b.join(''));

/** Up to three words joined by a space or a dash (at most two dashes: the matcher's full set of spacings). */
const alias = fc
  .tuple(
    word,
    fc.array(
      fc.tuple(
        fc.constantFrom('space', 'dash'),
        fc.constantFrom(...SPACES),
        fc.constantFrom(...DASHES),
        fc.nat(3),
        word,
      ),
      {
        maxLength: 2,
      },
    ),
  )
  .map(([first, rest]) =>
    rest.reduce((text, [kind, space, dash, spacing, next]) => {
      if (kind === 'space') return text + space + next;
      const before = spacing & 1 ? space : '';
      const after = spacing & 2 ? space : '';
      return text + before + dash + after + next;
    }, first),
  );

/** Two aliases that often share a key: the second is the first, re-spelt. */
const respelt = alias.chain((a) =>
  fc
    .tuple(fc.constant(a), fc.array(fc.nat(), { minLength: a.length, maxLength: a.length }))
    .map(([text, picks]) =>
      [...text]
        .map((ch, i) => {
          const pick = picks[i]!;
          for (const group of [APOSTROPHES, DASHES, ['a', 'A'], ['b', 'B'], ['ж', 'Ж']]) {
            if (group.includes(ch)) return group[pick % group.length]!;
          }
          if (SPACES.includes(ch)) return SPACES[pick % SPACES.length]!;
          return ch;
        })
        .join(''),
    )
    .map((b) => [a, b] as const),
);

function matcherFinds(aliasText: string, text: string): boolean {
  const found = compileMatcher([{ text: aliasText, entityId: 'e', lang: 'en' }]).find(text);
  return found.length === 1 && found[0]!.start === 0 && found[0]!.end === text.length;
}

describe('one fold for the checker and the matcher', () => {
  it('the checker calls two aliases the same exactly when the matcher finds one where the other stands', () => {
    fc.assert(
      fc.property(fc.oneof(fc.tuple(alias, alias), respelt), ([a, b]) => {
        expect(aliasKey(a) === aliasKey(b)).toBe(matcherFinds(a, b));
      }),
      { numRuns: 3000, seed: 20261201 },
    );
  });
});

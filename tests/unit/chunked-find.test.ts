/** Long texts matched piece by piece give exactly the matches of one pass. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findInChunks } from '../../core/chunked-find';
import { compileMatcher } from '../../core/matcher';

const matcher = compileMatcher([
  { text: 'Vladimir Putin', entityId: 'putin', lang: 'en' },
  { text: 'Putin', entityId: 'putin', lang: 'en' },
  { text: 'NATO', entityId: 'nato', lang: 'en', caseSensitive: true },
  { text: 'NATO–Russia Council', entityId: 'nrc', lang: 'en' },
  { text: 'ОДКБ', entityId: 'csto', lang: 'ru' },
]);

const all = (text: string, chunk: number, overlap: number) => [...findInChunks(matcher, text, chunk, overlap)].flat();

describe('findInChunks', () => {
  it('passes a short text to the matcher whole', () => {
    expect([...findInChunks(matcher, 'Putin and NATO', 1000, 50)]).toHaveLength(1);
  });

  it('finds names across the cuts, and nothing inside words cut in half', () => {
    const text = `${'x '.repeat(30)}Vladimir Putin ${'y'.repeat(40)}NATO ${'z '.repeat(20)}NATO–Russia Council ОДКБ`;
    for (let chunk = 8; chunk < 60; chunk++) {
      expect(all(text, chunk, 32), `chunk ${chunk}`).toEqual(matcher.find(text));
    }
  });

  it('equals one pass on random texts made of names, words, spaces and punctuation', () => {
    const piece = fc.constantFrom(
      'Vladimir Putin',
      'Putin',
      'NATO',
      'nato',
      'NATO–Russia Council',
      'ОДКБ',
      'Putins',
      'xNATO',
      'the',
      ' ',
      '  ',
      '\n',
      ', ',
      '.',
      'abc',
      'Путин',
      '-',
      '/',
      'https://news.example/',
      'a@b.example',
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 80 }), fc.integer({ min: 4, max: 64 }), (pieces, chunk) => {
        const text = pieces.join('');
        expect(all(text, chunk, 40)).toEqual(matcher.find(text));
      }),
      { seed: 20261130, numRuns: 2000 },
    );
  });
});

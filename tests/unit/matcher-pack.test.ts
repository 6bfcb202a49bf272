/**
 * The packed matcher's wire format: each part in the narrowest width its values fit, keys and
 * entries renumbered. Large alias sets need the wide parts (more than 65,535 states or entities),
 * and a damaged or older message is refused with a clear error instead of matching wrongly.
 */
import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../core/matcher';
import { loadMatcher, packMatcher, type PackedMatcher } from '../../core/matcher-pack';
import type { AliasInput } from '../../core/matcher-types';
import { generatedAliases } from '../../bench/fixtures';

const roundTrip = (p: PackedMatcher): PackedMatcher => JSON.parse(JSON.stringify(p)) as PackedMatcher;

describe('packed matcher', () => {
  it('loads a matcher wide enough for 2- and 4-byte parts and finds what the compiled one finds', () => {
    const aliases = generatedAliases(20_000, [
      { text: 'ODKB', entityId: 'csto', lang: 'ru', caseSensitive: true, tag: 300 },
      { text: 'CSTO', entityId: 'csto', lang: 'en', tag: 300 },
    ]);
    const packed = packMatcher(aliases);
    expect(packed.N).toBeGreaterThan(65_535);
    expect(packed.widths).toContain(4);
    expect(packed.widths).toContain(2);
    const text = aliases
      .filter((_, i) => i % 97 === 0)
      .map((a, i) => `${i % 2 ? a.text.toUpperCase() : a.text}, said the ${a.lang} wire`)
      .join('. ');
    const expected = compileMatcher(aliases).find(text);
    expect(expected.length).toBeGreaterThan(150);
    expect(expected.some((m) => m.tag === 300)).toBe(true);
    const loaded = loadMatcher(roundTrip(packed));
    expect(loaded.find(text)).toEqual(expected);
    expect(loaded.aliasCount).toBe(compileMatcher(aliases).aliasCount);
  });

  it("keeps each key's entries in order: the first whose case fits wins", () => {
    const aliases: AliasInput[] = [
      { text: 'Us', entityId: 'pronoun-not', lang: 'en', caseSensitive: true },
      { text: 'US', entityId: 'usa', lang: 'en', caseSensitive: true },
      { text: 'us', entityId: 'lower', lang: 'de' },
    ];
    const text = 'US and Us and us';
    expect(loadMatcher(roundTrip(packMatcher(aliases))).find(text)).toEqual(compileMatcher(aliases).find(text));
  });

  it('refuses an older format or a damaged message with a clear error', () => {
    const packed = packMatcher([{ text: 'Kazakhstan', entityId: 'kz', lang: 'en' }]);
    expect(() => loadMatcher({ ...packed, v: 1 } as unknown as PackedMatcher)).toThrow(/unknown format 1/);
    expect(() => loadMatcher({ ...packed, bin: packed.bin.slice(0, 8) })).toThrow(/damaged matcher/);
    expect(() => loadMatcher({ ...packed, widths: [...packed.widths.slice(1), 3] })).toThrow(/damaged matcher/);
    expect(() => loadMatcher({ ...packed, keys: packed.keys + 1 })).toThrow(/damaged matcher/);
  });
});

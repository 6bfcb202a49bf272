/** The matcher at scale and with dashes spaced or not; behaviour per layout is in matcher.test.ts. */
import { describe, it, expect } from 'vitest';
import { compileMatcher, type AliasInput } from '../../core/matcher';
import { found } from '../support/found-matches';

const en = (text: string, entityId: string): AliasInput => ({ text, entityId, lang: 'en' });

describe('large alias sets', () => {
  const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
  const name = (i: number) => {
    let s = '';
    for (let n = i + 26 * 26; n > 0; n = Math.floor(n / 26)) s += LETTERS[n % 26];
    return `Zeta${s}`;
  };
  const aliases: AliasInput[] = [];
  for (let i = 0; i < 50_000; i++) {
    aliases.push({ text: i % 3 === 0 ? `${name(i)} Corp` : name(i), entityId: `e${i}`, lang: 'en' });
  }
  aliases.push(en('Kassym-Jomart Tokayev', 'tokayev'), en('Tokayev', 'tokayev'));

  it('compiles 50,000 aliases and still finds the planted ones', () => {
    // How long compiling takes is the benchmark's to say (bench/, "scaling").
    const m = compileMatcher(aliases);
    expect(m.aliasCount).toBe(50_002);
    const text =
      `On Monday ${name(12_346)} and ${name(3)} Corp met Kassym-Jomart Tokayev; ` +
      `${name(3)}x, ${name(4)}x and ${name(3)} did not, but ${name(49_999)} did: ${name(7)}.`;
    expect(found(m.find(text), text)).toEqual([
      [name(12_346), 'e12346'],
      [`${name(3)} Corp`, 'e3'],
      ['Kassym-Jomart Tokayev', 'tokayev'],
      [name(49_999), 'e49999'],
      [name(7), 'e7'],
    ]);
  });

  it('gives the same answers with a dense table too small for the automaton', () => {
    const m = compileMatcher(aliases, { denseTableBudget: 1000 });
    const text = `x ${name(777)} Corp, ${name(778)} Corp and ${name(43)}, not ${name(42)}.`;
    expect(found(m.find(text), text)).toEqual([
      [`${name(777)} Corp`, 'e777'],
      [name(778), 'e778'],
      [name(43), 'e43'],
    ]);
  });
});

describe('spaces around dashes', () => {
  it('are folded: one alias finds its name with or without spaces around a dash, and counts once', () => {
    const m = compileMatcher([
      { text: 'Совет Россия — НАТО', entityId: 'nrc', lang: 'ru' },
      { text: 'NATO-Russland-Rat', entityId: 'nrc', lang: 'de' },
    ]);
    const found = (text: string) => m.find(text).map((x) => text.slice(x.start, x.end));
    expect(found('Совет Россия-НАТО и Совет Россия — НАТО, Совет Россия -НАТО')).toEqual([
      'Совет Россия-НАТО',
      'Совет Россия — НАТО',
      'Совет Россия -НАТО',
    ]);
    expect(found('der NATO – Russland – Rat, der NATO-Russland – Rat')).toEqual([
      'NATO – Russland – Rat',
      'NATO-Russland – Rat',
    ]);
    expect(m.aliasCount).toBe(2);
  });

  it('leaves a dash at an alias’s edge as written', () => {
    const m = compileMatcher([{ text: 'ex-', entityId: 'x', lang: 'en' }]);
    expect(m.find('ex - wife').length).toBe(0);
  });
});

import { describe, it, expect } from 'vitest';
import { compileMatcher, type AliasInput, type MatcherOptions } from '../../core/matcher';
import { found } from '../support/found-matches';

const en = (text: string, entityId: string, caseSensitive?: boolean): AliasInput =>
  caseSensitive === undefined ? { text, entityId, lang: 'en' } : { text, entityId, lang: 'en', caseSensitive };
const ru = (text: string, entityId: string): AliasInput => ({ text, entityId, lang: 'ru' });

const PACK: AliasInput[] = [
  en('Kassym-Jomart Tokayev', 'tokayev'),
  en('Tokayev', 'tokayev'),
  en('Kazakh', 'kazakh'),
  en('Kazakhstan', 'kazakhstan'),
  en('Russia', 'russia'),
  en('Kremlin', 'kremlin'),
  en('Washington', 'washington'),
  en('Ukraine', 'ukraine'),
  en('Europe', 'europe'),
  en('NATO', 'nato'),
  en('NATO–Russia Council', 'nrc'),
  en('Vladimir Putin', 'putin'),
  en('Putin', 'putin'),
  en('Moscow’s goal', 'moscow-goal'),
  en('US', 'usa', true),
  en('EU', 'eu', true),
  en('the West', 'west', true),
  ru('Путин', 'putin'),
  ru('Путина', 'putin'),
  ru('ОДКБ', 'csto'),
  ru('Королёв', 'korolev'),
  { text: 'Österreich', entityId: 'austria', lang: 'de' },
  { text: 'École polytechnique', entityId: 'x-school', lang: 'fr' },
];

// Every behaviour runs against the default layout (all states dense for a pack this size) and
// against a layout with no dense rows but the root's, which exercises the sparse path.
const LAYOUTS: [string, MatcherOptions][] = [
  ['dense', {}],
  ['sparse', { denseTableBudget: 1 }],
];

describe.each(LAYOUTS)('compileMatcher (%s layout)', (_name, options) => {
  const matcher = compileMatcher(PACK, options);
  const run = (text: string) => found(matcher.find(text), text);

  describe('word boundaries', () => {
    it('does not match inside a longer word', () => {
      expect(run('Kazakhstani officials')).toEqual([]);
      expect(run('a Tokay gecko')).toEqual([]);
      expect(run('Tokayevich said')).toEqual([]);
      expect(run('Russian troops')).toEqual([]);
      expect(run('Prussia')).toEqual([]);
      expect(run('Russia2 and 2Russia')).toEqual([]);
    });

    it('matches the longer alias when the word continues into it', () => {
      expect(run('Kazakhstan today')).toEqual([['Kazakhstan', 'kazakhstan']]);
      expect(run('the Kazakh turmoil')).toEqual([['Kazakh', 'kazakh']]);
    });

    it('allows possessives with typographic and ASCII apostrophes', () => {
      expect(run('Russia’s most reliable ally')).toEqual([['Russia', 'russia']]);
      expect(run("Russia's most reliable ally")).toEqual([['Russia', 'russia']]);
      expect(run('Kazakhstan’s president')).toEqual([['Kazakhstan', 'kazakhstan']]);
    });

    it('matches inside hyphenated compounds', () => {
      expect(run('a pro-Kremlin outlet')).toEqual([['Kremlin', 'kremlin']]);
      expect(run('a Washington-based think tank')).toEqual([['Washington', 'washington']]);
      expect(run('the Russia-Ukraine war')).toEqual([
        ['Russia', 'russia'],
        ['Ukraine', 'ukraine'],
      ]);
      expect(run('pro-Russia')).toEqual([['Russia', 'russia']]);
    });

    it('matches next to punctuation and at the start and end of the text', () => {
      for (const text of ['(Russia)', 'Russia.', '«Russia»', '"Russia",', 'Russia', '—Russia—', '[Russia]!']) {
        expect(run(text), text).toEqual([['Russia', 'russia']]);
      }
      expect(run('Russia and Ukraine')).toEqual([
        ['Russia', 'russia'],
        ['Ukraine', 'ukraine'],
      ]);
    });

    it('treats a combining mark or an astral letter next to the term as part of the word', () => {
      expect(run('Russia\u0301')).toEqual([]);
      expect(run('\u{1D400}Russia')).toEqual([]); // MATHEMATICAL BOLD CAPITAL A
      expect(run('Russia\u{1D400}')).toEqual([]);
      expect(run('🇷🇺Russia🙂')).toEqual([['Russia', 'russia']]);
    });
  });

  describe('Cyrillic', () => {
    it('treats case endings as separate aliases', () => {
      expect(run('визит Путина в')).toEqual([['Путина', 'putin']]);
      expect(run('сказал Путин.')).toEqual([['Путин', 'putin']]);
      expect(run('Путину')).toEqual([]);
    });

    it('uses Cyrillic word boundaries', () => {
      expect(run('ОДКБ, Россия')).toEqual([['ОДКБ', 'csto']]);
      expect(run('ОДКБшный')).toEqual([]);
      expect(run('войска ОДКБ')).toEqual([['ОДКБ', 'csto']]);
    });

    it('folds Cyrillic case, including Ё/ё', () => {
      expect(run('путин')).toEqual([['путин', 'putin']]);
      expect(run('ПУТИН')).toEqual([['ПУТИН', 'putin']]);
      expect(run('КОРОЛЁВ')).toEqual([['КОРОЛЁВ', 'korolev']]);
    });

    it('folds Latin letters with diacritics', () => {
      expect(run('ÖSTERREICH')).toEqual([['ÖSTERREICH', 'austria']]);
      expect(run('l’école polytechnique')).toEqual([['école polytechnique', 'x-school']]);
    });
  });

  describe('case-sensitive aliases', () => {
    it('match only with their exact case', () => {
      expect(run('US troops')).toEqual([['US', 'usa']]);
      expect(run('he told us')).toEqual([]);
      expect(run('Us and them')).toEqual([]);
      expect(run('the EU said')).toEqual([['EU', 'eu']]);
      expect(run('eu and Eu')).toEqual([]);
    });

    it('match in any case when loose, unless written in capitals', () => {
      const loose = (text: string) => found(matcher.find(text, true), text);
      expect(run('AID FROM THE WEST')).toEqual([]);
      expect(loose('AID FROM THE WEST')).toEqual([['THE WEST', 'west']]);
      expect(loose('he told us')).toEqual([]);
      expect(loose('US troops')).toEqual([['US', 'usa']]);
    });

    it('still apply the boundary rule', () => {
      expect(run('USA')).toEqual([]);
      expect(run('the US-led coalition')).toEqual([['US', 'usa']]);
    });

    it('coexist with a case-insensitive alias of the same folded text', () => {
      const m = compileMatcher([en('US', 'usa', true), en('us', 'other')], options);
      expect(found(m.find('US'), 'US')).toEqual([['US', 'usa']]);
      expect(found(m.find('us'), 'us')).toEqual([['us', 'other']]);
      expect(found(m.find('Us'), 'Us')).toEqual([['Us', 'other']]);
    });

    it('apply the punctuation and space rules but not the case fold', () => {
      const m = compileMatcher([en('E-U Council', 'x', true)], options);
      expect(found(m.find('E–U\u00a0 Council'), 'E–U\u00a0 Council')).toEqual([['E–U\u00a0 Council', 'x']]);
      expect(m.find('E-U council')).toEqual([]);
    });
  });

  describe('longest, leftmost match', () => {
    it('prefers the longest alias at the same start', () => {
      expect(run('the NATO–Russia Council met')).toEqual([['NATO–Russia Council', 'nrc']]);
      expect(run('NATO and the Council')).toEqual([['NATO', 'nato']]);
    });

    it('prefers the leftmost match and never reports one inside it', () => {
      expect(run('Kassym-Jomart Tokayev')).toEqual([['Kassym-Jomart Tokayev', 'tokayev']]);
      expect(run('Vladimir Putin said')).toEqual([['Vladimir Putin', 'putin']]);
    });

    it('falls back to shorter aliases when the longest fails a boundary', () => {
      expect(run('the NATO–Russia Councillor')).toEqual([
        ['NATO', 'nato'],
        ['Russia', 'russia'],
      ]);
    });

    it('resolves overlapping candidates left to right', () => {
      const m = compileMatcher([en('alpha beta', 'ab'), en('beta gamma', 'bg'), en('gamma', 'g')], options);
      const text = 'alpha beta gamma';
      expect(found(m.find(text), text)).toEqual([
        ['alpha beta', 'ab'],
        ['gamma', 'g'],
      ]);
      const text2 = 'x beta gamma';
      expect(found(m.find(text2), text2)).toEqual([['beta gamma', 'bg']]);
    });

    it('finds an alias reached only through a chain of failure links', () => {
      // After "a-b-c-d" the automaton is inside "a-b-c-d-e"; "c-d" is found via "b-c-" -> "c-".
      const m = compileMatcher([en('a-b-c-d-e', 'long'), en('b-c-x', 'mid'), en('c-d', 'short')], options);
      expect(found(m.find('a-b-c-d'), 'a-b-c-d')).toEqual([['c-d', 'short']]);
      expect(found(m.find('a-b-c-d-e'), 'a-b-c-d-e')).toEqual([['a-b-c-d-e', 'long']]);
      expect(found(m.find('a-b-c-x'), 'a-b-c-x')).toEqual([['b-c-x', 'mid']]);
    });

    it('reports the first compiled entity when two share an alias', () => {
      const a = compileMatcher([en('Georgia', 'country'), en('Georgia', 'us-state')], options);
      expect(found(a.find('Georgia'), 'Georgia')).toEqual([['Georgia', 'country']]);
      const b = compileMatcher([en('Georgia', 'us-state'), en('GEORGIA', 'country')], options);
      expect(found(b.find('Georgia'), 'Georgia')).toEqual([['Georgia', 'us-state']]);
    });
  });

  describe('normalisation', () => {
    it('equates typographic and ASCII apostrophes', () => {
      for (const apostrophe of ['’', "'", '‘', 'ʼ', '′']) {
        const text = `whether Moscow${apostrophe}s goal is`;
        expect(run(text), text).toEqual([[`Moscow${apostrophe}s goal`, 'moscow-goal']]);
      }
      const ascii = compileMatcher([en("Moscow's goal", 'g')], options);
      expect(found(ascii.find('Moscow’s goal'), 'Moscow’s goal')).toEqual([['Moscow’s goal', 'g']]);
    });

    it('equates hyphen and dash variants', () => {
      for (const dash of ['-', '‐', '‑', '‒', '–', '—', '−']) {
        const text = `President Kassym${dash}Jomart Tokayev`;
        expect(run(text), text).toEqual([[`Kassym${dash}Jomart Tokayev`, 'tokayev']]);
        expect(run(`NATO${dash}Russia Council`)).toEqual([[`NATO${dash}Russia Council`, 'nrc']]);
      }
    });

    it('matches across any run of whitespace between words', () => {
      for (const gap of [' ', '  ', '\u00a0', '\n', '\r\n', '\t', '\u202f', '\u2009', ' \n\u00a0 ', '\u3000']) {
        const text = `said Vladimir${gap}Putin.`;
        expect(run(text), JSON.stringify(gap)).toEqual([[`Vladimir${gap}Putin`, 'putin']]);
      }
    });

    it('does not match an alias with a space against words without one', () => {
      expect(run('VladimirPutin')).toEqual([]);
    });

    it('ignores soft hyphens and zero-width characters inside the text', () => {
      for (const ignorable of ['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff']) {
        const text = `and Toka${ignorable}yev said`;
        expect(run(text), JSON.stringify(ignorable)).toEqual([[`Toka${ignorable}yev`, 'tokayev']]);
      }
      expect(run('Vladimir \u00adPutin')).toEqual([['Vladimir \u00adPutin', 'putin']]);
      expect(run('Kazakh\u00adstani')).toEqual([]);
      expect(run('Kazakh\u00adstan')).toEqual([['Kazakh\u00adstan', 'kazakhstan']]);
    });

    it('does not include ignorables around the match in its offsets', () => {
      expect(run('\u00adRussia\u200b.')).toEqual([['Russia', 'russia']]);
    });

    it('normalises the alias text the same way', () => {
      const m = compileMatcher([en('  Vladimir \n Pu\u00adtin ', 'p')], options);
      expect(found(m.find('Vladimir Putin'), 'Vladimir Putin')).toEqual([['Vladimir Putin', 'p']]);
    });
  });

  describe('links are not mentions', () => {
    it('ignores URLs, e-mail addresses, paths and slugs', () => {
      for (const text of [
        'see https://example.com/russia-news today',
        'http://russia.example',
        'visit www.nato.int for more',
        '(www.nato.int)',
        'source: bbc.co.uk/news/world-europe-50473792',
        'ukraine-war-2022-live',
        'https://www.theguardian.com/world/live/2022/jan/08/kazakhstan-news',
        'write to putin@example.com',
        '@NATO said',
      ]) {
        expect(run(text), text).toEqual([]);
      }
    });

    it('still matches ordinary words next to a link', () => {
      expect(run('Russia: see www.nato.int')).toEqual([['Russia', 'russia']]);
      expect(run('ukraine-war-2022-live says Ukraine')).toEqual([['Ukraine', 'ukraine']]);
    });

    it('still matches hyphenated compounds and plain hyphenated words', () => {
      expect(run('NATO–Russia ties')).toEqual([
        ['NATO', 'nato'],
        ['Russia', 'russia'],
      ]);
      expect(run('ukraine-war-live')).toEqual([['ukraine', 'ukraine']]);
      expect(run('the Ukraine-2022-war')).toEqual([['Ukraine', 'ukraine']]);
      expect(run('Russia.')).toEqual([['Russia', 'russia']]);
    });
  });

  describe('reported matches', () => {
    it('carry alias, lang and entityId, with offsets into the original text', () => {
      const text = 'В Москве Путин и NATO–Russia Council, US.';
      const matches = matcher.find(text);
      expect(matches).toEqual([
        { entityId: 'putin', alias: 'Путин', lang: 'ru', start: 9, end: 14 },
        { entityId: 'nrc', alias: 'NATO–Russia Council', lang: 'en', start: 17, end: 36 },
        { entityId: 'usa', alias: 'US', lang: 'en', start: 38, end: 40 },
      ]);
    });

    it('finds many entities in text order without overlaps', () => {
      const text =
        'Regardless of how Vladimir Putin’s plans looked, Russian soldiers went to Kazakhstan; ' +
        'Kassym‑Jomart Tokayev asked the ОДКБ, and the US and EU watched Europe.';
      expect(run(text)).toEqual([
        ['Vladimir Putin', 'putin'],
        ['Kazakhstan', 'kazakhstan'],
        ['Kassym‑Jomart Tokayev', 'tokayev'],
        ['ОДКБ', 'csto'],
        ['US', 'usa'],
        ['EU', 'eu'],
        ['Europe', 'europe'],
      ]);
    });

    it('handles empty text and text without aliases', () => {
      expect(matcher.find('')).toEqual([]);
      expect(matcher.find('nothing to see here')).toEqual([]);
    });
  });

  describe('pack edge cases', () => {
    it('handles an empty pack', () => {
      const m = compileMatcher([], options);
      expect(m.aliasCount).toBe(0);
      expect(m.find('Russia')).toEqual([]);
    });

    it('ignores empty and whitespace-only aliases', () => {
      const m = compileMatcher(
        [en('', 'a'), en('  \n\u00a0', 'b'), en('\u00ad', 'c'), en('Russia', 'russia')],
        options,
      );
      expect(m.aliasCount).toBe(1);
      expect(found(m.find('  Russia  '), '  Russia  ')).toEqual([['Russia', 'russia']]);
    });

    it('treats duplicate aliases as harmless', () => {
      const m = compileMatcher([en('Russia', 'russia'), en('Russia', 'russia'), en('RUSSIA', 'russia')], options);
      expect(m.aliasCount).toBe(2);
      expect(found(m.find('Russia, Russia'), 'Russia, Russia')).toEqual([
        ['Russia', 'russia'],
        ['Russia', 'russia'],
      ]);
    });

    it('counts the aliases it compiled', () => {
      expect(matcher.aliasCount).toBe(PACK.length);
    });
  });
});

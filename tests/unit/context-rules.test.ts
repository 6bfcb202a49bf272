/** Context rules: the words around a match, the page's date, weak aliases and office titles. */
import { describe, expect, it } from 'vitest';
import {
  applyRules,
  holderOf,
  ruleKey,
  rulesOfTable,
  tableOfRules,
  withRules,
  type AliasRule,
  type RuleTable,
} from '../../core/context-rules';
import { compileMatcher, type AliasInput, type Match } from '../../core/matcher';

const OFFICE = {
  holders: [
    { entityId: 'nazarbayev', from: '1990-04-24', until: '2019-03-20' },
    { entityId: 'tokayev', from: '2019-03-20' },
  ],
  contains: ['kazakhstan'],
  former: ['former', 'ex-', 'бывший'],
};

function detector(entries: [AliasInput, AliasRule?][], pageDate: string | null) {
  const matcher = compileMatcher(entries.map(([a]) => a));
  const inner = compileMatcher(entries.map(([a]) => a).filter((a) => a.entityId === 'kazakhstan'));
  const rules = new Map(entries.filter(([, r]) => r).map(([a, r]) => [ruleKey(a.entityId, a.text), r!]));
  return (text: string) =>
    applyRules(text, matcher.find(text), {
      rules,
      pageDate,
      today: '2026-12-01',
      findWithin: (t) => inner.find(t),
    }).map((d) => `${d.entityId}:${text.slice(d.start, d.end)}${d.weak ? ' (weak)' : ''}`);
}

const alias = (text: string, entityId: string): AliasInput => ({ text, entityId, lang: 'en' });

describe('context rules', () => {
  const ALIASES: [AliasInput, AliasRule?][] = [
    [alias('Kazakhstan', 'kazakhstan')],
    [alias('Russian', 'russia'), { onlyBefore: ['troops', '-led', 'foreign ministry'] }],
    [alias('Kremlin', 'kremlin'), { notBefore: ['cup'], notAfter: ['kazan'] }],
    [alias('President of Kazakhstan', 'office:president-of-kazakhstan'), { office: OFFICE }],
    [alias('NATO-Russia talks', 'talks-2022'), { when: { from: '2021-12-15', until: '2022-02-24' } }],
    [alias('unrest in Kazakhstan', 'unrest-2022'), { contains: ['kazakhstan'] }],
  ];

  it('keeps a state adjective only before the words that make it the state', () => {
    const find = detector(ALIASES, '2022-01-10');
    expect(find('Russian troops and the Russian-led bloc; the Russian Foreign Ministry said')).toEqual([
      'russia:Russian',
      'russia:Russian',
      'russia:Russian',
    ]);
    expect(find('Russian salad, in Russian and English, Russian troopships')).toEqual([]);
  });

  it('drops a match after or before the words it may not stand with, quotes in between included', () => {
    const find = detector(ALIASES, '2022-01-10');
    expect(find('The Kremlin Cup in Moscow; the Kazan Kremlin; the “Kremlin” said')).toEqual(['kremlin:Kremlin']);
  });

  it('resolves an office title to its holder on the page’s date, the former one after "former", and keeps the country', () => {
    expect(detector(ALIASES, '2017-06-10')('The President of Kazakhstan spoke.')).toEqual([
      'nazarbayev:President of Kazakhstan',
      'kazakhstan:Kazakhstan',
    ]);
    expect(
      detector(ALIASES, '2023-01-14')('The President of Kazakhstan and the former President of Kazakhstan'),
    ).toEqual([
      'tokayev:President of Kazakhstan',
      'kazakhstan:Kazakhstan',
      'nazarbayev:President of Kazakhstan',
      'kazakhstan:Kazakhstan',
    ]);
    // Undated: today's holder.
    expect(detector(ALIASES, null)('President of Kazakhstan')).toEqual([
      'tokayev:President of Kazakhstan',
      'kazakhstan:Kazakhstan',
    ]);
    expect(holderOf(OFFICE, '1985-01-01', false)).toBeUndefined();
  });

  it('counts an event’s generic name only in its window, and as weak on an undated page', () => {
    const text = 'NATO-Russia talks resumed.';
    expect(detector(ALIASES, '2022-01-12')(text)).toEqual(['talks-2022:NATO-Russia talks']);
    expect(detector(ALIASES, '2019-07-05')(text)).toEqual([]);
    expect(detector(ALIASES, null)(text)).toEqual(['talks-2022:NATO-Russia talks (weak)']);
  });

  it('never hides the entity a longer name contains', () => {
    expect(detector(ALIASES, '2022-01-05')('The unrest in Kazakhstan grew.')).toEqual([
      'unrest-2022:unrest in Kazakhstan',
      'kazakhstan:Kazakhstan',
    ]);
  });
});

describe('weak aliases', () => {
  it('count once their entity has a strong mention in this run or an earlier one, and a fresh page forgets', () => {
    // Runs of "a?" (weak a), "a" and "b": a matcher that returns them as they stand.
    const runs = (text: string): Match[] =>
      text.split(' ').map((word, i) => ({ entityId: word[0]!, alias: word, lang: 'en', start: i, end: i + 1 }));
    const rules = new Map([[ruleKey('a', 'a?'), { weak: true }]]);
    const page = () =>
      withRules({ aliasCount: 3, find: runs }, { rules, pageDate: null, today: '2026-12-01', findWithin: () => [] });
    const find = page();
    const starts = (text: string) => find.find(text).map((m) => `${m.alias}@${m.start}`);
    expect(starts('a? b')).toEqual(['b@1']);
    expect(starts('a?')).toEqual([]);
    // A weak mention before the strong one in the same run counts, in text order.
    expect(starts('a? a')).toEqual(['a?@0', 'a@1']);
    expect(starts('a?')).toEqual(['a?@0']);
    expect(page().find('a?')).toEqual([]);
  });
});

describe('the rules a page receives', () => {
  it('sends each distinct rule once and gives every alias back the rule it had', () => {
    const shared = { onlyBefore: ['войска', 'власти'] };
    const rules = new Map<string, AliasRule>([
      [ruleKey('kazakhstan', 'казахстанские'), shared],
      [ruleKey('kazakhstan', 'казахстанских'), { onlyBefore: ['войска', 'власти'] }],
      [ruleKey('putin', 'Putin'), { weak: true }],
    ]);
    const table = tableOfRules(rules);
    expect(table.rules).toHaveLength(2);
    const back = rulesOfTable(JSON.parse(JSON.stringify(table)) as RuleTable);
    expect([...back]).toEqual([...rules]);
  });
});

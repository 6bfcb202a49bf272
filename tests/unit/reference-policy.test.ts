/** The reference policy: the checker's exact messages, and the bundled pack kept inside it. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePack } from '../../data/load';
import { checkReferences, countReferenceKinds, judgeUrl, REFERENCE_POLICY } from '../../data/references';
import { validatePackText } from '../../shared/packs';
import { miniPack } from '../fixtures/mini-pack';

const ref = (url: string) => ({ publisher: 'P', title: 'T', date: '2022-01-10', url });

function packWith(facts: unknown[], timeline: unknown[] = []) {
  const input = miniPack();
  input.entities[0].facts = facts as never;
  input.entities[0].timeline = timeline as never;
  const parsed = parsePack(input);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.pack;
}

describe('reference policy', () => {
  it('accepts the original publishers of every kind, subdomains included', () => {
    expect(judgeUrl('https://www.nato.int/cps/en/natohq/news_190987.htm')).toEqual({ ok: true, kind: 'actor' });
    expect(judgeUrl('http://en.kremlin.ru/events/president/news/67568')).toEqual({ ok: true, kind: 'actor' });
    expect(judgeUrl('https://www.reuters.com/world/asia-pacific/x-2022-01-15/')).toEqual({ ok: true, kind: 'wire' });
    expect(judgeUrl('https://www.britannica.com/topic/NATO')).toEqual({ ok: true, kind: 'reference' });
    expect(judgeUrl('https://en.wikipedia.org/w/index.php?title=CSTO&oldid=1064000000')).toEqual({
      ok: true,
      kind: 'reference',
    });
    expect(judgeUrl('https://doi.org/10.1093/ia/iiaa061')).toEqual({ ok: true, kind: 'research' });
  });

  it('names the entity, the field and the domain of each reference it refuses, and why', () => {
    const pack = packWith(
      [
        { label: 'A', value: 'x', ref: ref('https://pledgetimes.com/some-story/') },
        { label: 'B', value: 'y', ref: ref('https://en.wikipedia.org/wiki/Collective_Security_Treaty_Organization') },
        { label: 'C', value: 'z', ref: 'https://www.nato.int/cps/en/natohq/topics_52044.htm' },
        { label: 'D', value: 'w', ref: ref('https://www.nato.int/cps/en/natohq/topics_52044.htm') },
      ],
      [{ date: '2022', label: 'E', ref: ref('https://blog.example.net/post') }],
    );
    expect(checkReferences(pack)).toEqual([
      'mini: entity "alliance": facts[0].ref.url: domain "pledgetimes.com" is refused (republishes other outlets\' articles): cite the original publisher',
      'mini: entity "alliance": facts[1].ref.url: domain "en.wikipedia.org" is cited only as a permanent revision link (with "oldid=")',
      'mini: entity "alliance": facts[2].ref: a bare URL; name the publisher, title, date and url of the original',
      'mini: entity "alliance": timeline[0].ref.url: domain "blog.example.net" is outside the reference policy (data/reference-policy.json)',
    ]);
    expect(countReferenceKinds(pack)).toEqual({ refused: 1, outside: 2, actor: 2 });
  });

  it('refuses a republisher on a subdomain too, and never lists a domain as both kinds', () => {
    expect(judgeUrl('https://m.urdupoint.com/en/world/x.html').ok).toBe(false);
    const accepted = REFERENCE_POLICY.kinds.flatMap((k) => k.domains);
    expect(REFERENCE_POLICY.refused.filter((r) => accepted.includes(r.domain))).toEqual([]);
    expect(new Set(accepted).size).toBe(accepted.length);
  });

  it('only warns on an imported pack: the import goes through and lists the references', () => {
    const input = miniPack();
    input.id = 'mini-import';
    input.entities[0].facts = [{ label: 'A', value: 'x', ref: ref('https://sputniknews.com/2021/x.html') }];
    const result = validatePackText(JSON.stringify(input), [], []);
    expect(result.ok).toBe(true);
    expect(result.ok && result.warnings).toEqual([
      'mini-import: entity "alliance": facts[0].ref.url: domain "sputniknews.com" is refused (a state outlet that republishes; cite the ministry or agency it reports): cite the original publisher',
    ]);
  });

  it('holds for every reference of the bundled pack', () => {
    const text = readFileSync(resolve(import.meta.dirname, '../../data/packs/kazakhstan-2022.json'), 'utf8');
    const parsed = parsePack(JSON.parse(text));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    expect(checkReferences(parsed.pack)).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { checkPack, paragraphsOf } from '../../data/check';
import { parsePack, parsePackText } from '../../data/load';
import type { Pack } from '../../data/schema';
import { miniPack, SOURCE_TEXT } from '../fixtures/mini-pack';

const texts = new Map([['sources/mini.txt', SOURCE_TEXT]]);

const errorsOf = (input: unknown) => {
  const result = parsePack(input);
  if (result.ok) throw new Error('expected the pack to be rejected');
  return result.errors;
};

const valid = (input = miniPack()): Pack => {
  const result = parsePack(input);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.pack;
};

describe('pack schema', () => {
  it('accepts a valid pack and fills defaults', () => {
    const pack = valid();
    expect(pack.entities[1].facts).toEqual([]);
    expect(checkPack(pack, texts)).toEqual([]);
  });

  it('names the entity and the field of a missing field', () => {
    const pack = miniPack();
    delete (pack.entities[0] as { summary?: string }).summary;
    expect(errorsOf(pack)).toEqual(['entity "alliance": summary: is required']);
  });

  it('rejects an id that is not a kebab-case slug', () => {
    const pack = miniPack();
    pack.entities[1].id = 'Moscow_Gov';
    pack.entities[0].related = [];
    expect(errorsOf(pack)).toEqual(['entity "Moscow_Gov": id: must be a kebab-case slug (a-z, 0-9, single hyphens)']);
  });

  it('rejects a dangling related id', () => {
    const pack = miniPack();
    pack.entities[0].related = [{ id: 'nowhere', relation: 'ally of' }];
    expect(errorsOf(pack)).toEqual(['entity "alliance": related[0].id: unknown entity "nowhere"']);
  });

  it('requires aliases in en, de and ru', () => {
    const pack = miniPack();
    delete (pack.entities[1].aliases as Record<string, unknown>).ru;
    expect(errorsOf(pack)).toEqual(['entity "moscow-gov": aliases.ru: is required']);
  });

  it('rejects javascript: and data: references', () => {
    const pack = miniPack();
    pack.entities[0].facts = [
      { label: 'A', value: 'x', ref: 'javascript:alert(1)' },
      { label: 'B', value: 'y', ref: 'data:text/html,<script>1</script>' },
    ];
    expect(errorsOf(pack)).toEqual([
      'entity "alliance": facts[0].ref: must be an http(s) URL',
      'entity "alliance": facts[1].ref: must be an http(s) URL',
    ]);
  });

  it('requires a reference on every fact', () => {
    const pack = miniPack();
    pack.entities[0].facts = [{ label: 'A', value: 'x' }];
    expect(errorsOf(pack)).toEqual(['entity "alliance": facts[0].ref: needs a source id or a ref']);
  });

  it('checks a full reference field by field, and the order of a period', () => {
    const pack = miniPack();
    pack.entities[0].facts = [
      {
        label: 'A',
        value: 'x',
        ref: { publisher: 'NATO', title: 'T', date: '2022-01-12', url: 'javascript:alert(1)' },
      },
      { label: 'B', value: 'y', held: { from: '2024', until: '2023-04-04' }, ref: 'https://www.nato.int/' },
      { label: 'C', value: 'z', held: {}, ref: 'https://www.nato.int/' },
    ];
    expect(errorsOf(pack)).toEqual([
      'entity "alliance": facts[0].ref.url: must be an http(s) URL',
      'entity "alliance": facts[1].held.until: from must be before until',
      'entity "alliance": facts[2].held: must give from, until or both',
    ]);
  });

  it('rejects quotes over 40 words, duplicate ids and unknown sources', () => {
    const pack = miniPack();
    pack.entities[0].analysis![0].quote = Array.from({ length: 41 }, () => 'word').join(' ');
    pack.entities[1].id = 'alliance';
    pack.entities[1].analysis![0].source = 'elsewhere';
    pack.entities[0].related = [];
    expect(errorsOf(pack)).toEqual([
      'entity "alliance": analysis[0].quote: must be at most 40 words',
      'entity "alliance": id: duplicate id "alliance"',
      'entity "alliance": analysis[0].source: unknown source "elsewhere"',
    ]);
  });

  it('reports invalid JSON as an error, not an exception', () => {
    const result = parsePackText('{ "id": ');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[0]).toMatch(/^\(pack\): not valid JSON: /);
  });

  it('rejects unknown fields so typos do not pass silently', () => {
    const pack = miniPack() as unknown as Record<string, unknown>;
    pack.entites = [];
    expect(errorsOf(pack)).toEqual(['(pack): Unrecognized key: "entites"']);
  });
});

describe('pack checker', () => {
  it('counts blank-line separated paragraphs from 1', () => {
    expect(paragraphsOf('a\n\nb\n \nc')).toEqual(['a', 'b', 'c']);
  });

  it('rejects a quote that is not in the source', () => {
    const pack = valid();
    pack.entities[0].analysis[0].quote = '"its" members'; // straight quotes: not verbatim
    expect(checkPack(pack, texts)).toEqual([
      'mini: entity "alliance": analysis[0].quote: quote does not appear verbatim in the source',
    ]);
  });

  it('says where a quote is when the paragraph number is wrong', () => {
    const pack = valid();
    pack.entities[1].analysis[0].paragraph = 1;
    expect(checkPack(pack, texts)).toEqual([
      'mini: entity "moscow-gov": analysis[0].quote: quote is in paragraph 2, not 1',
    ]);
  });

  it('rejects an alias shared by two entities without a reason, and accepts one with', () => {
    const input = miniPack();
    input.entities[1].aliases.en = ['Moscow', 'alliance org'];
    expect(checkPack(valid(input), texts)).toEqual([
      'mini: alias "alliance org" belongs to "alliance" and "moscow-gov": give a "shared" reason on each or remove it',
    ]);
    input.entities[0].aliases.en = [{ text: 'Alliance Org', shared: 'metonymy' }];
    input.entities[1].aliases.en = ['Moscow', { text: 'alliance org', shared: 'metonymy' }];
    expect(checkPack(valid(input), texts)).toEqual([]);
  });

  it('rejects an alias that is a common word', () => {
    const input = miniPack();
    input.entities[0].aliases.en = ['Union'];
    input.entities[0].aliases.de = ['Westen'];
    expect(checkPack(valid(input), texts)).toEqual([
      'mini: entity "alliance": aliases.en[0]: "Union" is a common word on its own',
      'mini: entity "alliance": aliases.de[0]: "Westen" is a common word on its own',
    ]);
  });

  it('lets a case-sensitive acronym through but not its lower-case twin', () => {
    const input = miniPack();
    input.entities[0].aliases.en = [{ text: 'US', caseSensitive: true }];
    expect(checkPack(valid(input), texts)).toEqual([]);
    input.entities[0].aliases.en = [{ text: 'us', caseSensitive: true }];
    expect(checkPack(valid(input), texts)).toEqual([
      'mini: entity "alliance": aliases.en[0]: "us" is a common word on its own',
    ]);
  });

  it('reports a missing source file', () => {
    expect(checkPack(valid(), new Map())).toContain('mini: source "src": file: sources/mini.txt not found');
  });
});

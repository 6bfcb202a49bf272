/**
 * Bad pack files against the real import path (storage in `fakeBrowser`): each gets an error that
 * names the entity and field, and a failed import changes nothing that was stored.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parsePack } from '../../data/load';
import { getAllPacks, importedPacksItem, importPackText, MAX_PACK_BYTES } from '../../shared/packs';
import { getPrefs, getSites, updatePrefs, setSites } from '../../shared/settings';
import { HOSTILE, hostilePack, importablePack } from '../fixtures/hostile-pack';

const stored = async () => ({
  imported: await importedPacksItem.getValue(),
  sites: await getSites(),
  prefs: await getPrefs(),
  all: (await getAllPacks()).map((p) => p.id),
});

describe('pack import with bad files', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    // Something the reader has already: an imported pack, a site list and preferences.
    expect((await importPackText(JSON.stringify(importablePack('mine')))).ok).toBe(true);
    await setSites({ mode: 'except', sites: ['example.com', '*.news.example'], otherSites: [] });
    await updatePrefs({ hoverDelayMs: 500, density: 'first' });
  });

  const expectRejected = async (text: string, reason: string, errors: string[] | RegExp) => {
    const before = await stored();
    const result = await importPackText(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.reason).toBe(reason);
    if (Array.isArray(errors)) expect(result.errors).toEqual(errors);
    else expect(result.errors.join('\n')).toMatch(errors);
    expect(await stored()).toEqual(before);
  };

  it('invalid JSON', async () => {
    await expectRejected('{"id": "x",', 'invalid', /^\(pack\): not valid JSON: /);
    await expectRejected('', 'invalid', /^\(pack\): not valid JSON: /);
    await expectRejected('null', 'invalid', ['(pack): Invalid input: expected object, received null']);
    await expectRejected('[]', 'invalid', ['(pack): Invalid input: expected object, received array']);
  });

  it('schema violations, named by entity id and field path', async () => {
    const pack = importablePack();
    (pack.entities[0].aliases as Record<string, unknown>).en = [''];
    (pack.entities[1] as Record<string, unknown>).kind = 'planet';
    await expectRejected(JSON.stringify(pack), 'invalid', [
      'entity "alliance": aliases.en[0]: must not be empty',
      'entity "moscow-gov": kind: Invalid option: expected one of "person"|"organization"|"country"|"place"|"event"|"concept"',
    ]);
  });

  it('a value of the wrong type is not called missing', async () => {
    const pack = importablePack() as unknown as { entities: Record<string, unknown>[] };
    pack.entities[0].name = 5;
    pack.entities[1].facts = null;
    delete pack.entities[1].summary;
    await expectRejected(JSON.stringify(pack), 'invalid', [
      'entity "alliance": name: Invalid input: expected string, received number',
      'entity "moscow-gov": summary: is required',
      'entity "moscow-gov": facts: Invalid input: expected array, received null',
    ]);
  });

  it('javascript: and data: URLs in references and sources', async () => {
    const pack = importablePack();
    pack.entities[0].facts = [{ label: 'A', value: 'x', ref: 'javascript:alert(1)' }];
    pack.entities[0].timeline = [{ date: '2022', label: 'B', ref: 'data:text/html,<script>alert(1)</script>' }];
    pack.sources[0].url = 'JAVASCRIPT:alert(1)';
    await expectRejected(JSON.stringify(pack), 'invalid', [
      'sources[0].url: must be an http(s) URL',
      'entity "alliance": facts[0].ref: must be an http(s) URL',
      'entity "alliance": timeline[0].ref: must be an http(s) URL',
    ]);
  });

  it('duplicate ids: entities within the pack, and entities of another pack', async () => {
    const twice = importablePack();
    twice.entities[1].id = 'alliance';
    twice.entities[0].related = [];
    await expectRejected(JSON.stringify(twice), 'invalid', ['entity "alliance": id: duplicate id "alliance"']);
    // Same entity ids as the pack "mine" imported in beforeEach, under another pack id.
    await expectRejected(JSON.stringify(importablePack('other')), 'entity-clash', [
      'entity "alliance": id: already used by pack "mine"',
      'entity "moscow-gov": id: already used by pack "mine"',
    ]);
  });

  it('the id of a bundled pack', async () => {
    await expectRejected(JSON.stringify(importablePack('kazakhstan-2022')), 'bundled-id', ['kazakhstan-2022']);
  });

  it('a 10 MB file is refused before it is parsed', async () => {
    const pack = importablePack();
    pack.entities[0].summary = 'x'.repeat(10 * 1024 * 1024);
    const text = JSON.stringify(pack);
    const parse = vi.spyOn(JSON, 'parse');
    try {
      await expectRejected(text, 'too-large', [String(MAX_PACK_BYTES)]);
      expect(parse).not.toHaveBeenCalledWith(text);
    } finally {
      parse.mockRestore();
    }
  });

  it('100,000 entities: too large to import, and the validator alone copes with them', () => {
    const base = importablePack().entities[1];
    const entities = Array.from({ length: 100_000 }, (_, i) => ({
      ...base,
      id: `e${i}`,
      analysis: [],
      aliases: { en: [`Name ${i}`], de: [`Name ${i}`], ru: [`Имя ${i}`] },
    }));
    const pack = { ...importablePack(), entities };
    const text = JSON.stringify(pack);
    expect(text.length).toBeGreaterThan(MAX_PACK_BYTES);
    // Past the size limit the import never parses; the schema itself still answers in one piece.
    const result = parsePack(pack);
    expect(result.ok).toBe(true);
  }, 30_000);

  it('markup in every string field is kept as text, never as markup', async () => {
    const result = await importPackText(JSON.stringify(hostilePack()));
    expect(result.ok, result.ok ? '' : result.errors.join('\n')).toBe(true);
    const [pack] = (await getAllPacks()).filter((p) => p.id === 'hostile');
    expect(pack.entities[0].summary).toBe(HOSTILE);
    // What the views do with it is in pack-rendering.test.ts.
  });

  it('a corrupt stored list of imported packs keeps the valid ones and drops the rest', async () => {
    await importedPacksItem.setValue([null, 'junk', { id: 'broken' }, importablePack('mine') as unknown]);
    expect((await getAllPacks()).map((p) => p.id)).toEqual(['kazakhstan-2022', 'mine']);
    await fakeBrowser.storage.local.set({ 'imported-packs': 'not a list' });
    expect((await getAllPacks()).map((p) => p.id)).toEqual(['kazakhstan-2022']);
    // And a new import still works on top of it.
    expect((await importPackText(JSON.stringify(importablePack('fresh')))).ok).toBe(true);
  });
});

/** The side panel's model: counts and groups, search, and the "as of" dates. */
import { describe, expect, it } from 'vitest';
import { asOf, buildCatalog, groupPageEntities, pageEntities, searchCatalog } from '../../components/panel/model';
import { safeHref } from '../../components/panel/common';
import type { Pack } from '../../data/schema';
import { BUNDLED_PACKS } from '../../shared/packs';

const catalog = buildCatalog(BUNDLED_PACKS);
const mention = (entityId: string, alias: string) => ({ entityId, alias, text: alias, lang: 'en' });

describe('side panel model', () => {
  it('counts mentions per entity and groups them, most mentioned first, ties in page order', () => {
    const mentions = [
      mention('tokayev', 'Tokayev'),
      mention('putin', 'Putin'),
      mention('csto', 'CSTO'),
      mention('putin', 'Vladimir Putin'),
      mention('kazakh-unrest-2022', 'Kazakh unrest'),
      mention('unknown-entity', 'Nobody'),
    ];
    const entities = pageEntities(mentions, catalog);
    expect(entities.get('putin')).toMatchObject({ count: 2, aliases: ['Putin', 'Vladimir Putin'] });
    expect(entities.has('unknown-entity')).toBe(false);
    const groups = groupPageEntities(entities.values());
    expect(groups.actor.map((e) => e.entry.entity.id)).toEqual(['putin', 'tokayev', 'csto']);
    expect(groups.event.map((e) => e.entry.entity.id)).toEqual(['kazakh-unrest-2022']);
    expect(groups.concept).toEqual([]);
  });

  it('searches names and aliases in every language, folding case, diacritics and dashes', () => {
    expect(searchCatalog('ОДКБ', catalog)[0].entity.id).toBe('csto');
    expect(searchCatalog('odkb', catalog)[0].entity.id).toBe('csto');
    expect(searchCatalog('Kassym Jomart', catalog)[0].entity.id).toBe('tokayev');
    expect(searchCatalog('nazarbáyev', catalog)[0].entity.id).toBe('nazarbayev');
    expect(searchCatalog('   ', catalog)).toEqual([]);
    expect(searchCatalog('qqqxxz', catalog)).toEqual([]);
  });

  it('dates the analysis by the sources it cites, and measures the gap to the page’s date', () => {
    const csto = catalog.get('csto')!;
    expect(asOf(csto, null)).toEqual({ analysisDate: '2022-01-08', fromPack: false, pageDate: null, gap: null });
    expect(asOf(csto, '2026-03-01T09:00:00Z').gap).toEqual({ months: 50, analysisOlder: true });
    expect(asOf(csto, '2022-02-01').gap).toBeNull();
    expect(asOf(csto, '2021-01-08').gap).toEqual({ months: 12, analysisOlder: false });
  });

  it('falls back to the pack’s date for an entity that cites no dated source', () => {
    const pack = structuredClone(BUNDLED_PACKS[0]) as Pack;
    const entity = { ...pack.entities[0], analysis: [], facts: [], timeline: [] };
    const entry = buildCatalog([{ ...pack, entities: [entity] }]).get(entity.id)!;
    expect(asOf(entry, null)).toMatchObject({ analysisDate: pack.updated, fromPack: true });
  });

  it('links only http(s) references', () => {
    expect(safeHref('https://example.org/a')).toBe('https://example.org/a');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,<b>x</b>')).toBeNull();
    expect(safeHref('not a url')).toBeNull();
  });
});

/** What the side panel shows, computed from the packs and the page's mentions. Pure. */
import { firstDay } from '../../data/dated-facts';
import { groupOf, type EntityGroup } from '../../data/groups';
import type { Entity, Pack, Source } from '../../data/schema';
import type { MentionInfo } from '../../core/messages';
import { fold } from './common';

export interface CatalogEntry {
  entity: Entity;
  pack: Pack;
  /** The sources of the entity's own pack, by id. */
  sources: ReadonlyMap<string, Source>;
  /** Imported by the reader: its quotes were not checked against a source text. */
  imported: boolean;
  /** Name and aliases, folded for search. */
  keys: string[];
}

export type Catalog = ReadonlyMap<string, CatalogEntry>;

const aliasText = (alias: string | { text: string }) => (typeof alias === 'string' ? alias : alias.text);

export function buildCatalog(packs: readonly Pack[], importedIds: ReadonlySet<string> = new Set()): Catalog {
  const catalog = new Map<string, CatalogEntry>();
  for (const pack of packs) {
    const sources = new Map(pack.sources.map((s) => [s.id, s]));
    for (const entity of pack.entities) {
      if (catalog.has(entity.id)) continue; // The first pack wins, as in the content script's order.
      const keys = [entity.name, ...Object.values(entity.aliases).flat().map(aliasText)].map(fold);
      catalog.set(entity.id, { entity, pack, sources, imported: importedIds.has(pack.id), keys: [...new Set(keys)] });
    }
  }
  return catalog;
}

export interface PageEntity {
  entry: CatalogEntry;
  count: number;
  /** The aliases that matched on the page, in order of first appearance. */
  aliases: string[];
}

export const GROUPS: readonly EntityGroup[] = ['actor', 'event', 'concept'];

/** Mentions counted per entity, grouped; most-mentioned first, ties in order of first mention. */
export function pageEntities(mentions: readonly MentionInfo[], catalog: Catalog): Map<string, PageEntity> {
  const byId = new Map<string, PageEntity>();
  for (const mention of mentions) {
    const entry = catalog.get(mention.entityId);
    if (!entry) continue;
    let item = byId.get(mention.entityId);
    if (!item) byId.set(mention.entityId, (item = { entry, count: 0, aliases: [] }));
    item.count++;
    if (!item.aliases.includes(mention.alias)) item.aliases.push(mention.alias);
  }
  return byId;
}

export function groupPageEntities(items: Iterable<PageEntity>): Record<EntityGroup, PageEntity[]> {
  const groups: Record<EntityGroup, PageEntity[]> = { actor: [], event: [], concept: [] };
  for (const item of items) groups[groupOf(item.entry.entity.kind)].push(item);
  for (const group of GROUPS) {
    // Array.prototype.sort is stable: equal counts keep the order of first mention.
    groups[group].sort((a, b) => b.count - a.count);
  }
  return groups;
}

/** Entities whose name or an alias contains the query, best matches first. */
export function searchCatalog(query: string, catalog: Catalog, limit = 50): CatalogEntry[] {
  const q = fold(query);
  if (!q) return [];
  const scored: { entry: CatalogEntry; score: number }[] = [];
  for (const entry of catalog.values()) {
    let score = -1;
    entry.keys.forEach((key, i) => {
      const at = key.indexOf(q);
      if (at < 0) return;
      const s = (key === q ? 40 : 0) + (at === 0 ? 20 : /[\s'(]/.test(key[at - 1] ?? '') ? 10 : 0) + (i === 0 ? 5 : 0);
      score = Math.max(score, s);
    });
    if (score >= 0) scored.push({ entry, score });
  }
  scored.sort((a, b) => b.score - a.score || a.entry.entity.name.localeCompare(b.entry.entity.name));
  return scored.slice(0, limit).map((s) => s.entry);
}

/** An ISO date or date-time → the calendar date (YYYY-MM-DD, YYYY-MM or YYYY), or null. */
export function calendarDate(iso: string | null | undefined): string | null {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(iso ?? '');
  if (!match) return null;
  return match[0];
}

/** The day facts are shown for: a partial page date counts from its first day. */
export const dayOf = (date: string | null) => (date ? firstDay(date) : null);

const toTime = (date: string) => {
  const [y, m = 1, d = 1] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
};

export interface AsOf {
  /** When the analysis was written: the latest date of the sources the entity's claims cite. */
  analysisDate: string;
  /** Set when that date is the pack's own update date (the entity cites no dated source). */
  fromPack: boolean;
  pageDate: string | null;
  /** Set when the two differ by more than three months. */
  gap: { months: number; analysisOlder: boolean } | null;
}

const GAP_DAYS = 92;

export function asOf(entry: CatalogEntry, published: string | null): AsOf {
  const { entity, sources, pack } = entry;
  const cited = [
    ...entity.analysis.map((a) => a.source),
    ...(entity.analysis.length ? [] : [...entity.facts, ...entity.timeline].map((f) => f.source)),
  ];
  const dates = cited.flatMap((id) => (id && sources.get(id) ? [sources.get(id)!.date] : []));
  const analysisDate = dates.length ? dates.sort().at(-1)! : pack.updated;
  const pageDate = calendarDate(published);
  let gap: AsOf['gap'] = null;
  if (pageDate) {
    const days = (toTime(pageDate) - toTime(analysisDate)) / 86_400_000;
    if (Math.abs(days) > GAP_DAYS)
      gap = { months: Math.max(1, Math.round(Math.abs(days) / 30.44)), analysisOlder: days > 0 };
  }
  return { analysisDate, fromPack: dates.length === 0, pageDate, gap };
}

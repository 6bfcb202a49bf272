/**
 * The background's copies of what every page asks for: the enabled packs, validated once until
 * the packs change (not on every request), and the packed matcher per set of rejected aliases,
 * compiled once (not in every page and frame).
 */
import type { Entity, Pack, Source } from '../data/schema';
import { tagOf } from '../core/group-tags';
import { browser } from 'wxt/browser';
import type { MatcherReply } from '../core/messages';
import { tellTab } from '../shared/tab-messages';
import { packMatcher } from '../core/matcher-pack';
import { tableOfRules } from '../core/context-rules';
import { packAliases, type RejectedAlias } from '../core/pack-aliases';
import { getEnabledPacks, watchPacks } from '../shared/packs';
import { getRejected } from '../shared/settings';

/** Sites with their own rejected aliases each need a matcher; most have none and share one. */
const MAX_MATCHERS = 8;

let packs: Promise<Pack[]> | null = null;
let entities: Promise<Map<string, { entity: Entity; sources: Source[] }>> | null = null;
const matchers = new Map<string, Promise<MatcherReply>>();

/** Drops every copy: the packs changed. */
export function forgetPacks(): void {
  packs = null;
  entities = null;
  matchers.clear();
}

/**
 * Keeps the copies only as long as the packs stay as they are, and tells the open tabs, so that
 * pages already marked follow a pack switched off or imported at once; returns the function that stops.
 */
export function followPacks(): () => void {
  forgetPacks();
  return watchPacks(() => {
    forgetPacks();
    // After forgetting: a page that asks again now gets the new set, never the cached one.
    tellTabs().catch(() => undefined);
  });
}

async function tellTabs(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.flatMap((tab) => (tab.id === undefined ? [] : [tellTab(tab.id, { type: 'gloss:packs-changed' })])),
  );
}

/** The enabled packs, validated; the same promise until the packs change. */
export function enabledPacks(): Promise<Pack[]> {
  if (!packs) {
    const loading = getEnabledPacks();
    packs = loading;
    // A failed read is not kept: the next request tries again.
    loading.catch(() => {
      if (packs === loading) forgetPacks();
    });
  }
  return packs;
}

/**
 * The packed matcher for the enabled packs, less `site`'s rejected aliases, with the context rules
 * the page applies to its matches and the small matcher for names inside longer ones.
 */
export async function matcherFor(site: string): Promise<MatcherReply> {
  const rejected = (await getRejected()).filter((r: RejectedAlias) => r.site === site);
  const key = rejected
    .map((r) => `${r.entityId}\u0000${r.alias}`)
    .sort()
    .join('\u0001');
  let packed = matchers.get(key);
  if (!packed) {
    const compiling = enabledPacks().then((list) => {
      const { aliases, rules, inner } = packAliases(list, rejected, tagOf);
      return { matcher: packMatcher(aliases), rules: tableOfRules(rules), inner: packMatcher(inner) };
    });
    if (matchers.size >= MAX_MATCHERS) matchers.delete(matchers.keys().next().value!);
    matchers.set(key, compiling);
    compiling.catch(() => {
      if (matchers.get(key) === compiling) matchers.delete(key);
    });
    packed = compiling;
  }
  return packed;
}

/** An entity with its pack's sources, for a card; null when no enabled pack has it. */
export async function entityCard(entityId: string): Promise<{ entity: Entity | null; sources: Source[] }> {
  entities ??= enabledPacks().then((list) => {
    const map = new Map<string, { entity: Entity; sources: Source[] }>();
    for (const pack of list) for (const entity of pack.entities) map.set(entity.id, { entity, sources: pack.sources });
    return map;
  });
  return (await entities).get(entityId) ?? { entity: null, sources: [] };
}

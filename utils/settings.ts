import { storage } from '@wxt-dev/storage';
import type { RejectedAlias } from './pack-aliases';
import { parseSiteEntry, type SiteRules } from './site-rules';

/**
 * Every setting is a versioned storage item. Values are read through `sanitize*`, so a corrupt
 * or future-version value falls back field by field and never loses the site list.
 * The sanitizers are plain functions rather than zod: the content script reads these, and zod
 * would take a third of its size budget.
 */

type Fields = Record<string, unknown>;
const fieldsOf = (value: unknown): Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : {};
const oneOf = <T extends string>(value: unknown, options: readonly T[], fallback: T): T =>
  options.includes(value as T) ? (value as T) : fallback;

/** Keeps every valid entry; a list stored as text (one site a line) is read too. */
function sanitizeSiteList(value: unknown): string[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/\r?\n/) : [];
  const sites: string[] = [];
  for (const item of items) {
    if (typeof item !== 'string') continue;
    const entry = item.trim();
    if (parseSiteEntry(entry).ok && !sites.includes(entry)) sites.push(entry);
  }
  return sites;
}

export type SiteSettings = SiteRules;
export const DEFAULT_SITES: SiteSettings = { mode: 'except', sites: [] };

export function sanitizeSites(value: unknown): SiteSettings {
  const fields = fieldsOf(value);
  return { mode: oneOf(fields.mode, ['except', 'only'], 'except'), sites: sanitizeSiteList(fields.sites) };
}

export const sitesItem = storage.defineItem<SiteSettings>('local:sites', {
  fallback: DEFAULT_SITES,
  version: 1,
});

export async function getSites(): Promise<SiteSettings> {
  return sanitizeSites(await sitesItem.getValue());
}

export function watchSites(callback: (value: SiteSettings) => void): () => void {
  return sitesItem.watch((value) => callback(sanitizeSites(value)));
}

/** "Not this entity here": aliases the reader switched off on a site. */
export const sanitizeRejected = (value: unknown): RejectedAlias[] =>
  (Array.isArray(value) ? value : []).flatMap((item) => {
    const { site, entityId, alias } = fieldsOf(item);
    return typeof site === 'string' && typeof entityId === 'string' && typeof alias === 'string'
      ? [{ site, entityId, alias }]
      : [];
  });

export const rejectedItem = storage.defineItem<RejectedAlias[]>('local:rejected', {
  fallback: [],
  version: 1,
});

export async function getRejected(): Promise<RejectedAlias[]> {
  return sanitizeRejected(await rejectedItem.getValue());
}

export async function rejectAlias(entry: RejectedAlias): Promise<void> {
  const list = await getRejected();
  if (list.some((r) => r.site === entry.site && r.entityId === entry.entityId && r.alias === entry.alias)) return;
  await rejectedItem.setValue([...list, entry]);
}

export async function restoreAlias(entry: RejectedAlias): Promise<void> {
  const list = await getRejected();
  await rejectedItem.setValue(
    list.filter((r) => !(r.site === entry.site && r.entityId === entry.entityId && r.alias === entry.alias)),
  );
}

/** Reading preferences. */
export interface Prefs {
  hoverDelayMs: number;
  /** Every mention, or only the first mention of each entity. */
  density: 'all' | 'first';
}

export const DEFAULT_PREFS: Prefs = { hoverDelayMs: 350, density: 'all' };

export const HOVER_DELAY_RANGE = { min: 100, max: 2000 } as const;

export function sanitizePrefs(value: unknown): Prefs {
  const { hoverDelayMs, density } = fieldsOf(value);
  const delayOk =
    Number.isInteger(hoverDelayMs) &&
    (hoverDelayMs as number) >= HOVER_DELAY_RANGE.min &&
    (hoverDelayMs as number) <= HOVER_DELAY_RANGE.max;
  return {
    hoverDelayMs: delayOk ? (hoverDelayMs as number) : DEFAULT_PREFS.hoverDelayMs,
    density: oneOf(density, ['all', 'first'], DEFAULT_PREFS.density),
  };
}

export const prefsItem = storage.defineItem<Prefs>('local:prefs', {
  fallback: DEFAULT_PREFS,
  version: 1,
});

export async function getPrefs(): Promise<Prefs> {
  return sanitizePrefs(await prefsItem.getValue());
}

import { storage } from '@wxt-dev/storage';
import * as z from 'zod/mini';
import type { RejectedAlias } from './pack-aliases';
import { parseSiteEntry, type SiteRules } from './site-rules';

/**
 * Every setting is a versioned storage item. Values are read through `sanitize*`, so a corrupt
 * or future-version value falls back field by field and never loses the site list.
 * zod/mini keeps this small enough for the content script.
 */

const siteList = z.pipe(
  z.catch(z.array(z.unknown()), []),
  z.transform((items: unknown[]) =>
    items.filter((s): s is string => typeof s === 'string' && parseSiteEntry(s).ok),
  ),
);

const sitesSchema = z.object({
  mode: z.catch(z.enum(['except', 'only']), 'except'),
  sites: z.catch(siteList, []),
});

export type SiteSettings = SiteRules;
export const DEFAULT_SITES: SiteSettings = { mode: 'except', sites: [] };

export function sanitizeSites(value: unknown): SiteSettings {
  const result = z.safeParse(sitesSchema, value ?? {});
  return result.success ? (result.data as SiteSettings) : { ...DEFAULT_SITES };
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
const rejectedSchema = z.pipe(
  z.catch(z.array(z.unknown()), []),
  z.transform((items: unknown[]) =>
    items.filter(
      (r): r is RejectedAlias =>
        typeof r === 'object' && r !== null &&
        typeof (r as RejectedAlias).site === 'string' &&
        typeof (r as RejectedAlias).entityId === 'string' &&
        typeof (r as RejectedAlias).alias === 'string',
    ),
  ),
);

export const sanitizeRejected = (value: unknown): RejectedAlias[] =>
  z.parse(rejectedSchema, value ?? []) as RejectedAlias[];

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

const prefsSchema = z.object({
  hoverDelayMs: z.catch(z.number().check(z.int(), z.minimum(100), z.maximum(2000)), DEFAULT_PREFS.hoverDelayMs),
  density: z.catch(z.enum(['all', 'first']), DEFAULT_PREFS.density),
});

export function sanitizePrefs(value: unknown): Prefs {
  const result = z.safeParse(prefsSchema, typeof value === 'object' && value !== null ? value : {});
  return result.success ? (result.data as Prefs) : { ...DEFAULT_PREFS };
}

export const prefsItem = storage.defineItem<Prefs>('local:prefs', {
  fallback: DEFAULT_PREFS,
  version: 1,
});

export async function getPrefs(): Promise<Prefs> {
  return sanitizePrefs(await prefsItem.getValue());
}

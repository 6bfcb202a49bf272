import { storage } from '@wxt-dev/storage';
import { defineSyncedItem } from './synced-item';
import { inSeries } from '../core/in-series';
import type { RejectedAlias } from '../core/pack-aliases';
import { decideSite, setSiteEnabled } from '../core/site-rules';
import { DEFAULT_SITES, fieldsOf, oneOf, sanitizeSites, type Fields, type SiteSettings } from '../core/site-settings';
import { HIGHLIGHT_STYLES, isPaused, SETTING_NAMES, TEXT_SIZES, type Pause, type Prefs } from '../core/page-settings';

export { DEFAULT_SITES, sanitizeSites, type SiteSettings } from '../core/site-settings';
export {
  HIGHLIGHT_STYLES,
  isPaused,
  TEXT_SCALE,
  TEXT_SIZES,
  type HighlightStyle,
  type Pause,
  type Prefs,
  type TextSize,
} from '../core/page-settings';

/**
 * Every setting is a versioned storage item. The reader's settings (site lists, preferences, the
 * "not this here" list) follow the reader through `storage.sync`, with local storage as fallback
 * (shared/synced-item.ts); the shapes below are the same in both areas. Values are read through `sanitize*`, so a corrupt
 * or future-version value falls back field by field and never loses the site list.
 * The content script defines none of these items (each reads its value as it is defined): the
 * background reads them for it (`gloss:page-settings`, core/page-settings.ts) and it listens for
 * changes to the names in `SETTING_NAMES`.
 *
 * Versions and migrations (the meta key is the item's key plus `$`, e.g. `sites$` = `{ v: 2 }`):
 * - `local:sites` v2 keeps one list per mode: `sites` is the list of the mode in use (what the
 *   content script and `decideSite` read, so their code did not change), `otherSites` the list of
 *   the other mode, kept so that switching "except" ⇄ "only" never turns a list of sites the
 *   reader wanted Gloss off on into the list of the only sites it runs on. v1 → v2 adds an empty
 *   `otherSites` and keeps the stored list untouched (also when v1 held a bare list).
 * - `local:prefs` v2 adds `highlightStyle`; v1 → v2 writes the default explicitly. v3 adds
 *   `textSize` (the card's and panel's text); v2 → v3 writes 'normal'. v4 adds `showCount` (the
 *   toolbar badge); v3 → v4 writes `true`, the default.
 * - A stored version newer than this code's (after a downgrade) makes @wxt-dev/storage log and
 *   skip the migration; the raw value is then read field by field like any other, so it still
 *   keeps the reader's lists.
 */

/** v1 `{ mode, sites }` → v2 `{ mode, sites, otherSites }`. Structural only: entries are kept as stored. */
export function migrateSitesToV2(value: unknown): unknown {
  if (Array.isArray(value) || typeof value === 'string') return { mode: 'except', sites: value, otherSites: [] };
  if (typeof value !== 'object' || value === null) return value;
  const fields = value as Fields;
  return { ...fields, otherSites: Array.isArray(fields.otherSites) ? fields.otherSites : [] };
}

export const SITES_VERSION = 2;
export const sitesItemOptions = {
  fallback: DEFAULT_SITES,
  version: SITES_VERSION,
  migrations: { 2: migrateSitesToV2 },
};
export const sitesItem = defineSyncedItem<SiteSettings>(SETTING_NAMES.sites, sitesItemOptions);

/** The settings after the reader picks a mode: each mode keeps its own list. */
export function switchSiteMode(settings: SiteSettings, mode: SiteSettings['mode']): SiteSettings {
  if (settings.mode === mode) return settings;
  return { mode, sites: settings.otherSites, otherSites: settings.sites };
}

/**
 * The changes below read a list and write it back: two at once (two pages' requests to the
 * background, two clicks) would each write their own copy and lose the other's change. A whole
 * new list waits its turn too, so a change in progress cannot undo it.
 */
const sitesChanges = inSeries();
const rejectedChanges = inSeries();

export function setSites(value: SiteSettings): Promise<void> {
  return sitesChanges(() => sitesItem.setValue(sanitizeSites(value)));
}

/** Switches Gloss on or off for one site, the way the popup switch and the shortcut do. */
export function setSiteOn(host: string, enabled: boolean): Promise<SiteSettings> {
  return sitesChanges(async () => {
    const current = await getSites();
    const next = { ...current, sites: setSiteEnabled(current, host, enabled) };
    await sitesItem.setValue(next);
    return next;
  });
}

/** Switches the site of `url` the other way (the toggle shortcut); pages Gloss cannot scan stay as they are. */
export function toggleSiteOf(url: string): Promise<void> {
  return sitesChanges(async () => {
    const current = await getSites();
    const decision = decideSite(current, url);
    if (decision.scannable)
      await sitesItem.setValue({ ...current, sites: setSiteEnabled(current, decision.host, !decision.enabled) });
  });
}

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

export const rejectedItem = defineSyncedItem<RejectedAlias[]>(SETTING_NAMES.rejected, { fallback: [], version: 1 });

export async function getRejected(): Promise<RejectedAlias[]> {
  return sanitizeRejected(await rejectedItem.getValue());
}

const sameRejection = (a: RejectedAlias, b: RejectedAlias) =>
  a.site === b.site && a.entityId === b.entityId && a.alias === b.alias;

export function rejectAlias(entry: RejectedAlias): Promise<void> {
  return rejectedChanges(async () => {
    const list = await getRejected();
    if (list.some((r) => sameRejection(r, entry))) return;
    await rejectedItem.setValue([...list, entry]);
  });
}

export function restoreAlias(entry: RejectedAlias): Promise<void> {
  return rejectedChanges(async () => {
    const list = await getRejected();
    await rejectedItem.setValue(list.filter((r) => !sameRejection(r, entry)));
  });
}

export const DEFAULT_PREFS: Prefs = {
  hoverDelayMs: 350,
  density: 'all',
  highlightStyle: 'both',
  textSize: 'normal',
  showCount: true,
};

export const HOVER_DELAY_RANGE = { min: 100, max: 2000 } as const;

export function sanitizePrefs(value: unknown): Prefs {
  const { hoverDelayMs, density, highlightStyle, textSize, showCount } = fieldsOf(value);
  const delayOk =
    Number.isInteger(hoverDelayMs) &&
    (hoverDelayMs as number) >= HOVER_DELAY_RANGE.min &&
    (hoverDelayMs as number) <= HOVER_DELAY_RANGE.max;
  return {
    hoverDelayMs: delayOk ? (hoverDelayMs as number) : DEFAULT_PREFS.hoverDelayMs,
    density: oneOf(density, ['all', 'first'], DEFAULT_PREFS.density),
    highlightStyle: oneOf(highlightStyle, HIGHLIGHT_STYLES, DEFAULT_PREFS.highlightStyle),
    textSize: oneOf(textSize, TEXT_SIZES, DEFAULT_PREFS.textSize),
    showCount: typeof showCount === 'boolean' ? showCount : DEFAULT_PREFS.showCount,
  };
}

/** v1 `{ hoverDelayMs, density }` → v2 with `highlightStyle` (the v1 look: underline and tint). */
export function migratePrefsToV2(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const fields = value as Fields;
  return { ...fields, highlightStyle: fields.highlightStyle ?? DEFAULT_PREFS.highlightStyle };
}

/** v2 → v3 with `textSize` (the v2 size: normal). */
export function migratePrefsToV3(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const fields = value as Fields;
  return { ...fields, textSize: fields.textSize ?? DEFAULT_PREFS.textSize };
}

/** v3 → v4 with `showCount`, on: the count on the toolbar icon is new, and on by default. */
export function migratePrefsToV4(value: unknown): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  const fields = value as Fields;
  return { ...fields, showCount: fields.showCount ?? DEFAULT_PREFS.showCount };
}

export const PREFS_VERSION = 4;
export const prefsItemOptions = {
  fallback: DEFAULT_PREFS,
  version: PREFS_VERSION,
  migrations: { 2: migratePrefsToV2, 3: migratePrefsToV3, 4: migratePrefsToV4 },
};
export const prefsItem = defineSyncedItem<Prefs>(SETTING_NAMES.prefs, prefsItemOptions);

export async function getPrefs(): Promise<Prefs> {
  return sanitizePrefs(await prefsItem.getValue());
}

export function watchPrefs(callback: (value: Prefs) => void): () => void {
  return prefsItem.watch((value) => callback(sanitizePrefs(value)));
}

/** Changes some preferences, keeping the others as stored. */
export async function updatePrefs(patch: Partial<Prefs>): Promise<Prefs> {
  const stored = await prefsItem.getValue();
  const next = sanitizePrefs({ ...sanitizePrefs(stored), ...patch });
  // Fields this version does not know are kept as stored: they are a newer Gloss's, synced from
  // another device, and writing without them would reset that device's choices.
  await prefsItem.setValue({ ...fieldsOf(stored), ...next });
  return next;
}

export function watchRejected(callback: (value: RejectedAlias[]) => void): () => void {
  return rejectedItem.watch((value) => callback(sanitizeRejected(value)));
}

/**
 * "What's new" after an update: the background records the version it updated to, the popup shows
 * the note once and marks it seen. `local:whats-new` v1 `{ version, seen }`; null before any update.
 */
export interface WhatsNew {
  version: string;
  seen: boolean;
}

export function sanitizeWhatsNew(value: unknown): WhatsNew | null {
  const { version, seen } = fieldsOf(value);
  return typeof version === 'string' && version !== '' ? { version, seen: seen === true } : null;
}

export const whatsNewItem = storage.defineItem<WhatsNew | null>('local:whats-new', { fallback: null, version: 1 });

/** Called on `runtime.onInstalled` with reason "update"; a reload at the same version says nothing. */
export async function noteUpdate(previousVersion: string | undefined, version: string): Promise<void> {
  if (previousVersion === version) return;
  await whatsNewItem.setValue({ version, seen: false });
}

/** The update the popup has yet to tell about, marked as told: a second call returns null. */
export async function takeWhatsNew(): Promise<WhatsNew | null> {
  const pending = sanitizeWhatsNew(await whatsNewItem.getValue());
  if (!pending || pending.seen) return null;
  await whatsNewItem.setValue({ ...pending, seen: true });
  return pending;
}

/** The settings that follow the reader, for the background's copy to sync after an update. */
export const SYNCED_SETTINGS = [sitesItem, prefsItem, rejectedItem] as const;

/** Copies settings an older Gloss kept on this device only into sync storage; idempotent. */
export async function adoptLocalSettings(): Promise<void> {
  for (const item of SYNCED_SETTINGS) await item.adoptLocal();
}

/**
 * Authoring (Options): selecting a passage offers "Quote in a pack…" (a button beside the
 * selection on pages where Gloss runs, the context menu everywhere). `local:authoring` v1
 * `{ enabled }`, off by default: readers who never make packs see nothing of it.
 */
export interface Authoring {
  enabled: boolean;
}

export const sanitizeAuthoring = (value: unknown): Authoring => ({ enabled: fieldsOf(value).enabled === true });

export const authoringItem = storage.defineItem<Authoring>(`local:${SETTING_NAMES.authoring}`, {
  fallback: { enabled: false },
  version: 1,
});

export async function getAuthoring(): Promise<Authoring> {
  return sanitizeAuthoring(await authoringItem.getValue());
}

export async function setAuthoring(enabled: boolean): Promise<void> {
  await authoringItem.setValue({ enabled });
}

export function watchAuthoring(callback: (value: Authoring) => void): () => void {
  return authoringItem.watch((value) => callback(sanitizeAuthoring(value)));
}

/**
 * Pause: every site unmarked at once, the site lists untouched, resumed automatically.
 * `local:paused` v1 `{ until }`: epoch ms, or 'restart' for "until the browser restarts"; null
 * when Gloss runs. This browser's only (never synced: a pause on one device is not one on another).
 * Local rather than session storage, because content scripts must hear of its changes and
 * neither browser shows them session storage by default; the background clears a 'restart' pause
 * on the browser's start (`runtime.onStartup`, background/pause.ts). A time in the past is no pause,
 * so a resume the background missed (asleep, closed) is never needed for pages to come back.
 */
export const PAUSE_HOUR_MS = 60 * 60 * 1000;

export function sanitizePause(value: unknown): Pause | null {
  const { until } = fieldsOf(value);
  if (until === 'restart') return { until };
  return typeof until === 'number' && Number.isFinite(until) ? { until } : null;
}

export const pauseItem = storage.defineItem<Pause | null>(`local:${SETTING_NAMES.paused}`, {
  fallback: null,
  version: 1,
});

export async function getPause(): Promise<Pause | null> {
  const pause = sanitizePause(await pauseItem.getValue());
  return isPaused(pause) ? pause : null;
}

export function watchPause(callback: (value: Pause | null) => void): () => void {
  return pauseItem.watch((value) => callback(sanitizePause(value)));
}

/** Pauses for `ms` from now, or until the browser restarts. */
export async function pauseGloss(duration: number | 'restart'): Promise<Pause> {
  const pause: Pause = { until: duration === 'restart' ? 'restart' : Date.now() + duration };
  await pauseItem.setValue(pause);
  return pause;
}

export async function resumeGloss(): Promise<void> {
  await pauseItem.setValue(null);
}

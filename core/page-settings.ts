/**
 * What a page's content script needs of the reader's settings, handed over by the background in
 * one message (`gloss:page-settings`): reading them itself would cost every page a dozen storage
 * round trips (each versioned item reads its value and version on definition) before the scan.
 * The storage names live here so the settings module and the content script's change listener
 * agree on them.
 */
import type { SiteSettings } from './site-settings';
import { decideSite } from './site-rules';

/** Storage names of the settings a page follows (both areas; the meta keys add `$`). */
export const SETTING_NAMES = {
  sites: 'sites',
  prefs: 'prefs',
  rejected: 'rejected',
  paused: 'paused',
  authoring: 'authoring',
  /** Which area holds a synced setting's current value (shared/synced-item.ts). */
  syncFallback: 'sync-fallback',
} as const;

const FOLLOWED = new Set<string>(Object.values(SETTING_NAMES));

/** Whether a storage change touches a setting pages follow. */
export const touchesPageSettings = (changedKeys: readonly string[]): boolean =>
  changedKeys.some((key) => FOLLOWED.has(key));

/** Reading preferences. */
export interface Prefs {
  hoverDelayMs: number;
  /** Every mention, or only the first mention of each entity. */
  density: 'all' | 'first';
  /** How a mention is drawn: dotted underline and a light tint, the underline only, or the tint only. */
  highlightStyle: HighlightStyle;
  /** The card's and the side panel's text size. */
  textSize: TextSize;
  /** The number of entities on the tab, on the toolbar icon. */
  showCount: boolean;
}

export const HIGHLIGHT_STYLES = ['both', 'underline', 'tint'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

export const TEXT_SIZES = ['small', 'normal', 'large', 'larger'] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

/** "Pause Gloss": `until` is epoch ms, or 'restart' for "until the browser restarts" (shared/settings.ts). */
export interface Pause {
  until: number | 'restart';
}

export interface PageSettings {
  sites: SiteSettings;
  prefs: Prefs;
  /** Null when Gloss runs. */
  pause: Pause | null;
  authoring: boolean;
}

/** Each size as a scale of the card's and panel's base font size (a CSS variable). */
export const TEXT_SCALE: Record<TextSize, number> = { small: 0.875, normal: 1, large: 1.125, larger: 1.25 };

export function isPaused(pause: Pause | null, now = Date.now()): boolean {
  return !!pause && (pause.until === 'restart' || pause.until > now);
}

/**
 * Whether these settings have the page at `url` marked: on for its site and not paused. The page
 * decides with it whether to mark itself, the background whether to send it a matcher with them.
 */
export function marksPage(settings: Pick<PageSettings, 'sites' | 'pause'>, url: string): boolean {
  return decideSite(settings.sites, url).enabled && !isPaused(settings.pause);
}

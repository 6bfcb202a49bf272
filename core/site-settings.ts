/**
 * The site list setting as a plain value: its shape, default and sanitizer, with no storage
 * attached (shared/settings.ts keeps it in storage), so test and benchmark scripts outside the
 * extension read a stored list exactly as Gloss does.
 */
import { readSiteLines, type SiteRules } from './site-rules';

export type Fields = Record<string, unknown>;
export const fieldsOf = (value: unknown): Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : {};
export const oneOf = <T extends string>(value: unknown, options: readonly T[], fallback: T): T =>
  options.includes(value as T) ? (value as T) : fallback;

/** Keeps every valid entry; a list stored as text (one site a line) is read too. */
const sanitizeSiteList = (value: unknown): string[] =>
  Array.isArray(value) || typeof value === 'string' ? readSiteLines(value).sites : [];

export interface SiteSettings extends SiteRules {
  sites: string[];
  /** The list of the mode not in use, restored when the reader switches back to it. */
  otherSites: string[];
}
export const DEFAULT_SITES: SiteSettings = { mode: 'except', sites: [], otherSites: [] };

export function sanitizeSites(value: unknown): SiteSettings {
  // A bare list (a hand-edited or very old value) is still the reader's list: keep it.
  if (Array.isArray(value) || typeof value === 'string') {
    return { mode: 'except', sites: sanitizeSiteList(value), otherSites: [] };
  }
  const fields = fieldsOf(value);
  return {
    mode: oneOf(fields.mode, ['except', 'only'], 'except'),
    sites: sanitizeSiteList(fields.sites),
    otherSites: sanitizeSiteList(fields.otherSites),
  };
}

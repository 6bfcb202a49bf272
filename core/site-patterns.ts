/**
 * The site list as match patterns, so that the browser itself leaves switched-off sites alone:
 * the content script is registered at runtime for exactly the pages `decideSite` enables, and is
 * never injected anywhere else. Pure; the background registers what this computes.
 */
import { parseSiteEntry, type SiteRules } from './site-rules';

/** Every page `siteOf` can name: web pages and local files. */
export const ALL_PAGES = ['http://*/*', 'https://*/*', 'file:///*'];

/** The match patterns of one list entry: exactly the pages `entryMatches` covers. */
export function patternsOf(entry: string): string[] {
  const parsed = parseSiteEntry(entry);
  if (!parsed.ok) return [];
  if ('file' in parsed.pattern) return ['file:///*'];
  const { host, subdomains } = parsed.pattern;
  if (subdomains) return [`*://*.${host}/*`];
  // "www." is the same site as the bare name: a host is covered when it is the entry once one
  // leading "www." is dropped from both. (A bare name that itself starts with "www." can only be
  // reached with a "www." in front.)
  const bare = host.startsWith('www.') ? host.slice(4) : host;
  // An IPv4 address has no "www." form (a host ending in a number is read as an address).
  if (/\.\d+$|^\d+$/.test(bare)) return [`*://${bare}/*`];
  return bare.startsWith('www.') ? [`*://www.${bare}/*`] : [`*://${bare}/*`, `*://www.${bare}/*`];
}

export interface Registration {
  matches: string[];
  excludeMatches: string[];
}

/** Where the content script goes; null when nowhere ("only on…" with an empty list). */
export function registrationOf(rules: SiteRules): Registration | null {
  const listed = [...new Set(rules.sites.flatMap(patternsOf))];
  if (rules.mode === 'except') return { matches: ALL_PAGES, excludeMatches: listed };
  return listed.length ? { matches: listed, excludeMatches: [] } : null;
}

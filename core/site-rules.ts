/** Where Gloss runs: one pure decision from the reader's mode and site list. */

export type SiteMode = 'except' | 'only';

export interface SiteRules {
  mode: SiteMode;
  sites: readonly string[];
}

export type SiteDecision =
  | { enabled: boolean; scannable: true; host: string; reason: 'listed' | 'not-listed' }
  | { enabled: false; scannable: false; host: null; reason: 'not-a-web-page' };

/** The site entry that stands for local files, since they have no host name. */
export const FILE_SITE = 'file://';

/** Lower case, no trailing dot, IDN as punycode; null when it is not a host name. */
export function normalizeHost(raw: string): string | null {
  const trimmed = raw.trim().toLowerCase().replace(/\.$/, '');
  if (!trimmed || /[\s/?#@:]/.test(trimmed)) return null;
  try {
    const host = new URL(`http://${trimmed}`).hostname;
    return host && host !== '' ? host.replace(/\.$/, '') : null;
  } catch {
    return null;
  }
}

/** Why a line is not a site, as a code: the UI says it in the reader's language. */
export type SiteError = 'empty' | 'scheme' | 'wildcard' | 'port-or-path' | 'invalid-host';

export type SiteEntry =
  | { ok: true; entry: string; pattern: { host: string; subdomains: boolean } | { file: true } }
  | { ok: false; entry: string; error: SiteError };

/** Parses one line of the site list: `example.com`, `*.example.com` or `file://`. */
export function parseSiteEntry(line: string): SiteEntry {
  const entry = line.trim();
  if (entry === FILE_SITE) return { ok: true, entry, pattern: { file: true } };
  if (!entry) return { ok: false, entry, error: 'empty' };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry)) return { ok: false, entry, error: 'scheme' };
  const subdomains = entry.startsWith('*.');
  const rest = subdomains ? entry.slice(2) : entry;
  if (rest.includes('*')) return { ok: false, entry, error: 'wildcard' };
  if (/[/:]/.test(rest)) return { ok: false, entry, error: 'port-or-path' };
  const host = normalizeHost(rest);
  if (!host || !/^[a-z0-9-]+(?:\.[a-z0-9-]+)*$/.test(host) || host.split('.').some((l) => !l || l.length > 63)) {
    return { ok: false, entry, error: 'invalid-host' };
  }
  return { ok: true, entry, pattern: { host, subdomains } };
}

/** A line of the site list that is not a site entry: its number (from 1), its text and why. */
export interface SiteLineProblem {
  line: number;
  entry: string;
  error: SiteError;
}

/**
 * The one reader of site-list lines, for the stored setting and the Options textarea alike: text
 * (one entry a line) or a stored list; blank lines and non-text items are skipped, entries are
 * trimmed and kept once, each bad line is reported with its number.
 */
export function readSiteLines(input: string | readonly unknown[]): { sites: string[]; problems: SiteLineProblem[] } {
  const lines = typeof input === 'string' ? input.split(/\r?\n/) : input;
  const sites: string[] = [];
  const problems: SiteLineProblem[] = [];
  lines.forEach((line, i) => {
    if (typeof line !== 'string' || !line.trim()) return;
    const parsed = parseSiteEntry(line);
    if (!parsed.ok) problems.push({ line: i + 1, entry: parsed.entry, error: parsed.error });
    else if (!sites.includes(parsed.entry)) sites.push(parsed.entry);
  });
  return { sites, problems };
}

const stripWww = (host: string) => (host.startsWith('www.') ? host.slice(4) : host);

/** Whether a list entry covers a host. `www.` is the same site as the bare name. */
export function entryMatches(entry: string, host: string): boolean {
  const parsed = parseSiteEntry(entry);
  if (!parsed.ok) return false;
  if ('file' in parsed.pattern) return host === FILE_SITE;
  const { host: listed, subdomains } = parsed.pattern;
  if (host === FILE_SITE) return false;
  if (subdomains) return host === listed || host.endsWith(`.${listed}`);
  return stripWww(host) === stripWww(listed);
}

/** The site a URL belongs to: its host name, `file://` for local files, null for browser pages. */
export function siteOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol === 'file:') return FILE_SITE;
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return normalizeHost(parsed.hostname.replace(/^\[|\]$/g, '')) ?? parsed.hostname;
}

export function decideSite(rules: SiteRules, url: string): SiteDecision {
  const host = siteOf(url);
  if (host === null) return { enabled: false, scannable: false, host: null, reason: 'not-a-web-page' };
  const listed = rules.sites.some((entry) => entryMatches(entry, host));
  return {
    enabled: rules.mode === 'except' ? !listed : listed,
    scannable: true,
    host,
    reason: listed ? 'listed' : 'not-listed',
  };
}

/**
 * The list after the reader switches one site on or off. Switching on removes every entry that
 * covers the host in "except" mode (a wildcard included: the reader asked for this site); in
 * "only" mode it adds the host. Switching off does the reverse.
 */
export function setSiteEnabled(rules: SiteRules, host: string, enabled: boolean): string[] {
  const covering = (entry: string) => entryMatches(entry, host);
  const add = (sites: readonly string[]) => (sites.some(covering) ? [...sites] : [...sites, host]);
  const remove = (sites: readonly string[]) => sites.filter((e) => !covering(e));
  if (rules.mode === 'except') return enabled ? remove(rules.sites) : add(rules.sites);
  return enabled ? add(rules.sites) : remove(rules.sites);
}

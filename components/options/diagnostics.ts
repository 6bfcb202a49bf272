/**
 * "Copy troubleshooting info": what a reader can paste into a bug report, gathered on this device
 * and shown before it is copied. Nothing is sent anywhere; no page the reader visited is included
 * beyond their own site list and the errors' own words.
 */
import { browser } from 'wxt/browser';
import { registrationOf } from '../../core/site-patterns';
import { getErrorLog, type LoggedError } from '../../shared/error-log';
import { getEnabledPacks } from '../../shared/packs';
import { getSites, type SiteSettings } from '../../shared/settings';
import { getSyncFallbacks, hasSyncArea, type SyncFallbacks } from '../../shared/synced-item';

export interface Diagnostics {
  version: string;
  browser: string;
  sites: SiteSettings;
  packs: { id: string; version: string }[];
  sync: { available: boolean; fallbacks: SyncFallbacks };
  errors: LoggedError[];
}

/** The browser's name and version: Firefox says it exactly, others through the user agent. */
async function browserName(): Promise<string> {
  const runtime = browser.runtime as unknown as { getBrowserInfo?: () => Promise<{ name: string; version: string }> };
  if (runtime.getBrowserInfo) {
    const info = await runtime.getBrowserInfo().catch(() => null);
    if (info) return `${info.name} ${info.version}`;
  }
  return typeof navigator === 'undefined' ? 'unknown' : navigator.userAgent;
}

export async function gatherDiagnostics(): Promise<Diagnostics> {
  const [name, sites, packs, fallbacks, errors] = await Promise.all([
    browserName(),
    getSites(),
    getEnabledPacks(),
    getSyncFallbacks(),
    getErrorLog(),
  ]);
  return {
    version: browser.runtime.getManifest().version,
    browser: name,
    sites,
    packs: packs.map((p) => ({ id: p.id, version: p.version })),
    sync: { available: hasSyncArea(), fallbacks },
    errors,
  };
}

/** Plain text in English (a report is read by the maintainers), one fact a line. */
export function troubleshootingText(d: Diagnostics): string {
  const registration = registrationOf(d.sites);
  const fallbacks = Object.entries(d.sync.fallbacks);
  const lines = [
    `Gloss ${d.version}`,
    `Browser: ${d.browser}`,
    `Site mode: ${d.sites.mode === 'except' ? 'on everywhere except the listed sites' : 'only on the listed sites'}`,
    `Listed sites (${d.sites.sites.length}): ${d.sites.sites.join(', ') || 'none'}`,
    `Active site patterns: ${registration ? registration.matches.join(' ') : 'none (Gloss runs nowhere)'}`,
    ...(registration?.excludeMatches.length ? [`Excluded patterns: ${registration.excludeMatches.join(' ')}`] : []),
    `Enabled packs (${d.packs.length}): ${d.packs.map((p) => `${p.id} ${p.version}`).join(', ') || 'none'}`,
    `Settings storage: ${
      !d.sync.available
        ? 'this device only (no sync storage)'
        : fallbacks.length
          ? `sync, except on this device only: ${fallbacks.map(([name, f]) => `${name} (${f.message})`).join('; ')}`
          : 'sync'
    }`,
    `Last errors (${d.errors.length}):`,
    ...(d.errors.length
      ? d.errors.map((e) => `  ${new Date(e.time).toISOString()} [${e.context}] ${e.message}`)
      : ['  none']),
  ];
  return lines.join('\n');
}

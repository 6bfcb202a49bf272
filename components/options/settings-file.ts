/**
 * All of the reader's settings as one JSON file, to move them by hand (no sync, another browser)
 * or keep a copy: `{ format: 'gloss-settings', version, sites, prefs, rejected }`. A file is read
 * whole and checked before anything is written, so a bad one (not JSON, cut short, wrong shape)
 * changes nothing and each problem is named by its field path.
 */
import { z } from 'zod';
import { parseSiteEntry } from '../../core/site-rules';
import type { RejectedAlias } from '../../core/pack-aliases';
import {
  HIGHLIGHT_STYLES,
  HOVER_DELAY_RANGE,
  rejectedItem,
  sanitizeRejected,
  setSites,
  TEXT_SIZES,
  updatePrefs,
  type Prefs,
  type SiteSettings,
} from '../../shared/settings';

import { siteErrorText } from './site-errors';

export const SETTINGS_FORMAT = 'gloss-settings';
export const SETTINGS_FILE_VERSION = 1;
/** Far above any real settings (sync's whole quota is 100 KB). */
export const MAX_SETTINGS_BYTES = 1_000_000;

const siteList = z.array(
  z.string().superRefine((entry, ctx) => {
    const parsed = parseSiteEntry(entry);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: `"${parsed.entry}" ${siteErrorText(parsed.error)}` });
  }),
);

const fileSchema = z.object({
  format: z.literal(SETTINGS_FORMAT, { message: `is not "${SETTINGS_FORMAT}": this is not a Gloss settings file` }),
  version: z
    .number()
    .int()
    .min(1)
    .max(SETTINGS_FILE_VERSION, { message: 'this file was made by a newer Gloss: update Gloss first' }),
  sites: z.object({
    mode: z.enum(['except', 'only']),
    sites: siteList,
    otherSites: siteList.default([]),
  }),
  // Every field optional (a file from before a preference existed keeps the current one); the
  // fields of a newer Gloss are let through and dropped by sanitizePrefs.
  prefs: z
    .object({
      hoverDelayMs: z.number().int().min(HOVER_DELAY_RANGE.min).max(HOVER_DELAY_RANGE.max),
      density: z.enum(['all', 'first']),
      highlightStyle: z.enum(HIGHLIGHT_STYLES),
      textSize: z.enum(TEXT_SIZES),
      showCount: z.boolean(),
    })
    .partial()
    .loose(),
  rejected: z.array(z.object({ site: z.string().min(1), entityId: z.string().min(1), alias: z.string().min(1) })),
});

export type SettingsFile = z.infer<typeof fileSchema>;

export type SettingsFileResult = { ok: true; settings: SettingsFile } | { ok: false; errors: string[] };

/** Checks a file's text; the errors say where (`sites.sites.2: …`) and what is wrong. */
export function parseSettingsFile(text: string): SettingsFileResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`not valid JSON (${error instanceof Error ? error.message : String(error)})`] };
  }
  const result = fileSchema.safeParse(json);
  if (result.success) return { ok: true, settings: result.data };
  return {
    ok: false,
    errors: result.error.issues.map((issue) =>
      issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message,
    ),
  };
}

export function settingsFileText(sites: SiteSettings, prefs: Prefs, rejected: readonly RejectedAlias[]): string {
  const file = { format: SETTINGS_FORMAT, version: SETTINGS_FILE_VERSION, sites, prefs, rejected };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/** Writes a checked file's settings: the site lists and "not here" list replaced, the preferences it names. */
export async function applySettingsFile(settings: SettingsFile): Promise<void> {
  await setSites(settings.sites);
  // Merged with the current preferences and sanitized: unknown fields of a newer Gloss are dropped.
  await updatePrefs(settings.prefs as Partial<Prefs>);
  const unique = new Map(
    sanitizeRejected(settings.rejected).map((r) => [`${r.site}\u0000${r.entityId}\u0000${r.alias}`, r]),
  );
  await rejectedItem.setValue([...unique.values()]);
}

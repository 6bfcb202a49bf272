import { z } from 'zod';

// Never compile parsers with `new Function`: extension pages forbid eval (CSP), and zod's probe for
// it would still be reported as a CSP violation. The interpreter is fast enough for packs.
z.config({ jitless: true });

/** The single source of the pack types: everything else uses `z.infer` of these. */

const slug = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a kebab-case slug (a-z, 0-9, single hyphens)');

/** Calendar date, or a month or year where only that is known: 2022, 2022-01, 2022-01-08. */
const isoDate = z
  .string()
  .regex(
    /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/,
    'must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)',
  );

const fullDate = z
  .string()
  .regex(/^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/, 'must be an ISO date (YYYY-MM-DD)');

const semver = z.string().regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/, 'must be a semantic version like 1.0.0');

/** Only http(s): a reference is shown as a link, and `javascript:` or `data:` must never be. */
const webUrl = z
  .string()
  .max(2000, 'must be at most 2000 characters')
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === 'https:' || url.protocol === 'http:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL');

const text = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const ENTITY_KINDS = ['person', 'organization', 'country', 'place', 'event', 'concept'] as const;
export const SOURCE_KINDS = ['commentary', 'reference', 'news', 'official'] as const;
export const REQUIRED_ALIAS_LANGUAGES = ['en', 'de', 'ru'] as const;

/** Words for context rules: folded like aliases; a trailing dash ("ex-") matches a prefix. */
const contextWords = z.array(text(40)).min(1, 'must list at least one word').max(200, 'must list at most 200 words');

/** A date window: the alias counts on pages published in it (and, on undated pages, as a weak alias). */
const windowSchema = z
  .strictObject({ from: isoDate, until: isoDate })
  .refine((w) => w.from < w.until, { message: 'from must be before until', path: ['until'] });

export const aliasSchema = z.union([
  text(80),
  z.strictObject({
    text: text(80),
    /** Acronyms such as "EU" or "US" that are ordinary words in lower case. */
    caseSensitive: z.boolean().optional(),
    /** Why the same string may also name another entity (the checker asks for it). */
    shared: text(200).optional(),
    /** Paradigm codes, one per word, that expand the inflected forms (data/inflect.ts). */
    inflect: z.string().trim().min(1).max(200).optional(),
    /** It does not count right after one of these words ("former", "ex-", "бывший"). */
    notAfter: contextWords.optional(),
    /** It does not count right before one of these words. */
    notBefore: contextWords.optional(),
    /** It counts only right before one of these words: an adjective of a state ("Russian troops"). */
    onlyBefore: contextWords.optional(),
    /** It counts only where a strong (not weak) alias of the same entity is on the page. */
    weak: z.literal(true).optional(),
    /** It counts only on pages published in this window; on undated pages, as a weak alias. */
    when: windowSchema.optional(),
    /** Entities named inside it ("Kazakhstan" in "unrest in Kazakhstan"): mentioned as well. */
    contains: z.array(slug).min(1).optional(),
  }),
]);

const aliasList = z.array(aliasSchema).min(1, 'must list at least one alias');

export const aliasesSchema = z
  .record(z.string().regex(/^[a-z]{2,3}$/, 'language must be an ISO 639 code'), aliasList)
  .superRefine((aliases, ctx) => {
    for (const lang of REQUIRED_ALIAS_LANGUAGES) {
      if (!aliases[lang]) ctx.addIssue({ code: 'custom', path: [lang], message: 'is required' });
    }
  });

const wordCount = (s: string) => s.trim().split(/\s+/u).length;

export const analysisPointSchema = z.strictObject({
  /** Our paraphrase of what the source says. */
  point: text(400),
  /** Verbatim from the source text, typographic quotes included. */
  quote: text(400).refine((q) => wordCount(q) <= 40, 'must be at most 40 words'),
  source: slug,
  /** 1-based index of the blank-line separated block of the source text (headings count). */
  paragraph: z.number().int().min(1, 'must be 1 or more'),
});

/**
 * A reference names its original publisher, the page's title and date, and where it is. A bare
 * URL is still accepted for imported packs; the reference policy (data/references.ts) asks for
 * the full form, so `packs:check` refuses it in a shipped pack.
 */
export const referenceSchema = z.strictObject({
  publisher: text(120),
  title: text(300),
  /** When the cited page was published; the reference policy asks for it except from reference works. */
  date: isoDate.optional(),
  url: webUrl,
  /** A copy in a web archive, where the original moved or went away. */
  archive: webUrl.optional(),
});

/**
 * When a fact held. `until` is the first day it no longer did; either end may be open. Dates may
 * be partial (2024-02), and compare by their first day.
 */
export const periodSchema = z
  .strictObject({ from: isoDate.optional(), until: isoDate.optional() })
  .refine((p) => p.from !== undefined || p.until !== undefined, 'must give from, until or both')
  .refine((p) => p.from === undefined || p.until === undefined || p.from < p.until, {
    message: 'from must be before until',
    path: ['until'],
  });

/** Every fact carries where it comes from: a source of the pack or a reference. */
const hasReference = (v: { source?: string; ref?: unknown }) => v.source !== undefined || v.ref !== undefined;
const referenceIssue = { message: 'needs a source id or a ref', path: ['ref'] };
const reference = {
  source: slug.optional(),
  ref: z.union([webUrl, referenceSchema]).optional(),
  held: periodSchema.optional(),
};

export const factSchema = z
  .strictObject({ label: text(80), value: text(300), date: isoDate.optional(), ...reference })
  .refine(hasReference, referenceIssue);
export const timelineEntrySchema = z
  .strictObject({ date: isoDate, label: text(200), ...reference })
  .refine(hasReference, referenceIssue);

export const relatedSchema = z.strictObject({ id: slug, relation: text(60) });

export const entitySchema = z.strictObject({
  id: slug,
  kind: z.enum(ENTITY_KINDS),
  name: text(80),
  summary: text(300),
  aliases: aliasesSchema,
  analysis: z.array(analysisPointSchema).default([]),
  facts: z.array(factSchema).default([]),
  timeline: z.array(timelineEntrySchema).default([]),
  related: z.array(relatedSchema).default([]),
});

/** Who held an office when: an office title ("President of Kazakhstan") means its holder on the page's date. */
export const officeSchema = z.strictObject({
  id: slug,
  name: text(80),
  aliases: aliasesSchema,
  /** Entities named inside the title ("Kazakhstan" in "President of Kazakhstan"): mentioned as well. */
  contains: z.array(slug).default([]),
  /** Words that make the title mean the holder before the one in office ("former", "бывший"). */
  former: contextWords.optional(),
  holders: z
    .array(z.strictObject({ entityId: slug, from: isoDate.optional(), until: isoDate.optional() }))
    .min(1, 'must list at least one holder'),
});

export const sourceSchema = z.strictObject({
  id: slug,
  title: text(200),
  date: fullDate,
  kind: z.enum(SOURCE_KINDS),
  url: webUrl.optional(),
  /** The author, where known; absent means the pack does not know it (cards then name none). */
  author: text(120).optional(),
  /** The language the text was translated from, where the source is a translation (ISO 639). */
  translatedFrom: z
    .string()
    .regex(/^[a-z]{2,3}$/, 'must be an ISO 639 language code')
    .optional(),
  /** What is and is not known about where the text comes from. */
  provenance: text(600).optional(),
  license: text(300),
  /** Path, relative to `data/`, of the source text shipped with the pack (for quote checks). */
  file: z
    .string()
    .regex(/^sources\/[A-Za-z0-9._-]+\.txt$/, 'must be a path like sources/name.txt')
    .optional(),
});

export const packSchema = z
  .strictObject({
    id: slug,
    title: text(120),
    version: semver,
    language: z.string().regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]+)*$/, 'must be a BCP 47 language tag'),
    updated: fullDate,
    /** The license of the pack's own prose and data, with its attribution. */
    license: text(300).optional(),
    sources: z.array(sourceSchema).min(1, 'must list at least one source'),
    entities: z.array(entitySchema).min(1, 'must list at least one entity'),
    offices: z.array(officeSchema).default([]),
  })
  .superRefine((pack, ctx) => {
    const seen = new Set<string>();
    pack.entities.forEach((entity, i) => {
      if (seen.has(entity.id)) {
        ctx.addIssue({ code: 'custom', path: ['entities', i, 'id'], message: `duplicate id "${entity.id}"` });
      }
      seen.add(entity.id);
    });
    const sourceIds = new Set(pack.sources.map((s) => s.id));
    pack.entities.forEach((entity, i) => {
      const check = (items: { source?: string }[], field: string) =>
        items.forEach((item, j) => {
          if (item.source !== undefined && !sourceIds.has(item.source)) {
            ctx.addIssue({
              code: 'custom',
              path: ['entities', i, field, j, 'source'],
              message: `unknown source "${item.source}"`,
            });
          }
        });
      check(entity.analysis, 'analysis');
      check(entity.facts, 'facts');
      check(entity.timeline, 'timeline');
    });
    const ids = new Set(pack.entities.map((e) => e.id));
    pack.entities.forEach((entity, i) =>
      Object.entries(entity.aliases).forEach(([lang, list]) =>
        list.forEach((alias, j) => {
          if (typeof alias === 'string') return;
          alias.contains?.forEach((id, k) => {
            if (!ids.has(id)) {
              ctx.addIssue({
                code: 'custom',
                path: ['entities', i, 'aliases', lang, j, 'contains', k],
                message: `unknown entity "${id}"`,
              });
            }
          });
        }),
      ),
    );
    pack.offices.forEach((office, i) => {
      const refs = [
        ...office.holders.map((h, j) => ({ id: h.entityId, path: ['offices', i, 'holders', j, 'entityId'] })),
        ...office.contains.map((id, j) => ({ id, path: ['offices', i, 'contains', j] })),
      ];
      for (const ref of refs) {
        if (!ids.has(ref.id)) ctx.addIssue({ code: 'custom', path: ref.path, message: `unknown entity "${ref.id}"` });
      }
    });
    pack.entities.forEach((entity, i) =>
      entity.related.forEach((rel, j) => {
        if (!ids.has(rel.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['entities', i, 'related', j, 'id'],
            message: `unknown entity "${rel.id}"`,
          });
        }
      }),
    );
  });

export type Pack = z.infer<typeof packSchema>;
export type PackInput = z.input<typeof packSchema>;
export type Entity = z.infer<typeof entitySchema>;
export type EntityKind = Entity['kind'];
export type Alias = z.infer<typeof aliasSchema>;
export type AnalysisPoint = z.infer<typeof analysisPointSchema>;
export type Fact = z.infer<typeof factSchema>;
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Reference = z.infer<typeof referenceSchema>;
export type Period = z.infer<typeof periodSchema>;
export type Office = z.infer<typeof officeSchema>;

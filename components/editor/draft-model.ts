/**
 * The pack editor's model, pure: a new draft, a quote from a page added to it (source, entity,
 * analysis point), what the checker says about it, and the pack file it exports as.
 */
import { checkPack } from '../../data/check';
import { parsePack } from '../../data/load';
import { PACK_FILE_FORMAT, PACK_FILE_VERSION, packFileText, parsePackFile } from '../../data/pack-file';
import { isRecord } from '../../data/records';
import { checkReferences } from '../../data/references';
import { analysisPointSchema, type Pack, type PackInput, type Reference } from '../../data/schema';
import { anchorQuote, paragraphOf, type TextQuoteSelector } from '../../data/text-quote';
import type { QuoteCapture } from '../../core/messages';
import type { Draft } from '../../shared/drafts';

export type EntityInput = PackInput['entities'][number];
export type SourceInput = PackInput['sources'][number];
export type AliasInput = EntityInput['aliases'][string][number];

export const ALIAS_LANGS = ['en', 'de', 'ru'] as const;

/** A kebab-case id from any text ("Shanghai Cooperation Organisation" → "shanghai-cooperation-organisation"). */
export function slugify(text: string, fallback = 'item'): string {
  const slug = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || fallback;
}

/** `base`, or `base-2`, `base-3`… where `base` is taken. */
export function uniqueId(base: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** A reference to an original publisher with nothing filled in yet (or only its URL). */
export const emptyRef = (url = ''): Reference => ({ publisher: '', title: '', url });

export function emptyEntity(): EntityInput {
  return {
    id: '',
    kind: 'organization',
    name: '',
    summary: '',
    aliases: { en: [], de: [], ru: [] },
    analysis: [],
    facts: [],
    timeline: [],
    related: [],
  };
}

export function newDraft(id: string, today: string, now = Date.now()): Draft {
  return {
    id,
    pack: {
      id: 'my-pack',
      title: 'My pack',
      version: '0.1.0',
      language: 'en',
      updated: today,
      sources: [],
      entities: [],
      offices: [],
    },
    texts: {},
    selectors: {},
    savedAt: now,
  };
}

export type QuoteTarget = { entityId: string } | { entity: EntityInput };

export type AddQuoteResult = { ok: true; draft: Draft; entityId: string } | { ok: false; error: QuoteError };

export type QuoteError = 'not_found' | 'spans_paragraphs' | 'too_long' | 'no_point' | 'no_entity' | 'entity_taken';

/**
 * Adds a quote from a page: the page becomes a source (once per URL, its readable text the
 * source text), the quote is anchored in that text (verbatim from it, with its paragraph), and the
 * curator's paraphrase becomes an analysis point of the entity chosen or created.
 */
export function addQuote(
  draft: Draft,
  capture: QuoteCapture,
  target: QuoteTarget,
  paraphrase: string,
  license: string,
): AddQuoteResult {
  if (!paraphrase.trim()) return { ok: false, error: 'no_point' };
  const pack = structuredClone(draft.pack);
  const texts = { ...draft.texts };
  let source = pack.sources.find((s) => s.url === capture.url && s.file && texts[s.file] !== undefined);
  const text = source?.file ? (texts[source.file] as string) : capture.text;
  const anchor = anchorQuote(text, capture.selector);
  if (!anchor) return { ok: false, error: 'not_found' };
  // A selection often takes a space or a line end with it: the quote is the words.
  let { start, end } = anchor;
  while (start < end && /\s/.test(text[start] as string)) start++;
  while (end > start && /\s/.test(text[end - 1] as string)) end--;
  const paragraph = paragraphOf(text, { start, end });
  if (paragraph === null) return { ok: false, error: 'spans_paragraphs' };
  const quote = text.slice(start, end);
  if (!analysisPointSchema.shape.quote.safeParse(quote).success) return { ok: false, error: 'too_long' };

  if (!source) {
    const id = uniqueId(
      slugify(`${capture.publisher} ${capture.published ?? ''}`, 'source'),
      pack.sources.map((s) => s.id),
    );
    source = {
      id,
      title: capture.title.slice(0, 200),
      date: capture.published ?? '',
      kind: 'news',
      url: capture.url,
      license,
      file: `sources/${id}.txt`,
    };
    pack.sources.push(source);
    texts[source.file as string] = capture.text;
  }

  let entity: EntityInput | undefined;
  if ('entityId' in target) {
    entity = pack.entities.find((e) => e.id === target.entityId);
    if (!entity) return { ok: false, error: 'no_entity' };
  } else {
    if (!target.entity.id || pack.entities.some((e) => e.id === target.entity.id))
      return { ok: false, error: 'entity_taken' };
    entity = structuredClone(target.entity);
    pack.entities.push(entity);
  }
  entity.analysis ??= [];
  entity.analysis.push({ point: paraphrase.trim(), quote, source: source.id, paragraph });
  const selectors: Record<string, TextQuoteSelector> = {
    ...draft.selectors,
    [`${entity.id}/${entity.analysis.length - 1}`]: capture.selector,
  };
  return { ok: true, draft: { ...draft, pack, texts, selectors }, entityId: entity.id };
}

/** Only the texts of the draft's sources: a removed source's text does not travel on. */
function usedTexts(draft: Draft): Record<string, string> {
  const out: Record<string, string> = {};
  for (const source of draft.pack.sources) {
    const text = source.file ? draft.texts[source.file] : undefined;
    if (source.file && text !== undefined) out[source.file] = text;
  }
  return out;
}

/** The pack file the draft exports as (data/pack-file.ts): `packs:check` and Options read it. */
export const draftFileText = (draft: Draft): string => packFileText(draft.pack, usedTexts(draft));

/**
 * What the checker says about the draft, in its own words: the schema, the checker's rules with
 * the quotes against the saved texts, the reference policy, and entity ids other packs use.
 */
export function checkDraft(draft: Draft, installed: readonly Pack[]): string[] {
  const parsed = parsePack(draft.pack);
  if (!parsed.ok) return parsed.errors;
  const texts = new Map(Object.entries(usedTexts(draft)));
  const owners = new Map<string, string>();
  for (const other of installed) {
    if (other.id === parsed.pack.id) continue;
    for (const entity of other.entities) owners.set(entity.id, other.id);
  }
  const clashes = parsed.pack.entities.flatMap((e) =>
    owners.has(e.id) ? [`entity "${e.id}": id: already used by pack "${owners.get(e.id)}"`] : [],
  );
  return [...checkPack(parsed.pack, texts), ...checkReferences(parsed.pack), ...clashes];
}

/**
 * A pack file as a new draft to edit. A draft exported before it was finished does not pass the
 * schema yet: it opens all the same when its shape is editable (the checker then lists what is
 * left). A bad or truncated file gives the errors and no draft.
 */
export function draftFromFile(
  text: string,
  id: string,
  now = Date.now(),
): { ok: true; draft: Draft } | { ok: false; errors: string[] } {
  const parsed = parsePackFile(text);
  if (parsed.ok) {
    return {
      ok: true,
      draft: { id, pack: parsed.pack, texts: Object.fromEntries(parsed.texts), selectors: {}, savedAt: now },
    };
  }
  const unfinished = unfinishedDraft(text);
  return unfinished ? { ok: true, draft: { id, ...unfinished, selectors: {}, savedAt: now } } : parsed;
}

const optionalArray = (value: unknown) => value === undefined || Array.isArray(value);

/** A pack file of ours whose pack has the shape the editor's forms need, valid or not. */
function unfinishedDraft(text: string): { pack: PackInput; texts: Record<string, string> } | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  if (!isRecord(json) || json.format !== PACK_FILE_FORMAT || json.version !== PACK_FILE_VERSION) return null;
  const { pack, sources } = json;
  if (!isRecord(sources) || !Object.values(sources).every((v) => typeof v === 'string')) return null;
  if (!isRecord(pack) || !Array.isArray(pack.sources) || !Array.isArray(pack.entities)) return null;
  if (!pack.sources.every(isRecord)) return null;
  const editable = pack.entities.every(
    (e) =>
      isRecord(e) &&
      isRecord(e.aliases) &&
      Object.values(e.aliases).every(Array.isArray) &&
      [e.analysis, e.facts, e.timeline, e.related].every(optionalArray),
  );
  if (!editable) return null;
  return { pack: pack as unknown as PackInput, texts: sources as Record<string, string> };
}

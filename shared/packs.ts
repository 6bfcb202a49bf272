/**
 * The packs Gloss uses: the bundled ones plus those the reader imported, minus disabled ones.
 * Imported packs are validated again on every read, so a corrupt store can never reach a page; the
 * background keeps what it read until the packs change (background/pack-cache.ts).
 */
import { storage } from '@wxt-dev/storage';
import kazakhstan2022 from '../data/packs/kazakhstan-2022.json';
import { parsePack } from '../data/load';
import { parsePackFile } from '../data/pack-file';
import { checkPack } from '../data/check';
import { checkReferences } from '../data/references';
import type { Pack } from '../data/schema';

export const BUNDLED_PACKS: readonly Pack[] = [kazakhstan2022 as unknown as Pack];

export const importedPacksItem = storage.defineItem<unknown[]>('local:imported-packs', {
  fallback: [],
  version: 1,
});

export const disabledPacksItem = storage.defineItem<string[]>('local:disabled-packs', {
  fallback: [],
  version: 1,
});

export async function getImportedPacks(): Promise<Pack[]> {
  const raw = await importedPacksItem.getValue();
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((value) => {
    const result = parsePack(value);
    return result.ok ? [result.pack] : [];
  });
}

export async function getDisabledPackIds(): Promise<string[]> {
  const raw = await disabledPacksItem.getValue();
  return Array.isArray(raw) ? raw.filter((id): id is string => typeof id === 'string') : [];
}

export async function getAllPacks(): Promise<Pack[]> {
  const imported = await getImportedPacks();
  const bundledIds = new Set(BUNDLED_PACKS.map((p) => p.id));
  return [...BUNDLED_PACKS, ...imported.filter((p) => !bundledIds.has(p.id))];
}

export async function getEnabledPacks(): Promise<Pack[]> {
  const [all, disabled] = await Promise.all([getAllPacks(), getDisabledPackIds()]);
  return all.filter((p) => !disabled.includes(p.id));
}

// ---------------------------------------------------------------------------------------------
// Managing packs from the options page. Nothing here runs in the content script.

/** Larger than any sensible pack, and well inside `storage.local`'s 10 MB. */
export const MAX_PACK_BYTES = 2_000_000;

export const isBundledPack = (id: string) => BUNDLED_PACKS.some((p) => p.id === id);

export type PackImportFailure =
  | 'too-large'
  /** JSON syntax or schema errors: `errors` name the entity and field path. */
  | 'invalid'
  /** Checker rules (aliases, related ids): `errors` name the entity and field path. */
  | 'checker'
  /** The id of a bundled pack: `errors` holds the id. */
  | 'bundled-id'
  /** Entity ids already used by another pack: one line per entity. */
  | 'entity-clash';

export type PackValidation =
  | {
      ok: true;
      pack: Pack;
      /** The imported pack this one replaces (same id), if any. */
      replaces: Pack | null;
      /** True for a bare pack: it brings no source text, so its quotes could not be checked. A pack
       *  file with its source texts inside (data/pack-file.ts, the pack editor's export) is checked whole. */
      quotesUnverified: boolean;
      /** References outside the reference policy: shown, but they do not stop the import. */
      warnings: string[];
    }
  | { ok: false; reason: PackImportFailure; errors: string[] };

/**
 * The checker's rules that need no source text. An imported pack brings no source files, so
 * the verbatim-quote rule cannot run; every other rule does (the UI says which one was skipped).
 */
export function checkImportedPack(pack: Pack): string[] {
  const withoutTexts: Pack = {
    ...pack,
    sources: pack.sources.map(({ file: _file, ...source }) => source),
    entities: pack.entities.map((entity) => ({ ...entity, analysis: [] })),
  };
  return checkPack(withoutTexts, new Map());
}

/**
 * Validates a pack file's text against the schema, the checker rules and the packs already
 * installed. Pure: `installed` are the packs in use now (bundled and imported).
 */
export function validatePackText(text: string, installed: readonly Pack[], imported: readonly Pack[]): PackValidation {
  if (new TextEncoder().encode(text).length > MAX_PACK_BYTES) {
    return { ok: false, reason: 'too-large', errors: [String(MAX_PACK_BYTES)] };
  }
  const parsed = parsePackFile(text);
  if (!parsed.ok) return { ok: false, reason: 'invalid', errors: parsed.errors };
  const pack = parsed.pack;
  if (isBundledPack(pack.id)) return { ok: false, reason: 'bundled-id', errors: [pack.id] };
  const problems = parsed.bundled ? checkPack(pack, parsed.texts) : checkImportedPack(pack);
  if (problems.length) return { ok: false, reason: 'checker', errors: problems };
  // Entity ids are global (cards, the side panel, rejected aliases use them): no two packs share one.
  const owners = new Map<string, string>();
  for (const other of installed) {
    if (other.id === pack.id) continue;
    for (const entity of other.entities) owners.set(entity.id, other.id);
  }
  const clashes = pack.entities.flatMap((entity) => {
    const owner = owners.get(entity.id);
    return owner ? [`entity "${entity.id}": id: already used by pack "${owner}"`] : [];
  });
  if (clashes.length) return { ok: false, reason: 'entity-clash', errors: clashes };
  return {
    ok: true,
    pack,
    replaces: imported.find((p) => p.id === pack.id) ?? null,
    quotesUnverified: !parsed.bundled,
    warnings: checkReferences(pack),
  };
}

/** Validates and stores a pack; a bad file changes nothing. A pack with an imported pack's id replaces it. */
export async function importPackText(text: string): Promise<PackValidation> {
  const [installed, imported] = await Promise.all([getAllPacks(), getImportedPacks()]);
  const result = validatePackText(text, installed, imported);
  if (!result.ok) return result;
  const raw = await importedPacksItem.getValue();
  const kept = (Array.isArray(raw) ? raw : []).filter(
    (value) => (value as { id?: unknown } | null)?.id !== result.pack.id,
  );
  await importedPacksItem.setValue([...kept, result.pack]);
  return result;
}

export async function removeImportedPack(id: string): Promise<void> {
  const raw = await importedPacksItem.getValue();
  const list = Array.isArray(raw) ? raw : [];
  await importedPacksItem.setValue(list.filter((value) => (value as { id?: unknown } | null)?.id !== id));
  const disabled = await getDisabledPackIds();
  if (disabled.includes(id)) await disabledPacksItem.setValue(disabled.filter((d) => d !== id));
}

export async function setPackEnabled(id: string, enabled: boolean): Promise<void> {
  const disabled = await getDisabledPackIds();
  const next = enabled ? disabled.filter((d) => d !== id) : disabled.includes(id) ? disabled : [...disabled, id];
  await disabledPacksItem.setValue(next);
}

/** All packs, the imported ones and the disabled ids, as the pages that list packs show them. */
export interface PackLibrary {
  all: Pack[];
  imported: Pack[];
  disabled: string[];
}

/** The pack library read at once and again on every change (for `useStoredItem`). */
export const packLibrary = {
  getValue: async (): Promise<PackLibrary> => {
    const [all, imported, disabled] = await Promise.all([getAllPacks(), getImportedPacks(), getDisabledPackIds()]);
    return { all, imported, disabled };
  },
  watch: (callback: (value: PackLibrary) => void): (() => void) =>
    watchPacks(() => void packLibrary.getValue().then(callback)),
};

/** Calls back whenever the imported or disabled packs change. */
export function watchPacks(callback: () => void): () => void {
  const offs = [importedPacksItem.watch(callback), disabledPacksItem.watch(callback)];
  return () => offs.forEach((off) => off());
}

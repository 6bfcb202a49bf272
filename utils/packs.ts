/**
 * The packs Gloss uses: the bundled ones plus those the reader imported, minus disabled ones.
 * Imported packs are validated again on every read, so a corrupt store can never reach a page.
 */
import { storage } from '@wxt-dev/storage';
import kazakhstan2022 from '../data/packs/kazakhstan-2022.json';
import { parsePack } from '../data/load';
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

/**
 * A setting that follows the reader: kept in `storage.sync`, mirrored in `storage.local`, read
 * from whichever area holds the current value. This module is the only place that knows about
 * the two areas; callers get `getValue`, `setValue` and `watch` as from a storage item.
 *
 * - Writes go to local first (always possible, so the value is never lost), then to sync.
 * - When sync refuses a value (its quota is 8 KB an item and 100 KB in all; a long site list can
 *   exceed it) the value stays in local and `local:sync-fallback` says so, with the reason, until
 *   a later write fits again. While that mark is set, local holds the current value.
 * - Without `storage.sync` (a browser without it, or sync switched off in Firefox) everything
 *   stays in local and no mark is needed.
 * - A value written by an older Gloss exists in local only: it is read from there until
 *   `adoptLocal` (run by the background on update) copies it to sync, so no reader ever sees the
 *   default in place of their lists.
 * The stored shapes, versions and migrations are those of the settings; both areas carry them.
 */
import { storage, type StorageItemKey } from '@wxt-dev/storage';
import { errorMessage, isQuotaError, isRateError } from './storage-errors';
import { browser } from 'wxt/browser';
import { fieldsOf } from '../core/site-settings';
import { SETTING_NAMES } from '../core/page-settings';

export interface SyncFallback {
  /** Too large for sync's quota; written too often (sync allows 120 writes a minute); other. */
  reason: 'quota' | 'rate' | 'error';
  /** The browser's own words, for the troubleshooting info. */
  message: string;
  at: number;
}
export type SyncFallbacks = Record<string, SyncFallback>;

export function sanitizeFallbacks(value: unknown): SyncFallbacks {
  const out: SyncFallbacks = {};
  for (const [name, entry] of Object.entries(fieldsOf(value))) {
    const { reason, message, at } = fieldsOf(entry);
    if (reason !== 'quota' && reason !== 'rate' && reason !== 'error') continue;
    out[name] = { reason, message: typeof message === 'string' ? message : '', at: typeof at === 'number' ? at : 0 };
  }
  return out;
}

export const syncFallbackItem = storage.defineItem<SyncFallbacks>(`local:${SETTING_NAMES.syncFallback}`, {
  fallback: {},
  version: 1,
});

export const getSyncFallbacks = async (): Promise<SyncFallbacks> =>
  sanitizeFallbacks(await syncFallbackItem.getValue());

async function markFallback(name: string, entry: SyncFallback | null): Promise<void> {
  const { [name]: was, ...rest } = await getSyncFallbacks();
  if (!entry && !was) return;
  await syncFallbackItem.setValue(entry ? { ...rest, [name]: entry } : rest);
}

/** Whether this browser has `storage.sync` at all. */
export function hasSyncArea(): boolean {
  try {
    return !!browser.storage?.sync;
  } catch {
    return false;
  }
}

export const fallbackOf = (error: unknown): SyncFallback => {
  const reason = isRateError(error) ? 'rate' : isQuotaError(error) ? 'quota' : 'error';
  return { reason, message: errorMessage(error), at: Date.now() };
};

export interface ItemOptions<T> {
  fallback: T;
  version: number;
  migrations?: Record<number, (value: unknown) => unknown>;
}

export interface SyncedItem<T> {
  readonly name: string;
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  /** Called with the new value and the one delivered before (or read when watching began). */
  watch(callback: (value: T, old: T) => void): () => void;
  /** Copies a value that exists in local only (written by an older Gloss) to sync. */
  adoptLocal(): Promise<void>;
}

export function defineSyncedItem<T>(name: string, options: ItemOptions<T>): SyncedItem<T> {
  const local = storage.defineItem<T>(`local:${name}` as StorageItemKey, options as never);
  // No fallback here: an empty sync area must read as null, so local is asked instead.
  const sync = hasSyncArea()
    ? storage.defineItem<T | null>(`sync:${name}` as StorageItemKey, {
        version: options.version,
        migrations: options.migrations as never,
      })
    : null;

  const getValue = async (): Promise<T> => {
    if (sync && !(name in (await getSyncFallbacks()))) {
      const value = await sync.getValue().catch(() => null);
      if (value !== null && value !== undefined) return value;
    }
    return await local.getValue();
  };

  const setValue = async (value: T): Promise<void> => {
    await local.setValue(value);
    if (!sync) return;
    try {
      // Value and version in one write: sync counts writes (120 a minute), and a value must never
      // arrive on another device without the version its migrations start from.
      await sync.getMeta(); // waits for the item's own migration of what sync held
      await browser.storage.sync.set({ [name]: value, [`${name}$`]: { v: options.version } });
      await markFallback(name, null);
    } catch (error) {
      await markFallback(name, fallbackOf(error));
    }
  };

  const watch = (callback: (value: T, old: T) => void) => {
    let live = true;
    let last: { json: string; value: T } | null = null;
    let seq = 0;
    void getValue().then(
      (value) => {
        if (seq === 0) last ??= { json: JSON.stringify(value), value };
      },
      () => undefined,
    );
    const check = () => {
      seq++;
      void getValue().then(
        (value) => {
          const json = JSON.stringify(value);
          if (!live || json === last?.json) return;
          const old = last?.value ?? options.fallback;
          last = { json, value };
          callback(value, old);
        },
        () => undefined,
      );
    };
    const offs = [local.watch(check), syncFallbackItem.watch(check), ...(sync ? [sync.watch(check)] : [])];
    return () => {
      live = false;
      offs.forEach((off) => off());
    };
  };

  const adoptLocal = async () => {
    if (!sync) return;
    const stored = await storage.getItem<T>(`local:${name}` as StorageItemKey);
    if (stored === null || name in (await getSyncFallbacks())) return;
    const synced = await sync.getValue().catch(() => null);
    if (synced !== null && synced !== undefined) return;
    await setValue(await local.getValue());
  };

  return { name, getValue, setValue, watch, adoptLocal };
}

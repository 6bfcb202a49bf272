/**
 * A stored value in a view: read once, then followed on every change, its watcher removed with
 * the view. `undefined` while loading. Every value passes the sanitizer, so a corrupt store shows
 * as the default the rest of Gloss reads, never as a crash.
 */
import { useEffect, useState } from 'preact/hooks';

/** What the hook needs of a storage item (a @wxt-dev/storage item, a synced setting, the packs). */
export interface StoredSource<R> {
  getValue(): Promise<R>;
  watch(callback: (value: R) => void): () => void;
}

export function useStoredItem<R, T>(item: StoredSource<R>, sanitize: (raw: R) => T): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let live = true;
    const off = item.watch((raw) => {
      if (live) setValue(sanitize(raw));
    });
    // A change seen by the watcher is newer than this first read: the read does not overwrite it.
    item.getValue().then(
      (raw) => {
        if (live) setValue((seen) => (seen === undefined ? sanitize(raw) : seen));
      },
      () => undefined,
    );
    return () => {
      live = false;
      off();
    };
    // The sanitizer is a module function: the item alone says what is read.
  }, [item]);
  return value;
}

/** The sanitizer for sources that already hand out checked values. */
export const asIs = <T>(value: T): T => value;

/**
 * Draft packs of the pack editor, kept in `storage.local` as they are typed (they survive a crash
 * of the browser), and the quote a page sent that the editor has yet to take.
 *
 * `local:pack-drafts` v1: a list of `Draft`. Entries that do not read as a draft are kept as
 * stored (a save rewrites only its own draft), so a damaged entry never takes the others with it.
 * `local:pending-quote` v1: the last `QuoteCapture` from a page, or null.
 */
import { storage } from '@wxt-dev/storage';
import { inSeries } from '../core/in-series';
import { isRecord } from '../data/records';
import { errorMessage, isQuotaError } from './storage-errors';
import type { QuoteCapture } from '../core/messages';
import { isQuoteCapture } from '../core/messages';
import type { PackInput } from '../data/schema';
import type { TextQuoteSelector } from '../data/text-quote';

export interface Draft {
  /** The draft's own id: the pack id can change while it is edited. */
  id: string;
  /** The pack as typed: it may not validate yet. */
  pack: PackInput;
  /** Source texts by the source's `file` path (`sources/<id>.txt`). */
  texts: Record<string, string>;
  /** Where each quote was selected, by `<entity id>/<analysis index>` (W3C TextQuoteSelector). */
  selectors: Record<string, TextQuoteSelector>;
  savedAt: number;
}

export const draftsItem = storage.defineItem<unknown[]>('local:pack-drafts', { fallback: [], version: 1 });

export const pendingQuoteItem = storage.defineItem<QuoteCapture | null>('local:pending-quote', {
  fallback: null,
  version: 1,
});

/** A stored value as a draft, or null when it is not one. */
export function sanitizeDraft(value: unknown): Draft | null {
  if (!isRecord(value) || typeof value.id !== 'string' || !value.id || !isRecord(value.pack)) return null;
  const texts: Record<string, string> = {};
  if (isRecord(value.texts)) for (const [k, v] of Object.entries(value.texts)) if (typeof v === 'string') texts[k] = v;
  const selectors: Record<string, TextQuoteSelector> = {};
  if (isRecord(value.selectors)) {
    for (const [k, v] of Object.entries(value.selectors)) {
      if (isRecord(v) && typeof v.exact === 'string' && typeof v.prefix === 'string' && typeof v.suffix === 'string')
        selectors[k] = { type: 'TextQuoteSelector', exact: v.exact, prefix: v.prefix, suffix: v.suffix };
    }
  }
  return {
    id: value.id,
    pack: value.pack as unknown as PackInput,
    texts,
    selectors,
    savedAt: typeof value.savedAt === 'number' ? value.savedAt : 0,
  };
}

export async function getDrafts(): Promise<Draft[]> {
  const raw = await draftsItem.getValue();
  return (Array.isArray(raw) ? raw : []).flatMap((value) => sanitizeDraft(value) ?? []);
}

export type SaveResult = { ok: true; savedAt: number } | { ok: false; reason: 'quota' | 'failed'; message: string };

/**
 * Writes to the draft list one after another: autosave, a new draft, the flush when the editor
 * closes and a delete each read the whole list and write it back, and two overlapping would lose
 * the first one's change.
 */
const queued = inSeries();

/**
 * Stores one draft, keeping every other entry as stored. A failed write changes nothing: the
 * last draft that was saved stays, and the caller keeps the edit in memory to export or retry.
 */
export function saveDraft(draft: Draft, now = Date.now()): Promise<SaveResult> {
  return queued(() => writeDraft(draft, now));
}

async function writeDraft(draft: Draft, now: number): Promise<SaveResult> {
  try {
    const raw = await draftsItem.getValue();
    const list = Array.isArray(raw) ? raw : [];
    const saved = { ...draft, savedAt: now };
    const at = list.findIndex((value) => isRecord(value) && value.id === draft.id);
    const next = at >= 0 ? list.map((value, i) => (i === at ? saved : value)) : [...list, saved];
    await draftsItem.setValue(next);
    return { ok: true, savedAt: now };
  } catch (error) {
    return {
      ok: false,
      reason: isQuotaError(error) ? 'quota' : 'failed',
      message: errorMessage(error),
    };
  }
}

export function deleteDraft(id: string): Promise<void> {
  return queued(async () => {
    const raw = await draftsItem.getValue();
    await draftsItem.setValue((Array.isArray(raw) ? raw : []).filter((value) => !(isRecord(value) && value.id === id)));
  });
}

export function watchDrafts(callback: () => void): () => void {
  return draftsItem.watch(callback);
}

/**
 * The quote a page sent. It stays until the curator adds it to a draft or discards it, so a
 * closed or crashed editor tab shows it again.
 */
export async function getPendingQuote(): Promise<QuoteCapture | null> {
  const value = await pendingQuoteItem.getValue();
  return isQuoteCapture(value) ? value : null;
}

export async function clearPendingQuote(): Promise<void> {
  await pendingQuoteItem.setValue(null);
}

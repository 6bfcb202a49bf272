/**
 * One draft being edited: every change is kept for undo and saved shortly after (autosave), so a
 * crash loses at most the last moment's typing. A save the browser refuses (storage full) is said,
 * the edit stays on screen to export or retry, and the last saved draft stays as it was.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { PackInput } from '../../data/schema';
import { saveDraft, type Draft, type SaveResult } from '../../shared/drafts';

/** Typing in one field within this time is one undo step, not one per key. */
const COALESCE_MS = 1000;
const SAVE_DELAY_MS = 400;
const UNDO_LIMIT = 200;

export type SaveState =
  { kind: 'saved'; at: number } | { kind: 'pending' } | { kind: 'failed'; reason: 'quota' | 'failed'; message: string };

export interface DraftEditing {
  draft: Draft;
  /** Changes the pack; `key` names the field, so typing in it is one undo step. */
  edit(key: string, change: (pack: PackInput) => void): void;
  /** Replaces the whole draft (a quote added), as one undo step. */
  replace(next: Draft): void;
  undo(): void;
  canUndo: boolean;
  save: SaveState;
  /** Saves now (the retry after a failed save, and before leaving). */
  flush(): Promise<void>;
}

export function useDraft(initial: Draft, save: (draft: Draft) => Promise<SaveResult> = saveDraft): DraftEditing {
  const [draft, setDraft] = useState(initial);
  const [saveState, setSaveState] = useState<SaveState>({ kind: 'saved', at: initial.savedAt });
  const undoStack = useRef<Draft[]>([]);
  const last = useRef<{ key: string; at: number } | null>(null);
  const current = useRef(draft);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const dirty = useRef(false);

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    if (!dirty.current) return;
    dirty.current = false;
    const result = await save(current.current);
    if (result.ok) setSaveState({ kind: 'saved', at: result.savedAt });
    else {
      // Still unsaved: the next edit or the retry tries again.
      dirty.current = true;
      setSaveState({ kind: 'failed', reason: result.reason, message: result.message });
    }
  }, [save]);

  const commit = useCallback(
    (next: Draft) => {
      current.current = next;
      dirty.current = true;
      setDraft(next);
      setSaveState((s) => (s.kind === 'saved' ? { kind: 'pending' } : s));
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [flush],
  );

  const remember = (key: string) => {
    const now = Date.now();
    const same = last.current && last.current.key === key && now - last.current.at < COALESCE_MS;
    if (!same) {
      undoStack.current.push(current.current);
      if (undoStack.current.length > UNDO_LIMIT) undoStack.current.shift();
    }
    last.current = { key, at: now };
  };

  const edit = useCallback(
    (key: string, change: (pack: PackInput) => void) => {
      remember(key);
      const pack = structuredClone(current.current.pack);
      change(pack);
      commit({ ...current.current, pack });
    },
    [commit],
  );

  const replace = useCallback(
    (next: Draft) => {
      remember(`replace:${Date.now()}`);
      commit(next);
    },
    [commit],
  );

  const undo = useCallback(() => {
    const previous = undoStack.current.pop();
    last.current = null;
    if (previous) commit(previous);
  }, [commit]);

  useEffect(() => {
    const leave = () => void flush();
    addEventListener('pagehide', leave);
    return () => {
      removeEventListener('pagehide', leave);
      void flush();
    };
  }, [flush]);

  return { draft, edit, replace, undo, canUndo: undoStack.current.length > 0, save: saveState, flush };
}

/**
 * Which mentions carry a highlight: every one, or the first of each entity (the reader's
 * density), and never more than MAX_MARKS. Chromium repaints every registered range, so a
 * pathological page (100,000 mentions) would stall each frame; past the cap the first
 * mentions in document order stay marked and the side panel still lists them all.
 * Kept incremental: a batch of new mentions costs one comparison each, never a sort.
 */
import type { Highlighter } from './highlighter';
import type { Prefs } from '../core/page-settings';
import { precedes, type Mention, type MentionStore } from './mentions';

export const MAX_MARKS = 5_000;

export type Density = Prefs['density'];

export class Marks {
  private readonly marked = new Set<Mention>();
  /** With density "first": the earliest mention of each entity. */
  private readonly firstOf = new Map<string, Mention>();

  constructor(
    private readonly store: MentionStore,
    private readonly highlighter: Highlighter,
    private density: Density,
    private readonly max = MAX_MARKS,
  ) {}

  get size(): number {
    return this.marked.size;
  }

  private mark(m: Mention) {
    if (this.marked.has(m) || this.marked.size >= this.max) return;
    this.marked.add(m);
    this.highlighter.add(m.range, m.group);
  }

  private unmark(m: Mention) {
    if (this.marked.delete(m)) this.highlighter.remove(m.range, m.group);
  }

  added(mentions: readonly Mention[]): void {
    if (this.density === 'all') {
      // Scans run in document order, so the cap keeps the page's first mentions.
      for (const m of mentions) this.mark(m);
      return;
    }
    for (const m of mentions) {
      const first = this.firstOf.get(m.entityId);
      if (first && (this.store.appendsInOrder || !precedes(m, first))) continue;
      if (first) this.unmark(first);
      this.firstOf.set(m.entityId, m);
      this.mark(m);
    }
  }

  removed(mentions: readonly Mention[]): void {
    let lostFirst = false;
    for (const m of mentions) {
      this.unmark(m);
      if (this.firstOf.get(m.entityId) === m) {
        this.firstOf.delete(m.entityId);
        lostFirst = true;
      }
    }
    // Rare (the first mention of an entity left the page): find the new first ones. Past the cap,
    // removed marks are not backfilled: that would sort the whole store on every change.
    if (lostFirst) this.rebuild();
  }

  setDensity(density: Density): void {
    if (density === this.density) return;
    this.density = density;
    this.rebuild();
  }

  /** Recomputes every mark from the store, in document order. */
  rebuild(): void {
    const wanted = new Set<Mention>();
    this.firstOf.clear();
    for (const m of this.store.ordered()) {
      if (wanted.size >= this.max) break;
      if (this.density === 'first') {
        if (this.firstOf.has(m.entityId)) continue;
        this.firstOf.set(m.entityId, m);
      }
      wanted.add(m);
    }
    for (const m of [...this.marked]) if (!wanted.has(m)) this.unmark(m);
    for (const m of wanted) this.mark(m);
  }
}

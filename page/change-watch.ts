/**
 * Which of the page's changes Gloss hears of. Normally all of them: new text anywhere must be
 * found. But on a page that changes without pause (a ticker, a live feed), the document-wide
 * observer is itself what the page feels: the browser builds a record for every change, and a
 * bare observer that does nothing with them makes the page's own DOM updates 1.87× slower
 * (bench/dynamic.ts, 20,000 rounds of five changes). So while the page floods, Gloss steps back:
 * it watches only the text it marked (a mark is never painted on changed text), and after a pause
 * it listens to the whole page again and rescans it once, keeping the marks found again in place.
 */
import type { Mention } from './mentions';

/**
 * More records than this within FLOOD_WINDOW_MS is a flood. A page loading or a reader scrolling
 * an infinite feed makes hundreds at a time; the dynamic bench page makes 500 in every task.
 * At the bare observer's measured cost (about 0.3 µs per record, same bench), 2,000 a second take
 * under 1 ms of the page's second: below this, stepping back would save the page nothing it feels.
 */
export const FLOOD_RECORDS = 2_000;
export const FLOOD_WINDOW_MS = 1_000;
/** The first pause after a flood; it doubles while the page floods again as soon as it is heard. */
export const BACKOFF_MIN_MS = 1_000;
export const BACKOFF_MAX_MS = 32_000;

export interface ChangeWatchOptions {
  doc: Document;
  onRecords: (records: MutationRecord[]) => void;
  /** The mentions marked now: watched one by one while stepped back. */
  marked: () => Iterable<Mention>;
  /** After a pause: everything may have changed unheard. */
  rescanAll: () => void;
  now?: () => number;
}

const ALL: MutationObserverInit = { childList: true, subtree: true, characterData: true };

export class ChangeWatch {
  private readonly observer: MutationObserver;
  /** While stepped back: the marked text only. */
  private narrow: MutationObserver | null = null;
  private windowStart = 0;
  private windowRecords = 0;
  private backoffMs = BACKOFF_MIN_MS;
  /** When the page was last listened to in full again after a pause. */
  private resumedAt = -Infinity;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly now: () => number;

  constructor(private readonly options: ChangeWatchOptions) {
    const view = options.doc.defaultView!;
    this.now = options.now ?? (() => performance.now());
    this.observer = new view.MutationObserver((records) => this.heard(records));
  }

  get steppedBack(): boolean {
    return this.narrow !== null;
  }

  start(): void {
    // The document itself, not its root element: a rewrite replaces the root.
    this.observer.observe(this.options.doc, ALL);
  }

  stop(): void {
    this.observer.disconnect();
    this.narrow?.disconnect();
    this.narrow = null;
    clearTimeout(this.timer);
  }

  /** A new mark made while stepped back is watched too. */
  marked(mention: Mention): void {
    if (this.narrow) this.watchMention(this.narrow, mention);
  }

  private heard(records: MutationRecord[]) {
    const now = this.now();
    if (now - this.windowStart > FLOOD_WINDOW_MS) {
      this.windowStart = now;
      this.windowRecords = 0;
    }
    this.windowRecords += records.length;
    this.options.onRecords(records);
    if (this.windowRecords > FLOOD_RECORDS && !this.narrow) this.stepBack(now);
  }

  private stepBack(now: number) {
    // Flooding again right after the last pause: a longer one.
    this.backoffMs =
      now - this.resumedAt <= FLOOD_WINDOW_MS ? Math.min(this.backoffMs * 2, BACKOFF_MAX_MS) : BACKOFF_MIN_MS;
    const pending = this.observer.takeRecords();
    this.observer.disconnect();
    if (pending.length) this.options.onRecords(pending);
    const view = this.options.doc.defaultView!;
    const narrow = new view.MutationObserver((records) => this.options.onRecords(records));
    for (const mention of this.options.marked()) this.watchMention(narrow, mention);
    this.narrow = narrow;
    this.timer = setTimeout(() => this.resume(), this.backoffMs);
  }

  private resume() {
    const narrow = this.narrow;
    this.narrow = null;
    if (narrow) {
      const pending = narrow.takeRecords();
      narrow.disconnect();
      if (pending.length) this.options.onRecords(pending);
    }
    this.resumedAt = this.windowStart = this.now();
    this.windowRecords = 0;
    this.start();
    this.options.rescanAll();
  }

  /**
   * A mention in one text node changes only if that node's text does (removed, its range no longer
   * paints: it is not in the document); one split across nodes also if something comes between
   * its pieces, so their common parent is watched.
   */
  private watchMention(observer: MutationObserver, mention: Mention) {
    const { nodes, range } = mention;
    if (nodes.length === 1) {
      observer.observe(nodes[0]!, { characterData: true });
      return;
    }
    let common: Node | null = range.startContainer;
    while (common && !common.contains(range.endContainer)) common = common.parentNode;
    if (common) observer.observe(common, ALL);
  }
}

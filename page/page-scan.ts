/**
 * Keeps the page's mentions current: a first scan in slices, then rescans of changed subtrees.
 * Reads the page, never writes it.
 */
import type { EntityGroup } from '../data/groups';
import { CHUNK_CHARS, findInChunks } from '../core/chunked-find';
import type { Match, Matcher } from '../core/matcher';
import { RunCollector, placeOf, type TextRun } from './scanner';
import type { Mention, MentionStore } from './mentions';
import { ChangeWatch } from './change-watch';
import { hasElement, onlyExcluded, staleMentions } from './mutation-records';
import { LOOK_CHUNK_CHARS, LOOK_OVERLAP_CHARS, renderedText } from './rendered-text';

/**
 * Longest stretch of work before giving the page its main thread back. Short, because a young-
 * generation GC (20–40 ms on a 4 MB page, mostly the wrappers of the nodes the scan touched)
 * lands in whichever slice fills the heap: the less a slice allocates, the more often V8
 * collects between slices instead.
 */
const SLICE_MS = 4;
/**
 * Past this many changed elements in one batch, one rescan of the body is cheaper than many small
 * ones. Elements, not records: a ticker sends thousands of records a frame about one element, and
 * counting those made every frame of a busy page rescan all of it (bench/dynamic.ts).
 */
const FULL_RESCAN_ELEMENTS = 1000;

export interface PageScanOptions {
  doc: Document;
  matcher: Matcher;
  /**
   * The matcher without context rules (they only take matches away): where it finds nothing in the
   * page's rendered text, the whole-page walk is skipped (page/rendered-text.ts).
   */
  precheck?: Matcher;
  /** The highlight a match goes into; undefined for an entity the page does not know (left out). */
  groupOf: (match: Match) => EntityGroup | undefined;
  store: MentionStore;
  /** Our own UI, which must never be scanned. */
  exclude: (element: Element) => boolean;
  onAdded: (mentions: Mention[]) => void;
  onRemoved: (mentions: Mention[]) => void;
  /** After each scan or rescan completes. */
  onSettled: () => void;
  /**
   * The page replaced its root element (`document.open()` and `document.write` after load): every
   * mention is gone, and the page's listeners, ours included, were erased with the old document.
   */
  onDocumentReplaced?: () => void;
}

/** Resolves in a new task, so the page can paint and handle input in between. */
export const nextTask = () =>
  new Promise<void>((resolve) => {
    // MessageChannel runs before timers clamp to 4 ms or more, and is not throttled like rAF.
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

/** The mentions a rescan replaces: by each of their text nodes, and those not found again yet. */
interface Previous {
  byNode: Map<Node, Mention[]>;
  left: Set<Mention>;
}

export class PageScan {
  private watch: ChangeWatch | null = null;
  private pending = new Set<Node>();
  private flushScheduled = false;
  private queue: Node[] = [];
  /** While a rescan runs: the mentions it replaces, still marked until found again or reported gone. */
  private previous: Previous | null = null;
  private running = false;
  private stopped = false;
  /** Whether the first scan took its look at the rendered text (page/rendered-text.ts). */
  private looked = false;

  constructor(private readonly options: PageScanOptions) {}

  /** The marked mentions with text in `node`: in the store, or set aside by a rescan under way. */
  private readonly mentionsIn = (node: Node): Mention[] | undefined => {
    const stored = this.options.store.inNode(node);
    const aside = this.previous?.byNode.get(node)?.filter((m) => this.previous!.left.has(m));
    if (!aside?.length) return stored as Mention[] | undefined;
    return stored ? [...stored, ...aside] : aside;
  };

  /** Scans the whole document, then follows its changes. */
  start(): void {
    const { doc } = this.options;
    this.enqueue([doc.body ?? doc.documentElement]);
    if (!doc.defaultView) return;
    this.watch = new ChangeWatch({
      doc,
      onRecords: (records) => this.onMutations(records),
      marked: () => this.marked(),
      rescanAll: () => this.rescanAll(),
    });
    this.watch.start();
  }

  /** Whether the page changes so fast that only the marked text is watched for now (change-watch.ts). */
  get steppedBack(): boolean {
    return this.watch?.steppedBack ?? false;
  }

  stop(): void {
    this.stopped = true;
    this.watch?.stop();
    this.watch = null;
    this.queue = [];
    this.pending.clear();
  }

  /** Every mention painted now: those in the store and those a rescan under way has set aside. */
  private *marked(): Iterable<Mention> {
    yield* this.options.store.values();
    if (this.previous) yield* this.previous.left;
  }

  /** Rescans everything, e.g. after a navigation inside a single-page app. */
  rescanAll(): void {
    const { doc } = this.options;
    this.enqueue([doc.body ?? doc.documentElement]);
  }

  private onMutations(records: MutationRecord[]) {
    const { exclude, store } = this.options;
    let stale: Set<Mention> | null = null;
    for (const record of records) {
      const target = record.target;
      if (target.nodeType === 9 && record.type === 'childList' && hasElement(record.addedNodes)) {
        this.options.onDocumentReplaced?.();
        return;
      }
      const element = target.nodeType === 1 ? (target as Element) : target.parentElement;
      if (!element) continue;
      // A busy page sends thousands of records about the same few elements: decide about each once.
      if (!this.pending.has(element)) {
        if (this.isOurs(element, exclude)) continue;
        if (record.type === 'childList' && onlyExcluded(record, exclude)) continue;
        this.pending.add(element);
      }
      if (store.size || this.previous?.left.size) stale = staleMentions(record, this.mentionsIn, stale);
    }
    // Their static positions may now point at other text: unmarked before the next paint, found
    // again (or not) by the rescan of their block.
    if (stale?.size) {
      for (const mention of stale) {
        store.delete(mention);
        this.previous?.left.delete(mention);
      }
      this.options.onRemoved([...stale]);
    }
    if (this.pending.size && !this.flushScheduled) {
      this.flushScheduled = true;
      const view = this.options.doc.defaultView!;
      // One batch per frame; hidden tabs get no frames, so a timer stands in.
      const flush = () => {
        if (!this.flushScheduled) return;
        this.flushScheduled = false;
        this.flush();
      };
      view.requestAnimationFrame(flush);
      view.setTimeout(flush, 100);
    }
  }

  private isOurs(element: Element, exclude: (element: Element) => boolean): boolean {
    for (let el: Element | null = element; el; el = el.parentElement) if (exclude(el)) return true;
    return false;
  }

  private flush() {
    const { doc } = this.options;
    const body = doc.body ?? doc.documentElement;
    let roots: Node[];
    if (this.pending.size > FULL_RESCAN_ELEMENTS) roots = [body];
    else roots = [...this.pending].map((el) => this.blockOf(el as Element));
    this.pending.clear();
    this.enqueue(roots);
  }

  /** The nearest ancestor that is laid out as a block: the unit a text run cannot cross. */
  private blockOf(element: Element): Element {
    const view = this.options.doc.defaultView!;
    let el = element;
    while (el.parentElement && el !== this.options.doc.body) {
      const display = view.getComputedStyle(el).display;
      if (display !== 'inline' && display !== 'contents') break;
      el = el.parentElement;
    }
    return el;
  }

  private enqueue(roots: Node[]) {
    this.queue.push(...roots);
    if (!this.running) void this.drain();
  }

  private async drain() {
    this.running = true;
    try {
      while (this.queue.length && !this.stopped) {
        // Outermost roots only: a root inside another is rescanned with it.
        const roots = this.queue.filter(
          (root, i, all) =>
            root.isConnected &&
            !all.some((other, j) => j !== i && other !== root && other.contains(root)) &&
            all.indexOf(root) === i,
        );
        this.queue = [];
        // Kept aside rather than unmarked: a rescan finds most of them again at the same place
        // (a busy block's unchanged text), and unmarking and marking them anew would make the
        // browser repaint the highlights every frame.
        const previous: Previous = { byNode: new Map(), left: new Set() };
        for (const mention of this.options.store.removeWithin(roots)) {
          previous.left.add(mention);
          for (const node of mention.nodes) {
            const list = previous.byNode.get(node);
            if (list) list.push(mention);
            else previous.byNode.set(node, [mention]);
          }
        }
        this.previous = previous;
        // What is found now lies between mentions already known, unless the page was emptied.
        this.options.store.unordered();
        for (const root of roots) await this.scanRoot(root);
        this.previous = null;
        if (previous.left.size) this.options.onRemoved([...previous.left]);
      }
    } finally {
      this.running = false;
    }
    if (!this.stopped) this.options.onSettled();
  }

  private async scanRoot(root: Node) {
    let sliceStart = performance.now();
    const overdue = () => performance.now() - sliceStart > SLICE_MS;
    const pause = async () => {
      await nextTask();
      sliceStart = performance.now();
    };
    // The first scan only: later whole-page rescans (a single-page app's navigation, a flood of
    // changes) come on pages that grew or already have mentions, where the look would be one more
    // pass that cannot be cut into slices.
    if (this.options.precheck && !this.looked) {
      this.looked = true;
      if (!(await this.mayMention(root, overdue, pause))) return;
    }
    // After the look, which may have yielded: the walk starts from the page as it is now.
    const collector = new RunCollector(root, { exclude: this.options.exclude, shouldYield: overdue });
    while (!collector.done && !this.stopped) {
      const runs = collector.next();
      await this.register(runs, overdue, pause);
      if (collector.done || this.stopped) break;
      await pause();
      // The walk cannot go on from a node the page has removed meanwhile: start this root again.
      if (!collector.connected) {
        this.enqueue([root]);
        return;
      }
    }
  }

  /** False when the page's rendered text holds no match, so walking `root` would find nothing. */
  private async mayMention(root: Node, overdue: () => boolean, pause: () => Promise<void>): Promise<boolean> {
    const text = renderedText(this.options.doc, root);
    if (text === null) return true;
    const precheck = this.options.precheck!;
    // Loose about case: a style may have upper-cased what the walk reads in mixed case.
    const loose: Matcher = { aliasCount: precheck.aliasCount, find: (chunk) => precheck.find(chunk, true) };
    for (const matches of findInChunks(loose, text, LOOK_CHUNK_CHARS, LOOK_OVERLAP_CHARS)) {
      if (matches.length) return true;
      if (this.stopped) return false;
      if (overdue()) await pause();
    }
    return false;
  }

  /**
   * Matches the runs, handing the page its main thread back whenever the slice is used up: between
   * runs (text dense with mentions costs more to register than to collect) and between the pieces
   * of one very long run (a single huge text node).
   */
  private async register(runs: TextRun[], overdue: () => boolean, pause: () => Promise<void>) {
    const { matcher } = this.options;
    const added: Mention[] = [];
    // After a pause the page may have changed text the runs were read from: check before trusting.
    let paused = false;
    for (const run of runs) {
      // Most runs are one piece: match them without the chunking generator, whose cost per run shows
      // (bench --quick, one A/B: gloss-full 0.87× the floor with this path, 1.04× without).
      if (run.text.length <= CHUNK_CHARS) this.mentionsOf(run, matcher.find(run.text), added, paused);
      else {
        for (const matches of findInChunks(matcher, run.text)) {
          this.mentionsOf(run, matches, added, paused);
          if (overdue()) {
            if (!(await this.handOver(added, pause))) return;
            paused = true;
          }
        }
      }
      if (overdue()) {
        if (!(await this.handOver(added, pause))) return;
        paused = true;
      }
    }
    if (added.length) this.options.onAdded(added.splice(0));
  }

  /** Reports what was found so far and gives the page its thread back; false when stopped meanwhile. */
  private async handOver(added: Mention[], pause: () => Promise<void>): Promise<boolean> {
    if (added.length) this.options.onAdded(added.splice(0));
    await pause();
    return !this.stopped;
  }

  private mentionsOf(run: TextRun, matches: Match[], added: Mention[], paused: boolean) {
    const { groupOf, store } = this.options;
    for (const match of matches) {
      const group = groupOf(match);
      if (!group) continue;
      const text = run.text.slice(match.start, match.end);
      const { range, nodes } = placeOf(run, match.start, match.end);
      // A node changed since the run was read: its record has come and gone, and its block is
      // queued for a rescan, which finds what is there now. Never mark the old text's place.
      if (paused && nodes.some((node) => !run.text.startsWith(node.data, run.starts[run.nodes.indexOf(node)]!)))
        continue;
      const same = this.previous?.byNode
        .get(range.startContainer)
        ?.find(
          (m) =>
            this.previous!.left.has(m) &&
            m.range.startContainer === range.startContainer &&
            m.range.startOffset === range.startOffset &&
            m.range.endContainer === range.endContainer &&
            m.range.endOffset === range.endOffset &&
            m.entityId === match.entityId &&
            m.alias === match.alias &&
            m.text === text,
        );
      if (same) {
        // The same mention as before the rescan: it stays marked, nothing to report.
        this.previous!.left.delete(same);
        store.add(same);
        continue;
      }
      const mention: Mention = {
        entityId: match.entityId,
        group,
        alias: match.alias,
        lang: match.lang,
        text,
        range,
        nodes,
      };
      store.add(mention);
      added.push(mention);
      this.watch?.marked(mention);
    }
  }
}

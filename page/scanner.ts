/**
 * DOM → text runs → ranges. Pure DOM: no framework, no extension API, never writes to the page.
 *
 * A run is the rendered text of consecutive text nodes that share a block container, so a name
 * split across <em>, <a> or <span> is one string to match, while block boundaries, <br> and
 * replaced elements end a run.
 */

export interface TextRun {
  text: string;
  nodes: Text[];
  /** `starts[i]` is where `nodes[i]` begins in `text`. */
  starts: number[];
}

const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** Never visible text, or text that belongs to a form control or an editor. */
export const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'OPTGROUP',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'VIDEO',
  'AUDIO',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
]);

/** Elements that separate words even when laid out inline. */
const BREAKING_TAGS = new Set(['BR', 'IMG', 'HR', 'BUTTON', 'METER', 'PROGRESS']);

/** Displays that keep the text flowing in the same line box as its neighbours. */
const isInlineDisplay = (display: string) =>
  display === 'inline' || display === 'contents' || display === 'ruby' || display === 'ruby-text';

export interface ScanOptions {
  /** Elements to leave out entirely, e.g. our own UI host. */
  exclude?: (element: Element) => boolean;
  /** Stop and return when this returns true; a later `next()` continues from there. */
  shouldYield?: () => boolean;
}

/** What an element is to the walk: `SKIP`, or `INLINE` and `VISIBLE` bits. */
const SKIP = -1;
const INLINE = 1;
const VISIBLE = 2;

/** Not a space in the sense of `\s`: text without one cannot start a run. */
const NON_SPACE = /\S/;
const isBlank = (data: string): boolean => {
  const c = data.charCodeAt(0);
  return (c <= 0x20 || c >= 0x7f) && !NON_SPACE.test(data);
};

/**
 * Walks the visible text below `root`. Resumable: when `shouldYield` says so, `next()` returns
 * the runs so far and `done: false`, and a later `next()` continues where it stopped.
 *
 * The walk follows firstChild/nextSibling itself and keeps the path from the root on a stack,
 * so each element's visibility and box are looked up by depth: a TreeWalker filter would call
 * back into script for every node, which costs more than the rest of the walk together.
 */
export class RunCollector {
  private readonly view: (Window & typeof globalThis) | null;
  /** Per level of the path from the root (level 0): the element there, ... */
  private readonly path: Node[] = [];
  /** ... whether its text is visible, ... */
  private readonly visible: boolean[] = [];
  /** ... the nearest non-inline ancestor-or-self (the root at most): the box a run cannot leave, ... */
  private readonly boxes: Node[] = [];
  /** ... and whether leaving it ends the run. */
  private readonly blocks: boolean[] = [];
  private depth = 0;
  /** The next node to visit; its parent is `path[depth]`. */
  private node: Node | null;
  private current: TextRun | null = null;
  private currentBox: Node | null = null;
  private finished = false;

  constructor(
    root: Node,
    private readonly options: ScanOptions = {},
  ) {
    const doc = root.ownerDocument ?? (root as Document);
    this.view = doc.defaultView as (Window & typeof globalThis) | null;
    this.node = root.firstChild;
    let visible = true;
    if (root.nodeType === 1) {
      const kind = this.classify(root as Element);
      if (kind === SKIP) this.finished = true;
      visible = (kind & VISIBLE) !== 0;
    }
    // A root inside hidden or skipped content has nothing to report: a rescan of a block that changed
    // in a collapsed menu or an editor, or a whole page kept under `html { display: none }`.
    for (let el = root.parentElement; el && !this.finished; el = el.parentElement) {
      if (this.classify(el) === SKIP) this.finished = true;
    }
    this.path.push(root);
    this.visible.push(visible);
    this.boxes.push(root);
    this.blocks.push(true);
  }

  get done(): boolean {
    return this.finished;
  }

  /** False once the page moved or removed the nodes the walk stands on, so it cannot go on from there. */
  get connected(): boolean {
    if (this.finished) return true;
    const { node, path } = this;
    if (!node || !node.isConnected || node.parentNode !== path[this.depth]) return false;
    for (let d = this.depth; d > 0; d--) if (path[d]!.parentNode !== path[d - 1]) return false;
    return true;
  }

  /** Collects runs until the walk ends or `shouldYield` asks to stop. */
  next(): TextRun[] {
    const runs: TextRun[] = [];
    if (this.finished) return runs;
    const { shouldYield } = this.options;
    const { path, visible, boxes, blocks } = this;
    let node = this.node;
    let depth = this.depth;
    let count = 0;
    while (node) {
      const type = node.nodeType;
      let entered = false;
      if (type === 3) {
        if (visible[depth]) this.addText(node as Text, boxes[depth]!, runs);
      } else if (type === 1) {
        const el = node as Element;
        if (el.firstChild) {
          const kind = this.classify(el);
          if (kind !== SKIP) {
            const inline = (kind & INLINE) !== 0;
            if (!inline) this.endRun(runs);
            depth++;
            path[depth] = el;
            visible[depth] = (kind & VISIBLE) !== 0;
            boxes[depth] = inline ? boxes[depth - 1]! : el;
            blocks[depth] = !inline;
            node = el.firstChild;
            entered = true;
          }
        } else if (this.current) {
          // An empty element matters only as a line break inside an open run (<br>, <img>, an empty block).
          const kind = this.classify(el);
          if (kind !== SKIP && !(kind & INLINE)) this.endRun(runs);
        }
      }
      if (!entered) {
        // On to the next sibling, leaving the levels that have none.
        for (;;) {
          const sibling: Node | null = node!.nextSibling;
          if (sibling) {
            node = sibling;
            break;
          }
          if (depth === 0) {
            node = null;
            break;
          }
          if (blocks[depth]) this.endRun(runs);
          node = path[depth]!;
          depth--;
        }
      }
      // Checking the clock every node would cost more than the walk itself.
      if (node && shouldYield && ++count % 256 === 0 && shouldYield()) {
        this.node = node;
        this.depth = depth;
        return runs;
      }
    }
    this.endRun(runs);
    this.node = null;
    this.depth = 0;
    this.finished = true;
    return runs;
  }

  private addText(node: Text, box: Node, runs: TextRun[]) {
    const data = node.data;
    if (!data) return;
    if (this.current && box !== this.currentBox) this.endRun(runs);
    if (!this.current) {
      // A run starts at its first character that is not a space: leading space holds no mention.
      if (isBlank(data)) return;
      this.current = { text: '', nodes: [], starts: [] };
      this.currentBox = box;
    }
    this.current.starts.push(this.current.text.length);
    this.current.nodes.push(node);
    this.current.text += data;
  }

  private endRun(runs: TextRun[]) {
    if (!this.current) return;
    runs.push(this.current);
    this.current = null;
    this.currentBox = null;
  }

  private classify(element: Element): number {
    if (element.namespaceURI !== HTML_NS) return SKIP; // SVG, MathML
    const tag = element.tagName;
    if (SKIPPED_TAGS.has(tag)) return SKIP;
    if (this.options.exclude?.(element)) return SKIP;
    if (element.hasAttribute('hidden')) return SKIP;
    const editable = element.getAttribute('contenteditable');
    if (editable !== null && editable.toLowerCase() !== 'false') return SKIP;
    const style = this.view?.getComputedStyle(element);
    const display = style?.display || 'inline'; // '' from DOMs without full UA styles: the initial value
    if (display === 'none') return SKIP;
    const visibility = style?.visibility || 'visible';
    return (
      (!BREAKING_TAGS.has(tag) && isInlineDisplay(display) ? INLINE : 0) |
      (visibility !== 'hidden' && visibility !== 'collapse' ? VISIBLE : 0)
    );
  }
}

/** All runs below `root` in one go. */
export function collectRuns(root: Node, options: Omit<ScanOptions, 'shouldYield'> = {}): TextRun[] {
  return new RunCollector(root, options).next();
}

/** The text node and offset inside it of a position in a run. `end` prefers the earlier node. */
export function locate(run: TextRun, offset: number, end = false): { node: Text; offset: number; index: number } {
  const { starts, nodes } = run;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const start = starts[mid];
    if (start < offset || (!end && start === offset)) lo = mid;
    else hi = mid - 1;
  }
  return { node: nodes[lo], offset: offset - starts[lo], index: lo };
}

/**
 * A StaticRange over `[start, end)` of a run. Static, because the browser updates every live Range
 * of a document on every change to it: thousands of them made a busy page's own DOM work
 * 12× slower (issue 13). Its boundaries lie in text nodes, so only a change to those nodes can
 * make it stale, and the page scan drops such mentions from the mutation records at once.
 */
export function placeOf(run: TextRun, start: number, end: number): { range: StaticRange; nodes: Text[] } {
  const from = locate(run, start);
  const to = locate(run, end, true);
  const range = new StaticRange({
    startContainer: from.node,
    startOffset: from.offset,
    endContainer: to.node,
    endOffset: to.offset,
  });
  // The text nodes the range touches, for indexing mentions by node; most mentions lie in one.
  const nodes = from.index === to.index ? [from.node] : run.nodes.slice(from.index, to.index + 1);
  return { range, nodes };
}

/**
 * A live Range at the same place, for geometry (rectangles, scrolling) at the moment it is asked:
 * made when needed and dropped after, never kept. Offsets past the end of a node that changed
 * meanwhile are clamped rather than thrown on.
 */
export function liveRange(range: AbstractRange): Range {
  const live = range.startContainer.ownerDocument!.createRange();
  const clamp = (node: Node, offset: number) =>
    Math.min(offset, node.nodeType === 3 ? (node as Text).length : node.childNodes.length);
  live.setStart(range.startContainer, clamp(range.startContainer, range.startOffset));
  live.setEnd(range.endContainer, clamp(range.endContainer, range.endOffset));
  return live;
}

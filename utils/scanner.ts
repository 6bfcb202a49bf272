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
const SKIPPED_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'OPTGROUP',
  'IFRAME', 'OBJECT', 'EMBED', 'CANVAS', 'VIDEO', 'AUDIO', 'HEAD', 'TITLE', 'META', 'LINK',
]);

/** Elements that separate words even when laid out inline. */
const BREAKING_TAGS = new Set(['BR', 'IMG', 'HR', 'BUTTON', 'METER', 'PROGRESS']);

/** Displays that keep the text flowing in the same line box as its neighbours. */
const isInlineDisplay = (display: string) =>
  display === 'inline' || display === 'contents' || display === 'ruby' || display === 'ruby-text';

export interface ScanOptions {
  /** Elements to leave out entirely, e.g. our own UI host. */
  exclude?: (element: Element) => boolean;
  /** Stop and return when this returns true; `resume` continues from there. */
  shouldYield?: () => boolean;
}

interface ElementInfo {
  skip: boolean;
  inline: boolean;
  visible: boolean;
  /** The nearest non-inline ancestor-or-self (below the root): the box a run cannot leave. */
  container: Element | null;
}

/**
 * Walks the visible text below `root`. Resumable: when `shouldYield` says so, `next()` returns
 * the runs so far and `done: false`, and a later `next()` continues where it stopped.
 */
export class RunCollector {
  private readonly walker: TreeWalker;
  private readonly info = new Map<Element, ElementInfo>();
  private readonly view: (Window & typeof globalThis) | null;
  private current: TextRun | null = null;
  private currentContainer: Element | null = null;
  private finished = false;

  constructor(
    private readonly root: Node,
    private readonly options: ScanOptions = {},
  ) {
    const doc = root.ownerDocument ?? (root as Document);
    this.view = doc.defaultView as (Window & typeof globalThis) | null;
    this.walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => {
        if (node.nodeType !== 1) return NodeFilter.FILTER_ACCEPT;
        const info = this.infoOf(node as Element);
        // Inline elements neither end a run nor hold text themselves: walking into them without
        // handing them to `next()` saves a round trip per element.
        return info.skip ? NodeFilter.FILTER_REJECT : info.inline ? NodeFilter.FILTER_SKIP : NodeFilter.FILTER_ACCEPT;
      },
    });
    if (root.nodeType === 1 && this.infoOf(root as Element).skip) this.finished = true;
    // A root inside hidden or skipped content has nothing to report: a rescan of a block that changed
    // in a collapsed menu or an editor, or a whole page kept under `html { display: none }`.
    for (let el = root.parentElement; el && !this.finished; el = el.parentElement) {
      if (this.infoOf(el).skip) this.finished = true;
    }
  }

  get done(): boolean {
    return this.finished;
  }

  /** False once the page removed the node the walk stands on, so it cannot go on from there. */
  get connected(): boolean {
    return this.walker.currentNode.isConnected;
  }

  /** Collects runs until the walk ends or `shouldYield` asks to stop. */
  next(): TextRun[] {
    const runs: TextRun[] = [];
    if (this.finished) return runs;
    const { shouldYield } = this.options;
    let count = 0;
    for (let node = this.walker.nextNode(); node; node = this.walker.nextNode()) {
      // Elements reach here only when they are not inline (see acceptNode): they end the run.
      if (node.nodeType === 3) this.addText(node as Text, runs);
      else this.endRun(runs);
      // Checking the clock every node would cost more than the walk itself.
      if (shouldYield && ++count % 256 === 0 && shouldYield()) return runs;
    }
    this.endRun(runs);
    this.finished = true;
    return runs;
  }

  private addText(node: Text, runs: TextRun[]) {
    const data = node.data;
    if (!data) return;
    const parent = node.parentElement;
    if (!parent) return;
    const info = this.infoOf(parent);
    if (!info.visible) return;
    const container = info.container ?? this.containerOf(parent);
    if (this.current && container !== this.currentContainer) this.endRun(runs);
    if (!this.current) {
      this.current = { text: '', nodes: [], starts: [] };
      this.currentContainer = container;
    }
    this.current.starts.push(this.current.text.length);
    this.current.nodes.push(node);
    this.current.text += data;
  }

  private endRun(runs: TextRun[]) {
    const run = this.current;
    // A run of only white space can hold no mention.
    if (run && /\S/.test(run.text)) runs.push(run);
    this.current = null;
    this.currentContainer = null;
  }

  private containerOf(element: Element): Element {
    const info = this.infoOf(element);
    if (info.container) return info.container;
    const parent = element.parentElement;
    // Cached per element: each text node then finds its box in one step, not one per inline level.
    info.container = element === this.root || !info.inline || !parent ? element : this.containerOf(parent);
    return info.container;
  }

  private infoOf(element: Element): ElementInfo {
    let info = this.info.get(element);
    if (info) return info;
    info = this.computeInfo(element);
    this.info.set(element, info);
    return info;
  }

  private computeInfo(element: Element): ElementInfo {
    const skipped: ElementInfo = { skip: true, inline: false, visible: false, container: null };
    if (element.namespaceURI !== HTML_NS) return skipped; // SVG, MathML
    const tag = element.tagName;
    if (SKIPPED_TAGS.has(tag)) return skipped;
    if (this.options.exclude?.(element)) return skipped;
    if (element.hasAttribute('hidden')) return skipped;
    const editable = element.getAttribute('contenteditable');
    if (editable !== null && editable.toLowerCase() !== 'false') return skipped;
    const style = this.view?.getComputedStyle(element);
    const display = style?.display || 'inline'; // '' from DOMs without full UA styles: the initial value
    if (display === 'none') return skipped;
    const visibility = style?.visibility || 'visible';
    return {
      skip: false,
      inline: !BREAKING_TAGS.has(tag) && isInlineDisplay(display),
      visible: visibility !== 'hidden' && visibility !== 'collapse',
      container: null,
    };
  }
}

/** All runs below `root` in one go. */
export function collectRuns(root: Node, options: Omit<ScanOptions, 'shouldYield'> = {}): TextRun[] {
  return new RunCollector(root, options).next();
}

/** The text node and offset inside it of a position in a run. `end` prefers the earlier node. */
export function locate(
  run: TextRun,
  offset: number,
  end = false,
): { node: Text; offset: number; index: number } {
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

/** A live Range over `[start, end)` of a run. */
export function rangeOf(run: TextRun, start: number, end: number): Range {
  const from = locate(run, start);
  const to = locate(run, end, true);
  const range = from.node.ownerDocument.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}

/** The text nodes a run range touches, for indexing mentions by node. */
export function nodesOf(run: TextRun, start: number, end: number): Text[] {
  return run.nodes.slice(locate(run, start).index, locate(run, end, true).index + 1);
}

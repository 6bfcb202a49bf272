import type { EntityGroup } from '../data/groups';

export interface Mention {
  entityId: string;
  group: EntityGroup;
  alias: string;
  lang: string;
  /** The page text that matched. */
  text: string;
  /** Static: see `placeOf`. What the highlight holds and hit-testing hands back. */
  range: StaticRange;
  /** The text nodes the range touches. */
  nodes: Text[];
}

/** `Node.DOCUMENT_POSITION_FOLLOWING`, without needing a global `Node`. */
const FOLLOWING = 4;

/**
 * Whether `a` starts before `b` in the page. A mention whose text the page has just removed (not
 * yet forgotten by the next rescan) counts as last: nodes in different trees have no order.
 */
export function precedes(a: Mention, b: Mention): boolean {
  if (!b.nodes[0]!.isConnected) return a.nodes[0]!.isConnected;
  if (!a.nodes[0]!.isConnected) return false;
  const x = a.range.startContainer;
  const y = b.range.startContainer;
  if (x === y) return a.range.startOffset < b.range.startOffset;
  return (x.compareDocumentPosition(y) & FOLLOWING) !== 0;
}

/** Whether a caret position in one of the mention's nodes lies in it (ends included, as a live Range's isPointInRange). */
const covers = ({ range }: Mention, node: Node, offset: number) =>
  (node !== range.startContainer || offset >= range.startOffset) &&
  (node !== range.endContainer || offset <= range.endOffset);

/** The mentions on a page, indexed by text node for hit-testing. */
export class MentionStore {
  private readonly byNode = new Map<Text, Mention[]>();
  /**
   * Every mention, by its range (highlight hit-testing hands back ranges), in insertion order. A Map
   * and not a WeakMap: mentions leave only through `delete` and `clear`, and weak keys would give
   * the garbage collector an ephemeron table of thousands of ranges to trace on long pages.
   */
  private readonly mentions = new Map<AbstractRange, Mention>();
  private sorted: Mention[] | null = null;
  /**
   * Whether insertion order is document order: true while mentions come from one scan of the whole
   * page, which walks it in order. Comparing ranges is not cheap (on a flat page of 100,000
   * paragraphs each comparison walks siblings), so order is only sorted out after a partial rescan.
   */
  private inOrder = true;

  get size(): number {
    return this.mentions.size;
  }

  /** How many distinct entities the page mentions (the toolbar badge's number). */
  entityCount(): number {
    const ids = new Set<string>();
    for (const mention of this.mentions.values()) ids.add(mention.entityId);
    return ids.size;
  }

  add(mention: Mention): void {
    this.mentions.set(mention.range, mention);
    for (const node of mention.nodes) {
      const list = this.byNode.get(node);
      if (list) list.push(mention);
      else this.byNode.set(node, [mention]);
    }
    if (this.sorted && this.inOrder) this.sorted.push(mention);
    else this.sorted = null;
  }

  delete(mention: Mention): void {
    if (this.mentions.get(mention.range) === mention) this.mentions.delete(mention.range);
    for (const node of mention.nodes) {
      const list = this.byNode.get(node);
      if (!list) continue;
      const rest = list.filter((m) => m !== mention);
      if (rest.length) this.byNode.set(node, rest);
      else this.byNode.delete(node);
    }
    this.sorted = null;
  }

  /** Removes and returns the mentions that lie in one of `roots` or are no longer in the page. */
  removeWithin(roots: readonly Node[]): Mention[] {
    const removed: Mention[] = [];
    for (const mention of this.mentions.values()) {
      const first = mention.nodes[0];
      if (!first.isConnected || roots.some((root) => root.contains(first))) removed.push(mention);
    }
    removed.forEach((m) => this.delete(m));
    return removed;
  }

  clear(): Mention[] {
    const all = [...this.mentions.values()];
    this.mentions.clear();
    this.byNode.clear();
    this.sorted = null;
    this.inOrder = true;
    return all;
  }

  /** Every mention, in no particular order. */
  values(): IterableIterator<Mention> {
    return this.mentions.values();
  }

  /** The mention covering a caret position, if any. */
  at(node: Node, offset: number): Mention | undefined {
    const list = this.byNode.get(node as Text);
    return list?.find((m) => covers(m, node, offset));
  }

  /** The mentions with text in `node`. */
  inNode(node: Node): readonly Mention[] | undefined {
    return this.byNode.get(node as Text);
  }

  ofRange(range: AbstractRange): Mention | undefined {
    return this.mentions.get(range);
  }

  has(mention: Mention): boolean {
    return this.mentions.get(mention.range) === mention;
  }

  /** Whether mentions added now come after every mention in the store (a scan of the whole page). */
  get appendsInOrder(): boolean {
    return this.inOrder;
  }

  /** Mentions added from now on may fall anywhere in the page (a rescan of part of it). */
  unordered(): void {
    this.inOrder = this.mentions.size === 0;
    this.sorted = null;
  }

  /** Every mention in document order. */
  ordered(): Mention[] {
    if (!this.sorted) {
      const all = [...this.mentions.values()];
      this.sorted = this.inOrder ? all : all.sort((a, b) => (precedes(a, b) ? -1 : precedes(b, a) ? 1 : 0));
    }
    return this.sorted;
  }
}

import type { EntityGroup } from '../../data/groups';

export interface Mention {
  entityId: string;
  group: EntityGroup;
  alias: string;
  lang: string;
  /** The page text that matched. */
  text: string;
  range: Range;
  /** The text nodes the range touches. */
  nodes: Text[];
}

/** The mentions on a page, indexed by text node for hit-testing. */
export class MentionStore {
  private readonly byNode = new Map<Text, Mention[]>();
  private readonly mentions = new Set<Mention>();
  private readonly byRange = new WeakMap<AbstractRange, Mention>();
  private sorted: Mention[] | null = null;

  get size(): number {
    return this.mentions.size;
  }

  add(mention: Mention): void {
    this.mentions.add(mention);
    this.byRange.set(mention.range, mention);
    for (const node of mention.nodes) {
      const list = this.byNode.get(node);
      if (list) list.push(mention);
      else this.byNode.set(node, [mention]);
    }
    this.sorted = null;
  }

  private delete(mention: Mention): void {
    this.mentions.delete(mention);
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
    for (const mention of this.mentions) {
      const first = mention.nodes[0];
      if (!first.isConnected || roots.some((root) => root.contains(first))) removed.push(mention);
    }
    removed.forEach((m) => this.delete(m));
    return removed;
  }

  clear(): Mention[] {
    const all = [...this.mentions];
    this.mentions.clear();
    this.byNode.clear();
    this.sorted = null;
    return all;
  }

  /** The mention covering a caret position, if any. */
  at(node: Node, offset: number): Mention | undefined {
    const list = this.byNode.get(node as Text);
    return list?.find((m) => m.range.isPointInRange(node, offset));
  }

  ofRange(range: AbstractRange): Mention | undefined {
    const mention = this.byRange.get(range);
    return mention && this.mentions.has(mention) ? mention : undefined;
  }

  has(mention: Mention): boolean {
    return this.mentions.has(mention);
  }

  /** Every mention in document order. */
  ordered(): Mention[] {
    if (!this.sorted) {
      this.sorted = [...this.mentions].sort((a, b) =>
        a.range.compareBoundaryPoints(Range.START_TO_START, b.range),
      );
    }
    return this.sorted;
  }
}

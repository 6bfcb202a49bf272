/** Moving between a page's mentions: the next, the previous, the n-th of an entity. */
import type { Mention } from './mentions';

/** `index` wrapped into `0 … count-1`, negative indexes counting from the end. */
export const wrapIndex = (index: number, count: number): number => ((index % count) + count) % count;

/**
 * The index a step lands on. From nowhere (`from` < 0), forward starts at the first mention and
 * backward at the last; otherwise it wraps around the ends.
 */
export const stepIndex = (from: number, direction: 1 | -1, count: number): number =>
  from < 0 ? (direction === 1 ? 0 : count - 1) : wrapIndex(from + direction, count);

export interface Position {
  index: number;
  count: number;
}

export const NOWHERE: Position = { index: -1, count: 0 };

export function scrollRangeIntoView(range: Range): void {
  const element = range.startContainer.parentElement;
  element?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  const rect = range.getBoundingClientRect();
  const view = range.startContainer.ownerDocument?.defaultView;
  if (!view) return;
  if (rect.top < 0 || rect.bottom > view.innerHeight) {
    view.scrollBy({ top: rect.top - view.innerHeight / 2 });
  }
}

/** Where the reader is among the mentions, remembered between steps and after a card closes. */
export class MentionNavigator {
  private current = -1;

  constructor(
    private readonly ordered: () => Mention[],
    /** Scrolls to a mention, flashes it and, when asked, opens its card. */
    private readonly reveal: (mention: Mention, withCard: boolean) => Promise<void>,
  ) {}

  /** Remembers a mention the reader was on (a card that closes), so the next step goes on from it. */
  leave(mention: Mention): void {
    this.current = this.ordered().indexOf(mention);
  }

  /** The next or previous mention, from the one whose card is shown or the last one visited. */
  async step(direction: 1 | -1, shown: Mention | null): Promise<Position> {
    const mentions = this.ordered();
    if (!mentions.length) return NOWHERE;
    const from = shown ? mentions.indexOf(shown) : this.current;
    this.current = stepIndex(from, direction, mentions.length);
    await this.reveal(mentions[this.current]!, true);
    return { index: this.current, count: mentions.length };
  }

  /** The `index`-th mention of one entity (wrapping), scrolled to without a card: the side panel's "jump". */
  async jump(entityId: string, index = 0): Promise<Position> {
    const mentions = this.ordered().filter((m) => m.entityId === entityId);
    if (!mentions.length) return NOWHERE;
    const at = wrapIndex(index, mentions.length);
    await this.reveal(mentions[at]!, false);
    return { index: at, count: mentions.length };
  }
}

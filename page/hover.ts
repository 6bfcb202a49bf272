/**
 * The hover card's controller: hover intent, hit-testing and lifetime.
 * The view and its placement (`page/card/card-view.ts`) load on the first card; this file
 * decides when and for which mention it shows.
 */
import type { Entity, Source } from '../data/schema';
import type { Highlighter } from './highlighter';
import { liveRange } from './scanner';
import { logError } from '../shared/error-log';
import type { CardView } from './card/card-view';
import type { Mention, MentionStore } from './mentions';

/** Like 10ten Reader: a pointer moving faster than this is travelling, not reading. */
const MAX_INTENT_SPEED = 0.5; // px per ms
const HIDE_DELAY_MS = 300;

export interface HoverOptions {
  doc: Document;
  store: MentionStore;
  highlighter: Highlighter;
  /** What the card shows; null for an entity no enabled pack has. */
  cardData: (entityId: string) => Promise<CardData | null>;
  hoverDelay: () => number;
  /** The page's publication date, read when a card opens (a single-page app may change it). */
  published: () => string | null;
  container: () => Promise<HTMLElement>;
  /** The card's view: loaded before the first container is handed out. */
  view: () => Promise<CardView>;
  /** Whether the shadow host exists yet: hiding must not create it. */
  hasContainer: () => boolean;
  isOwnElement: (element: Element) => boolean;
  openSidebar: (entityId: string) => Promise<string | null>;
  reject: (mention: Mention) => void;
}

export interface CardData {
  entity: Entity;
  sources: ReadonlyMap<string, Source>;
}

type CaretDoc = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

type HighlightsFromPoint = (
  x: number,
  y: number,
) => Array<Highlight | { highlight: Highlight; ranges: AbstractRange[] }>;

const rectsContain = (rects: DOMRectList, x: number, y: number) => {
  for (const r of rects) if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true;
  return false;
};

/** The mention under a point: highlight hit-testing where the browser has it, else the caret. */
export function mentionAt(
  doc: Document,
  store: MentionStore,
  highlighter: Highlighter,
  x: number,
  y: number,
): Mention | undefined {
  const fromPoint = (CSS.highlights as unknown as { highlightsFromPoint?: HighlightsFromPoint }).highlightsFromPoint;
  if (typeof fromPoint === 'function') {
    const hits = fromPoint.call(CSS.highlights, x, y);
    const ours = hits.filter((hit) => highlighter.owns('highlight' in hit ? hit.highlight : hit));
    if (!ours.length) return undefined;
    for (const hit of ours) {
      if (!('ranges' in hit)) break;
      for (const range of hit.ranges) {
        const mention = store.ofRange(range);
        if (mention) return mention;
      }
    }
  }
  const caretDoc = doc as CaretDoc;
  let node: Node | undefined;
  let offsetInNode = 0;
  if (caretDoc.caretPositionFromPoint) {
    const pos = caretDoc.caretPositionFromPoint(x, y);
    if (pos) ({ offsetNode: node, offset: offsetInNode } = pos);
  } else if (caretDoc.caretRangeFromPoint) {
    const range = caretDoc.caretRangeFromPoint(x, y);
    if (range) ({ startContainer: node, startOffset: offsetInNode } = range);
  }
  if (!node || node.nodeType !== 3) return undefined;
  const mention = store.at(node, offsetInNode);
  // The caret is the nearest text position even beside the text: check the point is on the mention.
  return mention && rectsContain(liveRange(mention.range).getClientRects(), x, y) ? mention : undefined;
}

export class HoverController {
  private shown: Mention | null = null;
  private candidate: Mention | null = null;
  private showTimer: ReturnType<typeof setTimeout> | undefined;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  private last = { x: 0, y: 0, t: 0 };
  private frame = 0;
  private overCard = false;
  private stopPositioning: (() => void) | null = null;
  private sidebarHint: string | null = null;
  private current = -1;
  private cardElement: HTMLElement | null = null;

  /** The element that had focus when a card took it (keyboard use), restored when it closes. */
  private returnFocus: HTMLElement | null = null;

  constructor(private readonly options: HoverOptions) {}

  attach(signal: AbortSignal): void {
    const { doc } = this.options;
    const opts = { passive: true, signal, capture: true };
    doc.addEventListener('pointermove', (e) => this.onPointerMove(e), opts);
    doc.addEventListener(
      'keydown',
      (e) => {
        if (e.key === 'Escape' && this.shown) this.hide();
      },
      { signal, capture: true },
    );
    doc.addEventListener('focusin', (e) => this.onFocusIn(e), { signal });
    signal.addEventListener('abort', () => this.hide());
  }

  get visibleMention(): Mention | null {
    return this.shown;
  }

  private onPointerMove(event: PointerEvent) {
    const { x, y } = { x: event.clientX, y: event.clientY };
    const dt = event.timeStamp - this.last.t;
    const speed = dt > 0 ? Math.hypot(x - this.last.x, y - this.last.y) / dt : 0;
    this.last = { x, y, t: event.timeStamp };
    const target = event.target as Element | null;
    if (target && this.options.isOwnElement(target)) return; // inside the card: handled there
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.track(this.last.x, this.last.y, speed);
    });
  }

  private track(x: number, y: number, speed: number) {
    const { doc, store, highlighter } = this.options;
    const mention = store.size ? mentionAt(doc, store, highlighter, x, y) : undefined;
    if (mention && mention === this.shown) {
      clearTimeout(this.hideTimer);
      return;
    }
    if (!mention) {
      this.candidate = null;
      clearTimeout(this.showTimer);
      if (this.shown && !this.overCard) this.scheduleHide();
      return;
    }
    if (mention !== this.candidate || speed > MAX_INTENT_SPEED) {
      this.candidate = mention;
      clearTimeout(this.showTimer);
      this.showTimer = setTimeout(() => {
        if (this.candidate === mention) void this.show(mention, { x, y });
      }, this.options.hoverDelay());
    }
  }

  private onFocusIn(event: FocusEvent) {
    const target = event.target as Element | null;
    if (!target || this.options.isOwnElement(target) || !this.options.store.size) return;
    // Focus on a link that is a mention acts like hover (keyboard readers get the card too).
    const mention = this.options.store
      .ordered()
      .find((m) => target.contains(m.nodes[0]!) && target.contains(m.nodes[m.nodes.length - 1]!));
    if (mention) void this.show(mention);
  }

  private scheduleHide() {
    clearTimeout(this.hideTimer);
    this.hideTimer = setTimeout(() => this.hide(), HIDE_DELAY_MS);
  }

  /** Moves to the next or previous mention, scrolls it into view and opens its card. */
  async step(direction: 1 | -1): Promise<{ index: number; count: number }> {
    const mentions = this.options.store.ordered();
    if (!mentions.length) return { index: -1, count: 0 };
    const from = this.shown ? mentions.indexOf(this.shown) : this.current;
    this.current =
      from < 0 ? (direction === 1 ? 0 : mentions.length - 1) : (from + direction + mentions.length) % mentions.length;
    await this.reveal(mentions[this.current], true);
    return { index: this.current, count: mentions.length };
  }

  /** Scrolls a mention into view and flashes it; opens its card when asked. */
  async reveal(mention: Mention, withCard: boolean): Promise<void> {
    scrollRangeIntoView(liveRange(mention.range));
    this.options.highlighter.focus(mention.range);
    if (withCard) await this.show(mention, undefined, true);
  }

  async show(mention: Mention, point?: { x: number; y: number }, focus = false): Promise<void> {
    clearTimeout(this.hideTimer);
    clearTimeout(this.showTimer);
    if (this.shown !== mention) this.sidebarHint = null;
    this.shown = mention;
    let container: HTMLElement;
    let view: CardView;
    let data: CardData | null;
    try {
      [data, container, view] = await Promise.all([
        this.options.cardData(mention.entityId),
        this.options.container(),
        this.options.view(),
      ]);
    } catch (error) {
      // The view could not be injected (the extension was reloaded under the page): no card.
      if (this.shown === mention) this.shown = null;
      console.warn(error);
      void logError('card', error);
      return;
    }
    if (this.shown !== mention) return;
    if (!data) {
      this.shown = null;
      return;
    }
    this.renderCard(view, container, mention, data);
    const card = container.firstElementChild as HTMLElement | null;
    if (!card) return;
    if (card !== this.cardElement) {
      this.cardElement = card;
      card.addEventListener('pointerenter', () => {
        this.overCard = true;
        clearTimeout(this.hideTimer);
      });
      card.addEventListener('pointerleave', () => {
        this.overCard = false;
        this.scheduleHide();
      });
    }
    this.stopPositioning?.();
    // The one live range Gloss holds, for as long as the card is shown: it follows the page's
    // changes so the card stays beside its mention.
    this.stopPositioning = view.follow(card, liveRange(mention.range), point);
    if (focus) {
      // Where the reader was, to go back to when the card closes (Esc), instead of <body>.
      const before = this.options.doc.activeElement;
      if (before && !this.options.isOwnElement(before)) this.returnFocus = before as HTMLElement;
      card.focus({ preventScroll: true });
    }
  }

  private renderCard(view: CardView, container: HTMLElement, mention: Mention, { entity, sources }: CardData) {
    view.render(container, {
      entity,
      sources,
      alias: mention.alias,
      lang: mention.lang,
      pageDate: this.options.published(),
      sidebarHint: this.sidebarHint,
      onOpenSidebar: async () => {
        const hint = await this.options.openSidebar(mention.entityId);
        this.sidebarHint = hint;
        if (this.shown === mention) this.renderCard(view, container, mention, { entity, sources });
      },
      onReject: () => {
        this.hide();
        this.options.reject(mention);
      },
      onClose: () => this.hide(),
    });
  }

  hide(): void {
    const active = this.options.doc.activeElement;
    const back = this.returnFocus;
    this.returnFocus = null;
    // Only while focus is in the card: a reader who has moved on keeps their place.
    if (back?.isConnected && active && this.options.isOwnElement(active)) back.focus({ preventScroll: true });
    clearTimeout(this.showTimer);
    clearTimeout(this.hideTimer);
    this.stopPositioning?.();
    this.stopPositioning = null;
    if (this.shown) this.current = this.options.store.ordered().indexOf(this.shown);
    this.shown = null;
    this.candidate = null;
    this.overCard = false;
    this.cardElement = null;
    if (this.options.hasContainer()) {
      void Promise.all([this.options.container(), this.options.view()]).then(
        ([container, view]) => view.clear(container),
        () => undefined,
      );
    }
  }
}

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

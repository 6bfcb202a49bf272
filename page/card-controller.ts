/**
 * The hover card's lifetime: opening it for a mention (loading its data and view), keeping it
 * while the pointer is on it, closing it after a grace period, and giving focus back on close.
 */
import type { Entity, Source } from '../data/schema';
import type { CardView } from './card/card-view';
import type { Mention } from './mentions';
import { liveRange } from './scanner';
import { logPageError } from './log-error';

/** Long enough to cross the gap from a mention to its card without the card closing. */
export const HIDE_DELAY_MS = 300;

export interface CardData {
  entity: Entity;
  sources: ReadonlyMap<string, Source>;
}

export interface CardOptions {
  doc: Document;
  /** What the card shows; null for an entity no enabled pack has. */
  cardData: (entityId: string) => Promise<CardData | null>;
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
  /** Called with the mention whose card closed. */
  closed: (mention: Mention) => void;
}

export class CardController {
  private shown: Mention | null = null;
  private hideTimer: ReturnType<typeof setTimeout> | undefined;
  private overCard = false;
  private stopPositioning: (() => void) | null = null;
  private sidebarHint: string | null = null;
  private cardElement: HTMLElement | null = null;
  /** The element that had focus when a card took it (keyboard use), restored when it closes. */
  private returnFocus: HTMLElement | null = null;

  constructor(private readonly options: CardOptions) {}

  get mention(): Mention | null {
    return this.shown;
  }

  /** Keeps the card: the pointer came back to its mention. */
  keep(): void {
    clearTimeout(this.hideTimer);
  }

  /** Closes the card after the grace period, unless the pointer is on the card. */
  hideSoon(): void {
    if (!this.shown || this.overCard) return;
    clearTimeout(this.hideTimer);
    this.hideTimer = setTimeout(() => this.hide(), HIDE_DELAY_MS);
  }

  async show(mention: Mention, point?: { x: number; y: number }, focus = false): Promise<void> {
    clearTimeout(this.hideTimer);
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
      logPageError('card', error);
      return;
    }
    if (this.shown !== mention) return;
    if (!data) {
      this.shown = null;
      return;
    }
    this.render(view, container, mention, data);
    const card = container.firstElementChild as HTMLElement | null;
    if (!card) return;
    if (card !== this.cardElement) this.watchPointer((this.cardElement = card));
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

  hide(): void {
    const active = this.options.doc.activeElement;
    const back = this.returnFocus;
    this.returnFocus = null;
    // Only while focus is in the card: a reader who has moved on keeps their place.
    if (back?.isConnected && active && this.options.isOwnElement(active)) back.focus({ preventScroll: true });
    clearTimeout(this.hideTimer);
    this.stopPositioning?.();
    this.stopPositioning = null;
    const closed = this.shown;
    this.shown = null;
    this.overCard = false;
    this.cardElement = null;
    if (closed) this.options.closed(closed);
    if (this.options.hasContainer()) {
      void Promise.all([this.options.container(), this.options.view()]).then(
        ([container, view]) => view.clear(container),
        () => undefined,
      );
    }
  }

  private watchPointer(card: HTMLElement) {
    card.addEventListener('pointerenter', (event) => {
      if (event.pointerType === 'touch') return;
      this.overCard = true;
      clearTimeout(this.hideTimer);
    });
    card.addEventListener('pointerleave', (event) => {
      // A finger leaves whatever it lifts from: on a touch screen the card stays until a tap elsewhere.
      if (event.pointerType === 'touch') return;
      this.overCard = false;
      this.hideSoon();
    });
  }

  private render(view: CardView, container: HTMLElement, mention: Mention, data: CardData) {
    view.render(container, {
      entity: data.entity,
      sources: data.sources,
      alias: mention.alias,
      lang: mention.lang,
      pageDate: this.options.published(),
      sidebarHint: this.sidebarHint,
      onOpenSidebar: async () => {
        this.sidebarHint = await this.options.openSidebar(mention.entityId);
        if (this.shown === mention) this.render(view, container, mention, data);
      },
      onReject: () => {
        this.hide();
        this.options.reject(mention);
      },
      onClose: () => this.hide(),
    });
  }
}

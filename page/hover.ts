/**
 * The hover card's controller: wires the page's pointer, focus and key events to pointer intent
 * (`hover-intent.ts`), touch taps (`touch-taps.ts`), the card's lifetime (`card-controller.ts`) and
 * moving between mentions (`mention-nav.ts`). The view and its placement (`page/card/card-view.ts`) load on the first card.
 */
import type { Highlighter } from './highlighter';
import { liveRange } from './scanner';
import { CardController, type CardOptions } from './card-controller';
import { mentionAt } from './hit-test';
import { HoverIntent } from './hover-intent';
import { MentionNavigator, scrollRangeIntoView, type Position } from './mention-nav';
import type { Mention, MentionStore } from './mentions';
import { TouchTaps, type TapTarget } from './touch-taps';

export type { CardData } from './card-controller';

export interface HoverOptions extends Omit<CardOptions, 'closed'> {
  store: MentionStore;
  highlighter: Highlighter;
  hoverDelay: () => number;
}

export class HoverController {
  private readonly card: CardController;
  private readonly intent: HoverIntent;
  private readonly nav: MentionNavigator;
  private readonly taps: TouchTaps;

  constructor(private readonly options: HoverOptions) {
    const { doc, store, highlighter } = options;
    this.card = new CardController({
      ...options,
      closed: (mention) => {
        this.intent.cancel();
        this.nav.leave(mention);
      },
    });
    this.intent = new HoverIntent({
      mentionAt: (x, y) => (store.size ? mentionAt(doc, store, highlighter, x, y) : undefined),
      shown: () => this.card.mention,
      hoverDelay: options.hoverDelay,
      open: (mention, point) => void this.card.show(mention, point),
      stay: () => this.card.keep(),
      leave: () => this.card.hideSoon(),
    });
    const under = (x: number, y: number) => (store.size ? mentionAt(doc, store, highlighter, x, y) : undefined);
    this.taps = new TouchTaps({
      targetOf: (target) => this.tapTarget(target),
      hasMention: (x, y) => !!under(x, y),
      open: (x, y) => {
        const mention = under(x, y);
        if (mention && mention !== this.card.mention) void this.show(mention, { x, y });
      },
      close: () => {
        if (this.card.mention) this.hide();
      },
    });
    this.nav = new MentionNavigator(
      () => store.ordered(),
      (mention, withCard) => this.reveal(mention, withCard),
    );
  }

  attach(signal: AbortSignal): void {
    const { doc } = this.options;
    doc.addEventListener('pointermove', (e) => this.onPointerMove(e), { passive: true, signal, capture: true });
    // Touch: taps, never prevented (a tapped link navigates); only what follows a long press is swallowed.
    const passive = { passive: true, signal, capture: true };
    doc.addEventListener('pointerdown', (e) => this.taps.down(e), passive);
    doc.addEventListener('pointerup', (e) => this.taps.up(e), passive);
    doc.addEventListener('pointercancel', () => this.taps.cancel(), passive);
    const swallow = (e: Event) => {
      if (!this.taps.swallows() || this.tapTarget(e.target).own) return;
      e.preventDefault();
      e.stopImmediatePropagation();
    };
    doc.addEventListener('click', swallow, { signal, capture: true });
    doc.addEventListener('contextmenu', swallow, { signal, capture: true });
    doc.addEventListener(
      'keydown',
      (e) => {
        if (e.key === 'Escape' && this.card.mention) this.hide();
      },
      { signal, capture: true },
    );
    doc.addEventListener('focusin', (e) => this.onFocusIn(e), { signal });
    signal.addEventListener('abort', () => {
      // A long press still pending would open a card, and so rebuild the host, after switching off.
      this.taps.cancel();
      this.hide();
    });
  }

  get visibleMention(): Mention | null {
    return this.card.mention;
  }

  private onPointerMove(event: PointerEvent) {
    if (event.pointerType === 'touch') return this.taps.move(event); // no hover on a touch screen
    const target = event.target as Element | null;
    if (target && this.options.isOwnElement(target)) return; // inside the card: handled there
    this.intent.move(event.clientX, event.clientY, event.timeStamp);
  }

  private onFocusIn(event: FocusEvent) {
    const target = event.target as Element | null;
    if (!target || this.options.isOwnElement(target) || !this.options.store.size) return;
    // A tapped link takes focus: the tap's rules decide (a short tap follows the link, no card).
    if (this.taps.touchedRecently()) return;
    // Focus on a link that is a mention acts like hover (keyboard readers get the card too).
    const mention = this.options.store
      .ordered()
      .find((m) => target.contains(m.nodes[0]!) && target.contains(m.nodes[m.nodes.length - 1]!));
    if (mention) void this.show(mention);
  }

  private tapTarget(target: EventTarget | null): TapTarget {
    const node = target as Node | null;
    const element = node?.nodeType === 1 ? (node as Element) : (node?.parentElement ?? null);
    return {
      own: !!element && this.options.isOwnElement(element),
      inLink: !!element?.closest('a[href], area[href]'),
    };
  }

  /** Moves to the next or previous mention, scrolls it into view and opens its card. */
  step(direction: 1 | -1): Promise<Position> {
    return this.nav.step(direction, this.card.mention);
  }

  /** Scrolls to the `index`-th mention of an entity, without a card. */
  jump(entityId: string, index?: number): Promise<Position> {
    return this.nav.jump(entityId, index);
  }

  /** Scrolls a mention into view and flashes it; opens its card when asked. */
  async reveal(mention: Mention, withCard: boolean): Promise<void> {
    scrollRangeIntoView(liveRange(mention.range));
    this.options.highlighter.focus(mention.range);
    if (withCard) await this.show(mention, undefined, true);
  }

  show(mention: Mention, point?: { x: number; y: number }, focus = false): Promise<void> {
    this.intent.cancel();
    return this.card.show(mention, point, focus);
  }

  hide(): void {
    this.intent.cancel();
    this.card.hide();
  }
}

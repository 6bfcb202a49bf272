/**
 * Touch has no hover: a tap on a mention opens its card, a tap elsewhere closes it. Links keep
 * working: a short tap on a mention inside a link follows the link as usual (the page sees an
 * ordinary tap, nothing is prevented), and a long press (held still for `LONG_PRESS_MS`) opens the
 * card instead, swallowing the click and the context menu that would follow it. This is the rule
 * readers know from link previews on phones; 10ten's draggable puck suits looking up any word, but
 * Gloss only has a card for what it marked, and a tap needs nothing on screen.
 *
 * Decides only; the caller hit-tests and opens or closes the card. Knows nothing of the DOM beyond
 * the events it is handed.
 */

/** A finger that moved further than this is scrolling or selecting, not tapping. */
export const TAP_SLOP_PX = 10;
/** Longer than this is no tap; held still this long is a long press. */
export const LONG_PRESS_MS = 500;
/** How long after a long press its click and context menu are swallowed. */
const SWALLOW_MS = 1500;

export type TapKind = 'tap' | 'long-press';

export interface TapTarget {
  /** Inside one of Gloss's own elements (the card): the card handles it. */
  own: boolean;
  /** Inside a link: a short tap is the link's. */
  inLink: boolean;
}

export interface TouchTapOptions {
  /** What lies under the finger's target element. */
  targetOf: (target: EventTarget | null) => TapTarget;
  /** Whether a mention lies under a viewport point. */
  hasMention: (x: number, y: number) => boolean;
  /** A tap or long press on a mention: open its card. */
  open: (x: number, y: number) => void;
  /** A tap elsewhere on the page: close the card. */
  close: () => void;
  now?: () => number;
}

interface Touch {
  id: number;
  x: number;
  y: number;
  at: number;
  target: TapTarget;
  timer: ReturnType<typeof setTimeout>;
}

type PointerLike = Pick<PointerEvent, 'pointerId' | 'pointerType' | 'clientX' | 'clientY' | 'target' | 'isPrimary'>;

export class TouchTaps {
  private touch: Touch | null = null;
  private swallowUntil = 0;
  /** When the last touch began: focus that follows a touch is the tap's business, not the keyboard's. */
  private lastTouchAt = -Infinity;

  constructor(private readonly options: TouchTapOptions) {}

  private now() {
    return this.options.now?.() ?? performance.now();
  }

  down(event: PointerLike): void {
    if (event.pointerType !== 'touch' || !event.isPrimary) return;
    this.cancel();
    // A new touch: whatever followed the last long press has come and gone.
    this.swallowUntil = 0;
    const target = this.options.targetOf(event.target);
    this.lastTouchAt = this.now();
    if (target.own) return;
    const touch: Touch = {
      id: event.pointerId,
      x: event.clientX,
      y: event.clientY,
      at: this.now(),
      target,
      timer: setTimeout(() => this.longPress(touch), LONG_PRESS_MS),
    };
    this.touch = touch;
  }

  move(event: PointerLike): void {
    const touch = this.touch;
    if (!touch || event.pointerId !== touch.id) return;
    if (Math.hypot(event.clientX - touch.x, event.clientY - touch.y) > TAP_SLOP_PX) this.cancel();
  }

  up(event: PointerLike): TapKind | null {
    const touch = this.touch;
    if (!touch || event.pointerId !== touch.id) return null;
    this.cancel();
    if (Math.hypot(event.clientX - touch.x, event.clientY - touch.y) > TAP_SLOP_PX) return null;
    if (this.now() - touch.at >= LONG_PRESS_MS) return null; // the long press has answered already
    if (this.options.hasMention(touch.x, touch.y)) {
      if (touch.target.inLink) return null; // the link's tap: it navigates
      this.options.open(touch.x, touch.y);
    } else {
      this.options.close();
    }
    return 'tap';
  }

  /** The browser took the touch over (scrolling, zooming). */
  cancel(): void {
    if (this.touch) clearTimeout(this.touch.timer);
    this.touch = null;
  }

  /** A click or context menu right after a long press on a mention: swallowed. */
  swallows(): boolean {
    return this.now() < this.swallowUntil;
  }

  /** Whether focus arriving now came from a touch (a tapped link takes focus). */
  touchedRecently(): boolean {
    return this.now() - this.lastTouchAt < SWALLOW_MS;
  }

  private longPress(touch: Touch) {
    if (this.touch !== touch) return;
    this.touch = null;
    if (!this.options.hasMention(touch.x, touch.y)) return; // the page's own long press (select, menu)
    this.swallowUntil = this.now() + SWALLOW_MS;
    this.options.open(touch.x, touch.y);
  }
}

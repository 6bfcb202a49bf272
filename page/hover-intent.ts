/**
 * Pointer intent: whether the reader rests on a mention (open its card after the hover delay) or
 * is travelling across the page (do nothing). Knows nothing of the card beyond the calls it makes.
 */
import type { Mention } from './mentions';

/** Like 10ten Reader: a pointer moving faster than this is travelling, not reading. */
export const MAX_INTENT_SPEED = 0.5; // px per ms

export interface IntentOptions {
  /** The mention under a viewport point (hit-testing). */
  mentionAt: (x: number, y: number) => Mention | undefined;
  /** The mention whose card is shown. */
  shown: () => Mention | null;
  hoverDelay: () => number;
  /** The reader rested on a mention for the hover delay. */
  open: (mention: Mention, point: { x: number; y: number }) => void;
  /** The pointer is back on the shown mention: keep its card. */
  stay: () => void;
  /** The pointer left every mention. */
  leave: () => void;
  /** One hit-test per frame however fast pointer events come. */
  nextFrame?: (callback: () => void) => unknown;
}

export class HoverIntent {
  private candidate: Mention | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private last = { x: 0, y: 0, t: 0 };
  private pending = false;

  constructor(private readonly options: IntentOptions) {}

  /** A pointer move on the page (not in the card). */
  move(x: number, y: number, time: number): void {
    const dt = time - this.last.t;
    const speed = dt > 0 ? Math.hypot(x - this.last.x, y - this.last.y) / dt : 0;
    this.last = { x, y, t: time };
    if (this.pending) return;
    this.pending = true;
    const nextFrame = this.options.nextFrame ?? requestAnimationFrame;
    nextFrame(() => {
      this.pending = false;
      this.track(this.last.x, this.last.y, speed);
    });
  }

  /** Forgets the mention being waited on. */
  cancel(): void {
    this.candidate = null;
    clearTimeout(this.timer);
  }

  private track(x: number, y: number, speed: number) {
    const mention = this.options.mentionAt(x, y);
    if (mention && mention === this.options.shown()) return this.options.stay();
    if (!mention) {
      this.cancel();
      return this.options.leave();
    }
    if (mention !== this.candidate || speed > MAX_INTENT_SPEED) {
      this.candidate = mention;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => {
        if (this.candidate === mention) this.options.open(mention, { x, y });
      }, this.options.hoverDelay());
    }
  }
}

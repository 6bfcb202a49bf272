/**
 * Tells open extension pages (the side panel) that this page's mentions changed, once a burst of
 * changes has settled: a page that rescans in many slices sends one message, not one per slice.
 */
import type { Broadcast } from '../core/messages';

/** Below what a reader notices in the panel, above the gap between a scan's slices. */
export const BROADCAST_DELAY_MS = 150;

export class Broadcaster {
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly send: (message: Broadcast) => void,
    /** What to tell, read when the message goes: the state after the burst, not at its start. */
    private readonly state: () => Omit<Broadcast, 'type'>,
  ) {}

  soon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.send({ type: 'gloss:mentions-changed', ...this.state() }), BROADCAST_DELAY_MS);
  }

  cancel(): void {
    clearTimeout(this.timer);
  }
}

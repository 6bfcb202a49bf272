/**
 * Sending to the background, defined once and typed by the request → reply map in
 * `core/messages.ts`: a caller gets the reply type of the message it sends.
 */
import { browser } from 'wxt/browser';
import type { BackgroundReplies, Broadcast, ToBackground } from '../core/messages';

export function askBackground<M extends ToBackground>(message: M): Promise<BackgroundReplies[M['type']]> {
  return browser.runtime.sendMessage(message) as Promise<BackgroundReplies[M['type']]>;
}

/** To whichever extension page listens (the side panel); nobody listening is fine. */
export function broadcast(message: Broadcast): void {
  browser.runtime.sendMessage(message).catch(() => undefined);
}

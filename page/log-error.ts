/**
 * An error a page caught: to the console, and to the background, which keeps it for the
 * troubleshooting info (a page defines no storage item; shared/error-log.ts).
 */
import { askBackground } from '../shared/runtime-messages';

export function logPageError(context: string, error: unknown): void {
  console.warn(error);
  askBackground({ type: 'gloss:log-error', context, message: String(error) }).catch(() => undefined);
}

/**
 * The last errors Gloss caught, kept on this device for "Copy troubleshooting info" (Options,
 * Diagnostics) and never sent anywhere. The background and the extension pages report through
 * `reportError`, which also logs to the console as before; the content script asks the background
 * (`gloss:log-error`), so no page defines this item.
 * `local:error-log` v1: up to ERROR_LOG_SIZE `{ time, context, message }`, oldest first.
 */
import { storage } from '@wxt-dev/storage';
import { fieldsOf } from '../core/site-settings';
import { inSeries } from '../core/in-series';

export interface LoggedError {
  /** Milliseconds since the epoch. */
  time: number;
  /** Where it was caught, e.g. "registration" or "message gloss:get-matcher". */
  context: string;
  message: string;
}

export const ERROR_LOG_SIZE = 20;
/** A stack or a huge message is not what a reader pastes into a report. */
const MAX_MESSAGE = 300;

export const errorLogItem = storage.defineItem<LoggedError[]>('local:error-log', { fallback: [], version: 1 });

export const sanitizeErrorLog = (value: unknown): LoggedError[] =>
  (Array.isArray(value) ? value : []).flatMap((entry) => {
    const { time, context, message } = fieldsOf(entry);
    return typeof time === 'number' && typeof context === 'string' && typeof message === 'string'
      ? [{ time, context, message }]
      : [];
  });

const messageOf = (error: unknown): string => {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text;
};

/** One read-change-write of the log at a time: two errors at once must both be kept. */
const logging = inSeries();

/** Adds an error to the log, keeping the last ERROR_LOG_SIZE; a failure to log is swallowed. */
export function logError(context: string, error: unknown, now = Date.now()): Promise<void> {
  return logging(async () => {
    try {
      const log = sanitizeErrorLog(await errorLogItem.getValue());
      const next = [...log, { time: now, context, message: messageOf(error) }].slice(-ERROR_LOG_SIZE);
      await errorLogItem.setValue(next);
    } catch {
      // The log is a help for troubleshooting: it must never become an error of its own.
    }
  });
}

/** Logs to the console (as Gloss always did) and keeps the error for the troubleshooting info. */
export function reportError(context: string, error: unknown, note = `Gloss: ${context} failed.`): void {
  console.error(note, error);
  void logError(context, error);
}

export async function getErrorLog(): Promise<LoggedError[]> {
  return sanitizeErrorLog(await errorLogItem.getValue());
}

export const clearErrorLog = (): Promise<void> => logging(() => errorLogItem.setValue([]));

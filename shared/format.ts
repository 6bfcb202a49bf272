import type { EntityKind, Source } from '../data/schema';
import { t, tFromData } from './i18n';

export const kindLabel = (kind: EntityKind) => t(`kind_${kind}`);

/** "2022-01-08" → "8 Jan 2022" (or "8 January 2022" when `long`) in the reader's locale; partial dates stay partial. */
export function formatDate(iso: string, long = false): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!m) return String(y);
  const date = new Date(Date.UTC(y, m - 1, d || 1));
  const month = long ? 'long' : 'short';
  const options: Intl.DateTimeFormatOptions = d
    ? { day: 'numeric', month, year: 'numeric', timeZone: 'UTC' }
    : { month, year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(undefined, options).format(date);
}

/**
 * How a quoted source is named: "Commentary, 8 January 2022 (translated from German)". A source
 * without a known author is named by its kind, never by a title that could suggest one.
 */
export function attribution(source: Source): string {
  const kind = t(`sourceKind_${source.kind}`);
  const by = source.author ? t('sourceBy', [kind, source.author]) : kind;
  const named = source.kind === 'commentary' ? by : `${source.title} (${by})`;
  const line = `${named}, ${formatDate(source.date, true)}`;
  if (!source.translatedFrom) return line;
  // Grammar differs per source language ("aus dem Deutschen", "с немецкого"): one message each,
  // with the language's own name as the fallback.
  return (
    tFromData(`sourceTranslated_${source.translatedFrom}`, line) ?? t('sourceTranslated', [line, source.translatedFrom])
  );
}

export const sourceLine = (source: Source | undefined, paragraph?: number) =>
  source ? `${attribution(source)}${paragraph ? ` · ${t('paragraphN', String(paragraph))}` : ''}` : '';

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', de: 'Deutsch', ru: 'Русский' };
export const languageName = (lang: string) => LANGUAGE_NAMES[lang] ?? lang;

/** An epoch time as the reader's clock shows it ("15:04", "3:04 PM"): the end of a pause. */
export const formatTime = (epochMs: number) =>
  new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' }).format(new Date(epochMs));

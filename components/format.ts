import type { EntityKind, Source } from '../data/schema';
import { t } from '../utils/i18n';

export const kindLabel = (kind: EntityKind) => t(`kind_${kind}`);

/** "2022-01-08" → "8 Jan 2022" in the reader's locale; partial dates stay partial. */
export function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!m) return String(y);
  const date = new Date(Date.UTC(y, m - 1, d || 1));
  const options: Intl.DateTimeFormatOptions = d
    ? { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }
    : { month: 'short', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(undefined, options).format(date);
}

export const sourceLine = (source: Source | undefined, paragraph?: number) =>
  source
    ? `${source.title}, ${formatDate(source.date)}${paragraph ? ` · ${t('paragraphN', String(paragraph))}` : ''}`
    : '';

const LANGUAGE_NAMES: Record<string, string> = { en: 'English', de: 'Deutsch', ru: 'Русский' };
export const languageName = (lang: string) => LANGUAGE_NAMES[lang] ?? lang;

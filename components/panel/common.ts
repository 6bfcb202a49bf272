/** Small helpers shared by the extension pages (side panel, popup, options). */
import { browser } from 'wxt/browser';
import { t, tFromData, type MessageKey, type PluralBase } from '../../shared/i18n';

export function uiLanguage(): string {
  try {
    return browser.i18n.getUILanguage() || 'en';
  } catch {
    return 'en';
  }
}

/** Sets the page's language and title from the browser's UI language. */
export function preparePage(titleKey: MessageKey): void {
  document.documentElement.lang = uiLanguage();
  document.title = t(titleKey);
}

export const formatNumber = (n: number) => new Intl.NumberFormat(uiLanguage()).format(n);

/**
 * A counted phrase: `${base}_one|_few|_many|_other` in the locale's plural category
 * (Russian needs all four), `$1` the number.
 */
export function plural(base: PluralBase, n: number): string {
  let category: string;
  try {
    category = new Intl.PluralRules(uiLanguage()).select(n);
  } catch {
    category = n === 1 ? 'one' : 'other';
  }
  // Not every base has every category (English has no _few): the typed _other is the fallback.
  return tFromData(`${base}_${category}`, formatNumber(n)) ?? t(`${base}_other`, formatNumber(n));
}

/** A duration in whole years or months, in the reader's language ("4 years", "4 Jahre", "4 года"). */
export function formatSpan(months: number): string {
  const lang = uiLanguage();
  const [value, unit] = months >= 24 ? [Math.round(months / 12), 'year'] : [months, 'month'];
  try {
    return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
  } catch {
    return `${value} ${unit}${value === 1 ? '' : 's'}`;
  }
}

/** Only http(s) URLs become links: anything else in a pack is shown as text, never followed. */
export function safeHref(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

/** Case and diacritics folded, for search: "Tokaev" finds "Tokayev"'s alias, "almaty" "Almaty". */
export const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’‘ʼ′`]/g, "'")
    .replace(/[‐‑‒–—−-]/g, ' ')
    .replace(/\s+/gu, ' ')
    .trim();

export const isFirefox = () => import.meta.env.BROWSER === 'firefox';

import { browser } from 'wxt/browser';

/**
 * UI strings through browser.i18n (`public/_locales`). The key itself stands in where a message
 * is missing, so a gap shows up in review instead of as a blank.
 */
export function t(key: string, substitutions?: string | string[]): string {
  try {
    const i18n = browser.i18n as unknown as { getMessage(key: string, subs?: string | string[]): string };
    return i18n.getMessage(key, substitutions) || key;
  } catch {
    return key;
  }
}

import { browser } from 'wxt/browser';

/**
 * UI strings through browser.i18n (`public/_locales`). The key itself stands in where a message
 * is missing, so a gap shows up in review instead of as a blank.
 */
export function t(key: string, substitutions?: string | string[]): string {
  try {
    return browser.i18n.getMessage(key as never, substitutions) || key;
  } catch {
    return key;
  }
}

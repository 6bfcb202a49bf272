import { browser, type WxtI18n } from 'wxt/browser';

/**
 * A key of `public/_locales/en/messages.json`, from the union WXT generates (the last overload of
 * its `getMessage`): a misspelt or removed key fails `npm run lint`'s type check.
 */
export type MessageKey = Parameters<WxtI18n['getMessage']>[0];

/**
 * UI strings through browser.i18n (`public/_locales`). The key itself stands in where a message
 * is missing, so a gap shows up in review instead of as a blank.
 */
/** The keys of counted phrases: each has at least its `_other` form (see `plural`). */
export type PluralBase = MessageKey extends infer K ? (K extends `${infer B}_other` ? B : never) : never;

/**
 * A message whose key comes from data (a pack's source language): undefined where the locale has
 * none, so the caller picks its fallback.
 */
export function tFromData(key: string, substitutions?: string | string[]): string | undefined {
  const message = t(key as MessageKey, substitutions);
  return message === key ? undefined : message;
}

export function t(key: MessageKey, substitutions?: string | string[]): string {
  try {
    return browser.i18n.getMessage(key, substitutions) || key;
  } catch {
    return key;
  }
}

import { browser } from 'wxt/browser';

/**
 * The URL of one of Gloss's own pages, with a query or hash where it needs one. WXT types
 * `getURL` by the built files' paths, which leaves no room for `?quote=1`: the cast lives here once.
 */
export const extensionUrl = (path: string): string =>
  (browser.runtime as unknown as { getURL(path: string): string }).getURL(path);

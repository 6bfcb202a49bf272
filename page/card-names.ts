/** Names the content script and the lazily injected card view (card-view.ts) both use. */

/** The tag of our one shadow host: the scan skips it, the card lives in it. */
export const HOST_TAG = 'gloss-ui';

/** Where the injected card view leaves itself for the content script (they share one world). */
export const CARD_VIEW_KEY = '__glossCardView';

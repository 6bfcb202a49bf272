/** The hover card's view, injected into a page by the background when its first card opens. */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { CARD_VIEW_KEY } from '../page/card-names';
import { cardView } from '../page/card/card-view';

export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[CARD_VIEW_KEY] = cardView;
});

/**
 * Gloss itself on the welcome page's example paragraph: the content script's page controller and
 * the card view, run in the extension page. Content scripts never reach extension pages, and the
 * card view is bundled here instead of injected, since the background cannot inject into them.
 */
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { CARD_VIEW_KEY } from '../../page/card-names';
import { cardView } from '../../page/card/card-view';
import { GlossPage } from '../../page/gloss-page';

export interface Example {
  /** Call after the example's switch changed. */
  refresh(): void;
  stop(): void;
}

export function startExample(enabled: () => boolean): Example {
  (globalThis as Record<string, unknown>)[CARD_VIEW_KEY] = cardView;
  const ctx = new ContentScriptContext('gloss-welcome-example');
  const page = new GlossPage(ctx, { enabled });
  void page.start();
  return { refresh: () => page.apply(), stop: () => ctx.abort() };
}

import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import cardCss from '../../components/card.css?inline';

export const HOST_TAG = 'gloss-ui';

/**
 * Our single shadow host, created the first time a card is shown and removed when Gloss is off.
 * A plain open shadow root rather than WXT's createShadowRootUi: that helper brings auto-mount,
 * anchor waiting and CSS splitting we do not use, about 3 KB gzip of the content script's budget.
 */
export class CardHost {
  private host: HTMLElement | null = null;
  private box: HTMLElement | null = null;

  constructor(ctx: ContentScriptContext) {
    ctx.onInvalidated(() => this.remove());
  }

  get created(): boolean {
    return this.host !== null;
  }

  /** The container inside the shadow root, creating the host on first use. */
  async container(): Promise<HTMLElement> {
    if (!this.box) {
      const host = document.createElement(HOST_TAG);
      const shadow = host.attachShadow({ mode: 'open' });
      const style = document.createElement('style');
      // The reset keeps the page's inherited styles out of the card.
      style.textContent = `:host{all:initial!important}\n${cardCss}`;
      this.box = document.createElement('div');
      shadow.append(style, this.box);
      // Takes no room in the page: the card inside is positioned with `fixed`.
      host.style.cssText =
        'position:fixed!important;top:0!important;left:0!important;width:0!important;height:0!important;overflow:visible!important;z-index:2147483647!important;display:block!important';
      document.documentElement.append(host);
      this.host = host;
    }
    return this.box;
  }

  remove(): void {
    this.host?.remove();
    this.host = null;
    this.box = null;
  }
}

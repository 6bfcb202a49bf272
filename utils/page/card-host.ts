import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import cardCss from '../../components/card.css?inline';

export const HOST_TAG = 'gloss-ui';

/** Our single shadow host, created the first time a card is shown and removed when Gloss is off. */
export class CardHost {
  private ui: Promise<ShadowRootContentScriptUi<void>> | null = null;

  constructor(private readonly ctx: ContentScriptContext) {}

  get created(): boolean {
    return this.ui !== null;
  }

  /** The container inside the shadow root, creating the host on first use. */
  async container(): Promise<HTMLElement> {
    if (!this.ui) {
      this.ui = createShadowRootUi(this.ctx, {
        name: HOST_TAG,
        position: 'inline',
        anchor: () => document.documentElement,
        append: 'last',
        css: cardCss,
        onMount: () => undefined,
      }).then((ui) => {
        ui.mount();
        // Takes no room in the page: the card inside is positioned with `fixed`.
        ui.shadowHost.style.cssText =
          'position:fixed!important;top:0!important;left:0!important;width:0!important;height:0!important;overflow:visible!important;z-index:2147483647!important;display:block!important';
        return ui;
      });
    }
    return (await this.ui).uiContainer;
  }

  remove(): void {
    const ui = this.ui;
    this.ui = null;
    void ui?.then((u) => u.remove());
  }
}

/**
 * Our single shadow host, created the first time a card is shown and removed when Gloss is off,
 * and the card view it needs, fetched on that same first use (page/card/card-view.ts).
 */
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { CARD_VIEW_KEY } from './card-names';
import type { CardView } from './card/card-view';

export { HOST_TAG } from './card-names';

/** How the card looks on this page now: dark when the page is dark, its text scaled. */
export interface CardLook {
  dark: boolean;
  textScale: number;
}

export class CardHost {
  private ui: Promise<ShadowRootContentScriptUi<void>> | null = null;
  private loading: Promise<CardView> | null = null;

  /** `inject` asks the background to put the card view into this page; `look` is asked per card. */
  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly inject: () => Promise<unknown>,
    private readonly look: () => CardLook = () => ({ dark: false, textScale: 1 }),
  ) {}

  get created(): boolean {
    return this.ui !== null;
  }

  /** The card view, injected on first use; a failed injection is tried again next time. */
  view(): Promise<CardView> {
    const present = () => (globalThis as Record<string, unknown>)[CARD_VIEW_KEY] as CardView | undefined;
    if (!this.loading) {
      this.loading = (async () => {
        if (!present()) await this.inject();
        const view = present();
        if (!view) throw new Error('Gloss: the card view did not load');
        return view;
      })();
      this.loading.catch(() => {
        this.loading = null;
      });
    }
    return this.loading;
  }

  /** The container inside the shadow root, creating the host on first use. */
  async container(): Promise<HTMLElement> {
    if (!this.ui) this.ui = this.view().then((view) => view.createHost(this.ctx));
    const ui = this.ui;
    try {
      const { shadowHost, uiContainer } = await ui;
      // Read each time a card opens: the page may have switched its theme, the reader the size.
      const { dark, textScale } = this.look();
      shadowHost.toggleAttribute('data-dark', dark);
      shadowHost.style.setProperty('--gloss-text-scale', String(textScale));
      return uiContainer;
    } catch (error) {
      if (this.ui === ui) this.ui = null;
      throw error;
    }
  }

  remove(): void {
    const ui = this.ui;
    this.ui = null;
    void ui?.then(
      (u) => u.remove(),
      () => undefined,
    );
  }
}

/**
 * The hover card's view and placement: Preact, floating-ui and the shadow host. Loaded into the
 * page only when a card is first shown (entrypoints/card.ts, injected by the background), so a
 * page that is only read, never hovered, does not parse any of it.
 */
import { autoUpdate, computePosition, flip, inline, offset, shift, size } from '@floating-ui/dom';
import { h, render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import cardCss from './card.css?inline';
import { HoverCard, type HoverCardProps } from './HoverCard';
import { HOST_TAG } from '../card-names';

/** Narrower than this (a phone held upright), the card is a sheet along the bottom of the screen. */
export const SHEET_MAX_WIDTH = 600;

export interface CardView {
  /** Our single shadow host, mounted at the end of the document. */
  createHost(ctx: ContentScriptContext): Promise<ShadowRootContentScriptUi<void>>;
  render(container: HTMLElement, props: HoverCardProps): void;
  clear(container: HTMLElement): void;
  /**
   * Keeps the card beside the range (never over it), or on a narrow screen as a bottom sheet with
   * the range scrolled above it; returns the function that stops following.
   */
  follow(card: HTMLElement, range: Range, point?: { x: number; y: number }): () => void;
}

export const cardView: CardView = {
  async createHost(ctx) {
    const ui = await createShadowRootUi(ctx, {
      name: HOST_TAG,
      position: 'inline',
      anchor: () => document.documentElement,
      append: 'last',
      css: cardCss,
      onMount: () => undefined,
    });
    ui.mount();
    // Takes no room in the page: the card inside is positioned with `fixed`.
    // Keys typed in the card are the card's: the page's own shortcuts (which listen on the document
    // or window, bubbling) must not fire while the reader uses it. Gloss's Esc listens capturing.
    for (const type of ['keydown', 'keyup', 'keypress'] as const) {
      ui.shadowHost.addEventListener(type, (event) => event.stopPropagation());
    }
    ui.shadowHost.style.cssText =
      'position:fixed!important;top:0!important;left:0!important;width:0!important;height:0!important;overflow:visible!important;z-index:2147483647!important;display:block!important';
    return ui;
  },

  render(container, props) {
    render(h(HoverCard, props), container);
  },

  clear(container) {
    render(null, container);
  },

  follow(card, range, point) {
    const reference = {
      getBoundingClientRect: () => range.getBoundingClientRect(),
      getClientRects: () => range.getClientRects(),
      contextElement: range.startContainer.parentElement ?? undefined,
    };
    let sheetShown = false;
    const sheet = () => {
      card.classList.add('sheet');
      card.style.left = card.style.top = '';
      if (sheetShown) return;
      sheetShown = true;
      card.classList.remove('sheet-top');
      card.style.maxHeight = '';
      // Once, on opening: the tapped name must stay in sight above the sheet.
      const above = () => window.innerHeight - card.offsetHeight - 8;
      let { bottom } = range.getBoundingClientRect();
      if (bottom > above()) {
        window.scrollBy({ top: bottom - above(), behavior: 'instant' });
        bottom = range.getBoundingClientRect().bottom;
      }
      // At the end of the page there is no room to scroll: the sheet goes to the top of the screen.
      const { top } = range.getBoundingClientRect();
      if (bottom > above()) {
        card.classList.add('sheet-top');
        card.style.maxHeight = `${Math.max(120, Math.min(top - 8, window.innerHeight * 0.6))}px`;
      }
    };
    const update = () => {
      // The screen's width too: a page without a mobile viewport is laid out wider than the phone.
      if (Math.min(window.innerWidth, screen.width) < SHEET_MAX_WIDTH) return sheet();
      card.classList.remove('sheet', 'sheet-top');
      sheetShown = false;
      return computePosition(reference, card, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          inline(point),
          offset(6),
          // Flip to the other side before covering the term; shift only along it.
          flip({ padding: 8, fallbackPlacements: ['top-start', 'bottom-end', 'top-end'] }),
          shift({ padding: 8 }),
          size({
            padding: 8,
            apply: ({ availableHeight }) => {
              card.style.maxHeight = `${Math.max(120, Math.min(520, availableHeight))}px`;
            },
          }),
        ],
      }).then(({ x, y }) => {
        card.style.left = `${x}px`;
        card.style.top = `${y}px`;
      });
    };
    return autoUpdate(reference, card, update, { animationFrame: false });
  },
};

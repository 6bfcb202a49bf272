/**
 * The button beside a selection, "Quote in a pack…", while authoring is on (Options). It lives in
 * Gloss's single shadow host, created on first use, and sends the passage to the background, which
 * opens the pack editor with it. Plain DOM: the content script carries no Preact.
 */
import { t } from '../shared/i18n';
import type { QuoteCapture } from '../core/messages';
import { captureSelection } from './capture';

export interface QuoteButtonDeps {
  container(): Promise<HTMLElement>;
  isOwn(target: EventTarget | null): boolean;
  send(capture: QuoteCapture): Promise<unknown>;
  /** Whether an event is the reader's (`isTrusted`); a test double may say otherwise. */
  trusted(event: Event): boolean;
}

export class QuoteButton {
  private button: HTMLButtonElement | null = null;
  private showing = 0;

  constructor(private readonly deps: QuoteButtonDeps) {}

  attach(signal: AbortSignal): void {
    const onUp = (event: Event) => {
      if (this.deps.isOwn(event.target)) return;
      // After the browser has settled the selection the click or key made; never after switching off.
      setTimeout(() => {
        if (!signal.aborted) void this.update();
      }, 0);
    };
    document.addEventListener('mouseup', onUp, { signal, capture: true });
    document.addEventListener('keyup', onUp, { signal, capture: true });
    document.addEventListener(
      'selectionchange',
      () => {
        if (document.getSelection()?.isCollapsed !== false) this.hide();
      },
      { signal },
    );
    signal.addEventListener('abort', () => this.hide());
  }

  private async update(): Promise<void> {
    const selection = document.getSelection();
    if (!selection || selection.isCollapsed || !selection.rangeCount || !selection.toString().trim()) {
      this.hide();
      return;
    }
    const rects = selection.getRangeAt(0).getClientRects();
    const last = rects[rects.length - 1];
    if (!last) return;
    const ticket = ++this.showing;
    const container = await this.deps.container();
    if (ticket !== this.showing) return;
    const button = this.element(container);
    button.style.left = `${Math.max(4, Math.min(last.right + 6, innerWidth - 160))}px`;
    button.style.top = `${Math.max(4, Math.min(last.bottom + 6, innerHeight - 40))}px`;
    button.hidden = false;
  }

  private element(container: HTMLElement): HTMLButtonElement {
    if (this.button?.isConnected) return this.button;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'quote-button';
    button.textContent = t('quoteInPack');
    button.dataset.testid = 'gloss-quote-button';
    // Pressing the button must not clear the selection it quotes.
    button.addEventListener('mousedown', (event) => event.preventDefault());
    button.addEventListener('click', (event) => {
      // Only the reader's own click: the host's shadow root is open, so a page script could
      // select text and click this button itself to push quotes into the curator's editor.
      if (!this.deps.trusted(event)) return;
      const capture = captureSelection(document);
      this.hide();
      if (capture) void this.deps.send(capture).catch(() => undefined);
    });
    container.append(button);
    this.button = button;
    return button;
  }

  hide(): void {
    this.showing++;
    if (this.button) this.button.hidden = true;
  }
}

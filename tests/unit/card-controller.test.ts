// @vitest-environment happy-dom
/** The card's lifetime: opens with its data, outlives a short gap, closes, and gives focus back. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CardController, HIDE_DELAY_MS, type CardData, type CardOptions } from '../../page/card-controller';
import type { CardView } from '../../page/card/card-view';
import type { Mention } from '../../page/mentions';

function mentionIn(doc: Document, entityId: string): Mention {
  const text = doc.body.appendChild(doc.createElement('p')).appendChild(doc.createTextNode(`about ${entityId}`));
  const range = new StaticRange({ startContainer: text, startOffset: 6, endContainer: text, endOffset: text.length });
  return { entityId, group: 'actor', alias: entityId, lang: 'en', text: entityId, range, nodes: [text] };
}

const data = (id: string): CardData => ({ entity: { id } as CardData['entity'], sources: new Map() });

function setup(overrides: Partial<CardOptions> = {}) {
  const container = document.createElement('div');
  document.body.append(container);
  const view: CardView = {
    createHost: vi.fn(),
    render: vi.fn((into: HTMLElement) => {
      if (!into.firstElementChild) {
        const card = document.createElement('section');
        card.tabIndex = -1;
        into.append(card);
      }
    }),
    clear: vi.fn((from: HTMLElement) => from.replaceChildren()),
    follow: vi.fn(() => () => undefined),
  };
  const closed = vi.fn();
  const controller = new CardController({
    doc: document,
    cardData: async (id) => data(id),
    published: () => null,
    container: async () => container,
    view: async () => view,
    hasContainer: () => true,
    isOwnElement: (element) => container.contains(element),
    openSidebar: async () => null,
    reject: vi.fn(),
    closed,
    ...overrides,
  });
  return { controller, view, container, closed };
}

beforeEach(() => {
  document.body.replaceChildren();
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe('CardController', () => {
  it('renders the card of the mention it shows, and only the last of two quick shows', async () => {
    const { controller, view } = setup();
    const a = mentionIn(document, 'a');
    const b = mentionIn(document, 'b');
    await Promise.all([controller.show(a), controller.show(b)]);
    expect(view.render).toHaveBeenCalledTimes(1);
    expect(vi.mocked(view.render).mock.calls[0]![1].entity.id).toBe('b');
    expect(controller.mention).toBe(b);
  });

  it('shows nothing for an entity no pack has', async () => {
    const { controller, view } = setup({ cardData: async () => null });
    await controller.show(mentionIn(document, 'gone'));
    expect(view.render).not.toHaveBeenCalled();
    expect(controller.mention).toBeNull();
  });

  it('closes after the grace period, unless the pointer reaches the card or comes back', async () => {
    const { controller, container, closed } = setup();
    const a = mentionIn(document, 'a');
    await controller.show(a);
    controller.hideSoon();
    vi.advanceTimersByTime(HIDE_DELAY_MS - 1);
    controller.keep();
    vi.advanceTimersByTime(HIDE_DELAY_MS);
    expect(controller.mention).toBe(a);

    container.firstElementChild!.dispatchEvent(new Event('pointerenter'));
    controller.hideSoon();
    vi.advanceTimersByTime(HIDE_DELAY_MS * 2);
    expect(controller.mention).toBe(a);

    container.firstElementChild!.dispatchEvent(new Event('pointerleave'));
    vi.advanceTimersByTime(HIDE_DELAY_MS);
    expect(controller.mention).toBeNull();
    expect(closed).toHaveBeenCalledExactlyOnceWith(a);
  });

  it('gives focus back to where the reader was when a focused card closes', async () => {
    const { controller, container } = setup();
    const button = document.body.appendChild(document.createElement('button'));
    button.focus();
    await controller.show(mentionIn(document, 'a'), undefined, true);
    expect(document.activeElement).toBe(container.firstElementChild);
    controller.hide();
    expect(document.activeElement).toBe(button);
  });

  it('leaves focus alone when the reader has moved on before the card closes', async () => {
    const { controller } = setup();
    const first = document.body.appendChild(document.createElement('button'));
    const second = document.body.appendChild(document.createElement('input'));
    first.focus();
    await controller.show(mentionIn(document, 'a'), undefined, true);
    second.focus();
    controller.hide();
    expect(document.activeElement).toBe(second);
  });

  it('closes and hands the mention on when the reader says "not this here"', async () => {
    const reject = vi.fn();
    const { controller, view } = setup({ reject });
    const a = mentionIn(document, 'a');
    await controller.show(a);
    vi.mocked(view.render).mock.calls[0]![1].onReject();
    expect(reject).toHaveBeenCalledExactlyOnceWith(a);
    expect(controller.mention).toBeNull();
  });
});

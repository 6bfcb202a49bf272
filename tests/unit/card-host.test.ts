/** The card view is injected once, on the first card, and a failed injection is tried again. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { handleMessage } from '../../background/handlers';
import { CardHost } from '../../page/card-host';
import { CARD_VIEW_KEY } from '../../page/card-names';
import type { CardView } from '../../page/card/card-view';

const globals = globalThis as Record<string, unknown>;
const ctx = {} as ContentScriptContext;

/** Enough of an element for the look the host applies: an attribute and a style property. */
function fakeShadowHost() {
  const attributes = new Set<string>();
  const style = new Map<string, string>();
  return {
    attributes,
    style: {
      setProperty: (name: string, value: string) => style.set(name, value),
      get: (name: string) => style.get(name),
    },
    toggleAttribute: (name: string, on: boolean) => (on ? attributes.add(name) : attributes.delete(name)),
  };
}

function fakeView(shadowHost = fakeShadowHost()): CardView {
  return {
    createHost: vi.fn(async () => ({ uiContainer: { id: 'container' }, shadowHost, remove: vi.fn() }) as never),
    render: vi.fn(),
    clear: vi.fn(),
    follow: vi.fn(() => () => undefined),
  };
}

afterEach(() => {
  delete globals[CARD_VIEW_KEY];
});

describe('CardHost', () => {
  it('asks for the view on first use only, then builds the host from it once', async () => {
    const view = fakeView();
    const inject = vi.fn(async () => {
      globals[CARD_VIEW_KEY] = view;
    });
    const host = new CardHost(ctx, inject);
    expect(host.created).toBe(false);
    expect(inject).not.toHaveBeenCalled();
    const [a, b] = await Promise.all([host.container(), host.container()]);
    expect(a).toBe(b);
    expect(await host.view()).toBe(view);
    expect(inject).toHaveBeenCalledTimes(1);
    expect(view.createHost).toHaveBeenCalledTimes(1);
    expect(host.created).toBe(true);
  });

  it('gives each card the page’s look: dark on a dark page, the reader’s text size', async () => {
    const shadowHost = fakeShadowHost();
    globals[CARD_VIEW_KEY] = fakeView(shadowHost);
    let look = { dark: true, textScale: 1.25 };
    const host = new CardHost(
      ctx,
      async () => undefined,
      () => look,
    );
    await host.container();
    expect(shadowHost.attributes.has('data-dark')).toBe(true);
    expect(shadowHost.style.get('--gloss-text-scale')).toBe('1.25');
    // Read again for the next card: the page turned light, the reader chose a smaller size.
    look = { dark: false, textScale: 0.875 };
    await host.container();
    expect(shadowHost.attributes.has('data-dark')).toBe(false);
    expect(shadowHost.style.get('--gloss-text-scale')).toBe('0.875');
  });

  it('uses a view already in the page without asking', async () => {
    globals[CARD_VIEW_KEY] = fakeView();
    const inject = vi.fn(async () => undefined);
    await new CardHost(ctx, inject).container();
    expect(inject).not.toHaveBeenCalled();
  });

  it('fails clearly when the injection fails or brings no view, and tries again next time', async () => {
    const inject = vi
      .fn()
      .mockRejectedValueOnce(new Error('Extension context invalidated.'))
      .mockResolvedValueOnce(undefined);
    const host = new CardHost(ctx, inject);
    await expect(host.container()).rejects.toThrow('Extension context invalidated.');
    expect(host.created).toBe(false);
    await expect(host.container()).rejects.toThrow('the card view did not load');
    inject.mockImplementationOnce(async () => {
      globals[CARD_VIEW_KEY] = fakeView();
    });
    await expect(host.container()).resolves.toEqual({ id: 'container' });
    expect(inject).toHaveBeenCalledTimes(3);
  });
});

describe('gloss:load-card', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('injects the card view into the asking frame, for our own content scripts only', async () => {
    const executeScript = vi.fn(async () => []);
    (fakeBrowser as unknown as { scripting: object }).scripting = { executeScript };
    const reply = await handleMessage(
      { type: 'gloss:load-card' },
      { id: fakeBrowser.runtime.id, frameId: 0, tab: { id: 7 } },
    );
    expect(reply).toEqual({ loaded: true });
    expect(executeScript).toHaveBeenCalledWith({ target: { tabId: 7, frameIds: [0] }, files: ['/card.js'] });
    expect(handleMessage({ type: 'gloss:load-card' }, { id: 'someone-else', tab: { id: 7 } })).toBeUndefined();
    expect(executeScript).toHaveBeenCalledTimes(1);
  });
});

/** "Quote in a pack…" in the background: the menu follows the authoring switch, a quote opens the editor. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { followAuthoringMenu, QUOTE_MENU_ID, receiveQuote } from '../../background/authoring-menu';
import { handleMessage } from '../../background/handlers';
import { getPendingQuote } from '../../shared/drafts';
import { setAuthoring } from '../../shared/settings';

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

function fakeMenus() {
  const entries = new Set<string>();
  let clicked: ((info: { menuItemId: string; frameId?: number }, tab?: { id?: number }) => void) | undefined;
  const menus = {
    remove: vi.fn(async (id: string) => {
      if (!entries.delete(id)) throw new Error('no such entry');
    }),
    create: vi.fn((props: { id: string; contexts: string[] }, done?: () => void) => {
      entries.add(props.id);
      done?.();
    }),
    onClicked: {
      addListener: (fn: typeof clicked) => (clicked = fn),
      removeListener: () => (clicked = undefined),
    },
  };
  return {
    menus,
    entries,
    click: (info: { menuItemId: string; frameId?: number }, tab?: { id?: number }) => clicked?.(info, tab),
  };
}

const CAPTURE = {
  url: 'https://news.example/a',
  title: 'A',
  publisher: 'News',
  published: '2022-01-20',
  lang: 'en',
  text: 'Some text.',
  selector: { type: 'TextQuoteSelector' as const, exact: 'Some text.', prefix: '', suffix: '' },
};

describe('authoring in the background', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('the menu entry exists only while authoring is on', async () => {
    const { menus, entries } = fakeMenus();
    const stop = followAuthoringMenu(menus as never);
    await settle();
    expect(entries.size).toBe(0);
    await setAuthoring(true);
    await settle();
    expect([...entries]).toEqual([QUOTE_MENU_ID]);
    expect(menus.create.mock.calls[0]![0]).toMatchObject({ id: QUOTE_MENU_ID, contexts: ['selection'] });
    await setAuthoring(false);
    await settle();
    expect(entries.size).toBe(0);
    stop();
  });

  it('a quick on and off leaves no entry behind', async () => {
    const { menus, entries } = fakeMenus();
    followAuthoringMenu(menus as never);
    await settle();
    await Promise.all([setAuthoring(true), setAuthoring(false)]);
    await settle();
    expect(entries.size).toBe(0);
  });

  it('a click injects capture.js into the frame the curator selected in', async () => {
    const { menus, click } = fakeMenus();
    const inject = vi.spyOn(fakeBrowser.scripting, 'executeScript').mockResolvedValue([] as never);
    followAuthoringMenu(menus as never);
    click({ menuItemId: 'someone-else', frameId: 0 }, { id: 3 });
    click({ menuItemId: QUOTE_MENU_ID, frameId: 5 }, { id: 3 });
    await settle();
    expect(inject.mock.calls).toEqual([[{ target: { tabId: 3, frameIds: [5] }, files: ['/capture.js'] }]]);
  });

  it('a quote is kept and opens the editor while authoring is on, and is refused while it is off', async () => {
    expect(await receiveQuote(CAPTURE)).toEqual({ opened: false });
    expect(await getPendingQuote()).toBeNull();
    await setAuthoring(true);
    const sender = { id: fakeBrowser.runtime.id, tab: { id: 1 } };
    expect(await handleMessage({ type: 'gloss:quote', capture: CAPTURE }, sender)).toEqual({ opened: true });
    expect(await getPendingQuote()).toEqual(CAPTURE);
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((t) => t.url)).toContain(`chrome-extension://${fakeBrowser.runtime.id}/editor.html?quote=1`);
    // An editor already open shows the next quote itself: no second editor tab.
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockResolvedValue({ shown: true } as never);
    expect(await receiveQuote({ ...CAPTURE, title: 'B' })).toEqual({ opened: true });
    expect((await getPendingQuote())?.title).toBe('B');
    expect((await fakeBrowser.tabs.query({})).length).toBe(tabs.length);
    // A malformed capture is not a message of ours.
    expect(handleMessage({ type: 'gloss:quote', capture: { url: 1 } }, sender)).toBeUndefined();
  });
});

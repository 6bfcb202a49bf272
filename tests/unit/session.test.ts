// @vitest-environment happy-dom
/**
 * A marking session on a page with no mention costs no more than the scan: the card's listeners and
 * the reading of the page's colours wait for the first mention.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { GROUP_TAGS } from '../../core/group-tags';
import { compileMatcher } from '../../core/matcher';
import { isDarkPage } from '../../page/highlighter';
import { startSession, stopSession } from '../../page/session';
import { stubHighlightApi } from '../support/highlight-api';

// Counted, not changed: reading the page's colours is what must wait.
vi.mock('../../page/highlighter', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../page/highlighter')>();
  return { ...actual, isDarkPage: vi.fn(actual.isDarkPage) };
});

beforeAll(stubHighlightApi);

afterEach(() => {
  vi.restoreAllMocks();
  vi.mocked(isDarkPage).mockClear();
});

/** Starts a session on `html`, resolves once its scan settled, with the listeners the document got. */
async function session(html: string) {
  document.body.innerHTML = html;
  const listened = vi.spyOn(document, 'addEventListener');
  // The registry's first read costs a cold page 0.16 ms: counted, as the listeners are.
  const registryRead = vi.spyOn(CSS, 'highlights', 'get');
  let settled!: () => void;
  const done = new Promise<void>((resolve) => (settled = resolve));
  const started = startSession({
    doc: document,
    matcher: compileMatcher([{ text: 'Tokayev', entityId: 'tokayev', lang: 'en', tag: GROUP_TAGS.indexOf('actor') }]),
    prefs: null,
    exclude: () => false,
    settled: () => settled(),
    replaced: () => undefined,
    card: {
      cardData: async () => null,
      hoverDelay: () => 350,
      published: () => null,
      container: async () => document.createElement('div'),
      view: () => Promise.reject(new Error('no card in this test')),
      hasContainer: () => false,
      isOwnElement: () => false,
      openSidebar: async () => null,
      reject: () => undefined,
    },
  });
  await done;
  started.highlighter.flush();
  const events = listened.mock.calls.map(([type]) => type);
  const coloursRead = vi.mocked(isDarkPage).mock.calls.length;
  const mentions = started.store.size;
  const registryReads = registryRead.mock.calls.length;
  stopSession(started);
  return { events, coloursRead, mentions, registryReads };
}

describe('a session', () => {
  it('adds no listener and reads neither the page colours nor the highlight registry where nothing is mentioned', async () => {
    const { events, coloursRead, mentions, registryReads } = await session('<p>Nobody of note.</p>');
    expect(mentions).toBe(0);
    expect(events).not.toContain('pointermove');
    expect(coloursRead).toBe(0);
    expect(registryReads).toBe(0);
  });

  it('listens for the card and reads the page colours at the first mention', async () => {
    const { events, coloursRead, mentions, registryReads } = await session('<p>Tokayev spoke. Tokayev left.</p>');
    expect(mentions).toBe(2);
    expect(events).toEqual(expect.arrayContaining(['pointermove', 'pointerdown', 'keydown', 'focusin']));
    expect(events.filter((type) => type === 'pointermove')).toHaveLength(1);
    expect(coloursRead).toBe(1);
    expect(registryReads).toBe(1);
  });
});

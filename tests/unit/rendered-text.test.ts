// @vitest-environment happy-dom
/**
 * The first look at a page (page/rendered-text.ts): where the rendered text names nobody, the
 * whole-page walk is skipped; anything else is walked as before. happy-dom has no layout, so each
 * test says what `innerText` renders.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { compileMatcher, type Matcher } from '../../core/matcher';
import { MentionStore } from '../../page/mentions';
import { PageScan } from '../../page/page-scan';
import { RENDERED_TEXT_MAX_BYTES } from '../../page/rendered-text';

const matcher = compileMatcher([
  { text: 'Putin', entityId: 'putin', lang: 'en' },
  { text: 'Tokayev', entityId: 'tokayev', lang: 'en' },
]);

/** What the matcher was asked to read, text by text. */
let asked: string[];
const asking = (inner: Matcher): Matcher => ({
  ...inner,
  find(text: string) {
    asked.push(text);
    return inner.find(text);
  },
});

function renders(text: string) {
  Object.defineProperty(document.body, 'innerText', { configurable: true, get: () => text });
}

/** Starts a scan of the page and resolves with its store once it settles for the `settles`-th time. */
function scanned(precheck: boolean, settles = 1): { store: MentionStore; done: Promise<void>; scan: PageScan } {
  const store = new MentionStore();
  let left = settles;
  let settled!: () => void;
  const done = new Promise<void>((resolve) => (settled = resolve));
  const scan = new PageScan({
    doc: document,
    matcher: asking(matcher),
    precheck: precheck ? asking(matcher) : undefined,
    groupOf: () => 'actor',
    store,
    exclude: () => false,
    onAdded: () => undefined,
    onRemoved: () => undefined,
    onSettled: () => {
      if (--left === 0) settled();
    },
  });
  scan.start();
  return { store, done, scan };
}

describe('the first look at the rendered text', () => {
  beforeEach(() => {
    asked = [];
    document.body.innerHTML = '<main><p>Putin <span hidden>arrived</span> late.</p></main>';
  });
  afterEach(() => {
    vi.restoreAllMocks();
    delete (document.body as { innerText?: string }).innerText;
  });

  it('skips the walk where the rendered text names nobody', async () => {
    renders('Nobody here.');
    const { store, done, scan } = scanned(true);
    await done;
    scan.stop();
    expect(store.size).toBe(0);
    expect(asked).toEqual(['Nobody here.']);
  });

  it('walks the page where the rendered text names somebody, and marks what the walk finds', async () => {
    renders('Putin late.');
    const { store, done, scan } = scanned(true);
    await done;
    scan.stop();
    expect([...store.values()].map((m) => m.text)).toEqual(['Putin']);
    expect(asked[0]).toBe('Putin late.');
  });

  it('walks the page regardless with closed details, text found only when opened, or a large document', async () => {
    renders('Nobody here.');
    document.body.insertAdjacentHTML('beforeend', '<details><summary>More</summary>Tokayev</details>');
    let { store, done, scan } = scanned(true);
    await done;
    scan.stop();
    expect(store.size).toBe(2);

    document.body.innerHTML = '<p>Putin</p><div hidden="until-found">Tokayev</div>';
    ({ store, done, scan } = scanned(true));
    await done;
    scan.stop();
    expect([...store.values()].map((m) => m.text)).toEqual(['Putin']);

    document.body.innerHTML = '<p>Putin</p>';
    vi.spyOn(performance, 'getEntriesByType').mockReturnValue([
      { decodedBodySize: RENDERED_TEXT_MAX_BYTES + 1 } as unknown as PerformanceEntry,
    ]);
    ({ store, done, scan } = scanned(true));
    await done;
    scan.stop();
    expect(store.size).toBe(1);
  });

  it('looks at the whole page only: a changed block is walked as it is', async () => {
    renders('Nobody here.');
    const { store, done, scan } = scanned(true, 2);
    const p = document.createElement('p');
    p.textContent = 'Tokayev spoke.';
    // Added after the first scan: the change watch rescans <main>, not the page.
    setTimeout(() => document.querySelector('main')!.append(p), 0);
    await done;
    scan.stop();
    // The block is walked whole, though the (pretended) rendered text still names nobody.
    expect([...store.values()].map((m) => m.text)).toEqual(['Putin', 'Tokayev']);
  });

  it('walks as before without a matcher to look with', async () => {
    renders('Nobody here.');
    const { store, done, scan } = scanned(false);
    await done;
    scan.stop();
    expect(store.size).toBe(1);
    expect(asked).not.toContain('Nobody here.');
  });
});

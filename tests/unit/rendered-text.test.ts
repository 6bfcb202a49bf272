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
import { LOOK_CHUNK_CHARS, LOOK_OVERLAP_CHARS, RENDERED_TEXT_MAX_BYTES } from '../../page/rendered-text';

const matcher = compileMatcher([
  { text: 'Putin', entityId: 'putin', lang: 'en' },
  { text: 'Tokayev', entityId: 'tokayev', lang: 'en' },
  { text: 'the West', entityId: 'west', lang: 'en', caseSensitive: true },
  { text: 'US', entityId: 'us', lang: 'en', caseSensitive: true },
]);

/** What the matcher was asked to read, text by text. */
let asked: string[];
const asking = (inner: Matcher): Matcher => ({
  ...inner,
  find(text: string, loose?: boolean) {
    asked.push(text);
    return inner.find(text, loose);
  },
});

/** The size of the page's HTML, as its navigation entry gives it (happy-dom has none). */
function htmlOf(bytes: number) {
  vi.spyOn(performance, 'getEntriesByType').mockReturnValue([
    { decodedBodySize: bytes } as unknown as PerformanceEntry,
  ]);
}

function renders(text: string) {
  Object.defineProperty(document.body, 'innerText', { configurable: true, get: () => text });
}

/**
 * Scans the page until it has settled `settles` times (`meanwhile` gets the scan once started) and
 * resolves with the texts it marked.
 */
async function marked(
  precheck: boolean,
  { settles = 1, meanwhile }: { settles?: number; meanwhile?: (scan: PageScan) => void } = {},
): Promise<string[]> {
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
  meanwhile?.(scan);
  await done;
  const texts = [...store.values()].map((m) => m.text);
  scan.stop();
  return texts;
}

describe('the first look at the rendered text', () => {
  beforeEach(() => {
    asked = [];
    document.body.innerHTML = '<main><p>Putin <span hidden>arrived</span> late.</p></main>';
    htmlOf(40_000);
  });
  afterEach(() => {
    vi.restoreAllMocks();
    delete (document.body as { innerText?: string }).innerText;
  });

  it('skips the walk where the rendered text names nobody', async () => {
    renders('Nobody here.');
    const texts = await marked(true);
    expect(texts).toHaveLength(0);
    expect(asked).toEqual(['Nobody here.']);
  });

  it('reads the rendered text only up to its first name', async () => {
    renders('Putin arrived. ' + 'Nothing more. '.repeat(5000));
    const texts = await marked(true);
    expect(texts).toHaveLength(1);
    // One piece of the look (the first of nine), then the walk's one run.
    expect(asked).toHaveLength(2);
    expect(asked[0]!.length).toBeLessThanOrEqual(LOOK_CHUNK_CHARS + LOOK_OVERLAP_CHARS);
    expect(asked[1]).toBe('Putin  late.');
  });

  it('walks the page where the rendered text names somebody, and marks what the walk finds', async () => {
    renders('Putin late.');
    const texts = await marked(true);
    expect(texts).toEqual(['Putin']);
    expect(asked[0]).toBe('Putin late.');
  });

  it('is loose about case where a style may have upper-cased a name, not for names in capitals', async () => {
    document.body.innerHTML = '<h1 style="text-transform: uppercase">Aid from the West</h1>';
    renders('AID FROM THE WEST');
    expect(await marked(true)).toEqual(['the West']);

    document.body.innerHTML = '<p>Tell us.</p>';
    renders('Tell us.');
    await marked(true);
    // The look, the walk of the first page; then only the look: lower-case "us" is not the US.
    expect(asked).toEqual(['AID FROM THE WEST', 'Aid from the West', 'Tell us.']);
  });

  it('walks the page regardless with closed details, a large document or one of unknown size', async () => {
    renders('Nobody here.');
    document.body.insertAdjacentHTML('beforeend', '<details><summary>More</summary>Tokayev</details>');
    let texts = await marked(true);
    expect(texts).toHaveLength(2);

    for (const bytes of [RENDERED_TEXT_MAX_BYTES + 1, 0]) {
      document.body.innerHTML = '<p>Putin</p>';
      htmlOf(bytes);
      texts = await marked(true);
      expect(texts).toHaveLength(1);
    }
  });

  it('looks at the first scan only: a later rescan of the whole page walks it', async () => {
    renders('Nobody here.');
    const texts = await marked(true, { settles: 2, meanwhile: (scan) => setTimeout(() => scan.rescanAll(), 0) });
    expect(texts).toEqual(['Putin']);
    expect(asked.filter((text) => text === 'Nobody here.')).toHaveLength(1);
  });

  it('looks at the whole page only: a changed block is walked as it is', async () => {
    renders('Nobody here.');
    const p = document.createElement('p');
    p.textContent = 'Tokayev spoke.';
    // Added after the first scan: the change watch rescans <main>, not the page.
    setTimeout(() => document.querySelector('main')!.append(p), 0);
    const texts = await marked(true, { settles: 2 });
    // The block is walked whole, though the (pretended) rendered text still names nobody.
    expect(texts).toEqual(['Putin', 'Tokayev']);
  });

  it('walks as before without a matcher to look with', async () => {
    renders('Nobody here.');
    const texts = await marked(false);
    expect(texts).toHaveLength(1);
    expect(asked).not.toContain('Nobody here.');
  });
});

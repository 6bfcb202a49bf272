/**
 * A first look at the page before walking it: the body's rendered text (`innerText`, one native
 * call) matched as a whole. Where it holds no mention, the walk would find none either, and is
 * skipped. On the 130 corpus pages the walk and the matcher found mentions in 48, the rendered
 * text in the same 48, and neither in the other 82; the look cost 0.17× the floor, the walk it
 * saves 1.4× (and the matching 0.6×), cold, in an isolated world (issue 13). In Firefox ESR 153 the
 * walk found mentions in 46, the rendered text in the same 46 and in one more (walked for nothing).
 *
 * Matching the rendered text is most of the look's cost. A RegExp of every alias's first letters
 * (native code, found places confirmed by the matcher) was tried in its place and kept no gain: over
 * the whole text it cost as much as the matcher, and the look through it 1.30× the floor against
 * 0.85× (10 corpus pages, 7 cold loads each).
 *
 * The look is loose about case (a style may upper-case "the West"), but `innerText` differs from
 * what the walk reads in ways it cannot see past: text a style lower-cases (a case-sensitive alias in
 * capitals, "NATO", is not found in "nato"); a name glued to the next word where the walk breaks the
 * run and `innerText` puts no space (an inline-block, `<img>`, `<button>`, `<meter>`, `<progress>`:
 * "navNATO"); and `content-visibility: hidden` set by the page. A page whose only mentions lie there
 * is left unmarked; any other mention makes the walk run and find them all.
 */

/**
 * Above this much HTML the look is not taken: `innerText` is one task that cannot be cut, 26 ms
 * for the 4 MB generated page's 4.1 M characters (about 7 ms a million), so at most about 10 ms here.
 */
export const RENDERED_TEXT_MAX_BYTES = 1_500_000;

/**
 * The look stops at the first match, so it reads the text in pieces this long: a page with mentions
 * (half the corpus) pays for the text up to its first one, not for all of it. The context either
 * side of a piece holds any alias up to 256 characters (53 at most in the bundled pack) and its word
 * boundaries; only a token longer than that (a URL), cut there, can read differently.
 */
export const LOOK_CHUNK_CHARS = 8192;
export const LOOK_OVERLAP_CHARS = 256;

/**
 * A closed `<details>` holds text `innerText` leaves out and the walk marks, and opening it changes
 * no text the change watch would see: such a page is always walked.
 */
const OPENS_LATER = 'details:not([open])';

/** The rendered text of the whole page, or null where the walk must run regardless. */
export function renderedText(doc: Document, root: Node): string | null {
  if (root !== doc.body || !doc.body) return null;
  const nav = doc.defaultView?.performance?.getEntriesByType?.('navigation')[0] as
    PerformanceNavigationTiming | undefined;
  // An unknown size (no navigation entry, or 0) may be any size.
  const bytes = nav?.decodedBodySize ?? 0;
  if (!(bytes > 0 && bytes <= RENDERED_TEXT_MAX_BYTES)) return null;
  if (doc.querySelector(OPENS_LATER)) return null;
  const text: unknown = doc.body.innerText;
  // DOMs without layout (jsdom) have no rendered text to go by.
  return typeof text === 'string' ? text : null;
}

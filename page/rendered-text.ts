/**
 * A first look at the page before walking it: the body's rendered text (`innerText`, one native
 * call) matched as a whole. Where it holds no mention, the walk would find none either, and is
 * skipped. On the 130 corpus pages the walk and the matcher found mentions in 48, the rendered
 * text in the same 48, and neither in the other 82; the look cost 0.17× the floor, the walk it
 * saves 1.4× (and the matching 0.6×), cold, in an isolated world (issue 13).
 *
 * What `innerText` leaves out that the walk reads is the limit of this look: text that CSS renders
 * in lower case (a case-sensitive alias such as "NATO" is not found in "nato"), a name glued to the
 * next word by an inline-block ("navNATO"), and `content-visibility: hidden` set by the page. A page
 * whose only mentions lie there is left unmarked; any other mention makes the walk run and find them.
 */

/**
 * Above this much HTML the look is not taken: `innerText` is one task that cannot be cut, 26 ms
 * for the 4 MB generated page's 4.1 M characters (about 7 ms a million), so at most about 10 ms here.
 */
export const RENDERED_TEXT_MAX_BYTES = 1_500_000;

/**
 * Closed `<details>` and `hidden="until-found"` hold text `innerText` leaves out and the walk marks,
 * and opening them changes no text the change watch would see: such a page is always walked.
 */
const OPENS_LATER = 'details:not([open]), [hidden="until-found"]';

/** The rendered text of the whole page, or null where the walk must run regardless. */
export function renderedText(doc: Document, root: Node): string | null {
  if (root !== doc.body || !doc.body) return null;
  const nav = doc.defaultView?.performance?.getEntriesByType?.('navigation')[0] as
    PerformanceNavigationTiming | undefined;
  if ((nav?.decodedBodySize ?? 0) > RENDERED_TEXT_MAX_BYTES) return null;
  if (doc.querySelector(OPENS_LATER)) return null;
  const text: unknown = doc.body.innerText;
  // DOMs without layout (happy-dom, jsdom) have no rendered text to go by.
  return typeof text === 'string' ? text : null;
}

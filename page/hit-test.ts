/** Which mention lies under a point of the viewport. */
import type { Highlighter } from './highlighter';
import type { Mention, MentionStore } from './mentions';
import { liveRange } from './scanner';

type CaretDoc = Document & {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
};

type HighlightsFromPoint = (
  x: number,
  y: number,
) => Array<Highlight | { highlight: Highlight; ranges: AbstractRange[] }>;

const rectsContain = (rects: DOMRectList, x: number, y: number) => {
  for (const r of rects) if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true;
  return false;
};

/** The caret position nearest a point, by whichever API this browser has. */
function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | undefined {
  const caretDoc = doc as CaretDoc;
  if (caretDoc.caretPositionFromPoint) {
    const pos = caretDoc.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : undefined;
  }
  const range = caretDoc.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : undefined;
}

/** The mention under a point: highlight hit-testing where the browser has it, else the caret. */
export function mentionAt(
  doc: Document,
  store: MentionStore,
  highlighter: Highlighter,
  x: number,
  y: number,
): Mention | undefined {
  const fromPoint = (CSS.highlights as unknown as { highlightsFromPoint?: HighlightsFromPoint }).highlightsFromPoint;
  if (typeof fromPoint === 'function') {
    const hits = fromPoint.call(CSS.highlights, x, y);
    const ours = hits.filter((hit) => highlighter.owns('highlight' in hit ? hit.highlight : hit));
    if (!ours.length) return undefined;
    for (const hit of ours) {
      if (!('ranges' in hit)) break;
      for (const range of hit.ranges) {
        const mention = store.ofRange(range);
        if (mention) return mention;
      }
    }
  }
  const caret = caretAt(doc, x, y);
  if (!caret || caret.node.nodeType !== 3) return undefined;
  const mention = store.at(caret.node, caret.offset);
  // The caret is the nearest text position even beside the text: check the point is on the mention.
  return mention && rectsContain(liveRange(mention.range).getClientRects(), x, y) ? mention : undefined;
}

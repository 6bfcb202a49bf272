/**
 * The floor's work walked the way the scanner walks (firstChild/nextSibling, each level's visibility
 * on a stack): shared by the in-page bench (`floorDirect`) and the reference content scripts
 * (bench/reference-content.ts), so both time the same walk.
 */
import { SKIPPED_TAGS } from '../page/scanner';

const HTML_NS = 'http://www.w3.org/1999/xhtml';

/** Whether text in a box with this computed visibility is shown. */
export const shows = (visibility: string) => visibility !== 'hidden' && visibility !== 'collapse';

/** Sums the visible text below `root`: no filter calling back into script, no Map. */
export function walkLikeScanner(root: HTMLElement): { chars: number; texts: number } {
  const visible: boolean[] = [shows(getComputedStyle(root).visibility)];
  const path: Node[] = [root];
  let depth = 0;
  let chars = 0;
  let texts = 0;
  let node: Node | null = root.firstChild;
  while (node) {
    let next: Node | null = null;
    if (node.nodeType === 3) {
      if (visible[depth]) {
        chars += (node as Text).data.length;
        texts++;
      }
    } else if (node.nodeType === 1) {
      const el = node as Element;
      if (el.namespaceURI === HTML_NS && !SKIPPED_TAGS.has(el.tagName)) {
        const style = getComputedStyle(el);
        if (style.display !== 'none' && el.firstChild) {
          depth++;
          path[depth] = el;
          visible[depth] = shows(style.visibility);
          next = el.firstChild;
        }
      }
    }
    while (!next) {
      next = node!.nextSibling;
      if (next) break;
      if (depth === 0) break;
      node = path[depth]!;
      depth--;
    }
    node = next;
  }
  return { chars, texts };
}

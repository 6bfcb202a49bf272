/**
 * Finds the `nth` occurrence of `text` in the page's text as a reader would point at it, and
 * returns its viewport rectangle, or null when the page does not have it. With `scroll` it first
 * brings the text to the middle of the view ('center') or to that many pixels from its top; with
 * `select` it selects the text as a drag would (`mouseup`: and lets go of the mouse, which is when
 * Gloss looks at a selection), and `selected` is the selection's text.
 *
 * Runs in the page: pass it to `page.evaluate` (Playwright or Puppeteer). One function with no
 * function inside, so it arrives whole, whatever the transform of the calling script.
 */
export interface TextQuery {
  text: string;
  nth?: number;
  scroll?: 'center' | number;
  select?: boolean;
  mouseup?: boolean;
}

export interface TextFound {
  x: number;
  y: number;
  width: number;
  height: number;
  selected: string;
}

export function textInPage({ text, nth = 0, scroll, select, mouseup }: TextQuery): TextFound | null {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let seen = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node as Text).data.indexOf(text);
    if (at < 0 || seen++ < nth) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    if (scroll === 'center') node.parentElement!.scrollIntoView({ block: 'center' });
    else if (scroll !== undefined) window.scrollBy(0, range.getBoundingClientRect().top - scroll);
    let selected = '';
    if (select) {
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      if (mouseup) document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      selected = getSelection()!.toString();
    }
    const r = range.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height, selected };
  }
  return null;
}

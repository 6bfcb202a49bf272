/**
 * Selects the first occurrence of `text` in a page, as a reader's drag would, and returns the
 * selection's text. Runs in the page (pass it to `page.evaluate`, Playwright or Puppeteer); with
 * `mouseup`, it also lets go of the mouse, which is when Gloss looks at a selection.
 */
export function selectText({ text, mouseup }: { text: string; mouseup?: boolean }): string {
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = (node as Text).data.indexOf(text);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + text.length);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(range);
    if (mouseup) document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    return getSelection()!.toString();
  }
  throw new Error(`no ${text} on the page`);
}

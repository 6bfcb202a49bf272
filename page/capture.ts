/**
 * "Quote in a pack…": the selected passage and its page, as the pack editor needs them. Runs in
 * the content script (the button beside a selection) and in capture.js, which the background
 * injects from the context menu on any page, Gloss on or not there.
 */
import type { QuoteCapture } from '../core/messages';
import { anchorQuote, CONTEXT_CHARS, type TextQuoteSelector } from '../data/text-quote';
import { publishedDate } from './published';

/** The page's readable text as paragraphs: what the browser renders, hidden content left out. */
function readableText(root: HTMLElement): string {
  return root.innerText
    .split(/\n+/)
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((line) => line.length > 0)
    .join('\n\n');
}

/** The article, where the page marks one (the largest, for pages with teasers in <article>), else <main>, else the body. */
function articleRoot(doc: Document): HTMLElement {
  const articles = [...doc.querySelectorAll<HTMLElement>('article')];
  const largest = articles.sort((a, b) => (b.textContent?.length ?? 0) - (a.textContent?.length ?? 0))[0];
  return largest ?? doc.querySelector<HTMLElement>('main') ?? doc.body;
}

/** The selection as a W3C TextQuoteSelector: its text and the text before and after it in the page. */
export function selectorOf(range: Range, doc: Document): TextQuoteSelector {
  const before = doc.createRange();
  before.setStart(doc.body, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const after = doc.createRange();
  after.setStart(range.endContainer, range.endOffset);
  after.setEnd(doc.body, doc.body.childNodes.length);
  return {
    type: 'TextQuoteSelector',
    exact: range.toString(),
    prefix: before.toString().slice(-CONTEXT_CHARS),
    suffix: after.toString().slice(0, CONTEXT_CHARS),
  };
}

const meta = (doc: Document, selector: string) => doc.querySelector<HTMLMetaElement>(selector)?.content?.trim() || null;

/** The current selection with its page; null when nothing is selected. */
export function captureSelection(doc: Document = document): QuoteCapture | null {
  const selection = doc.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const selector = { ...selectorOf(range, doc), exact: selection.toString() };
  if (!selector.exact.trim()) return null;
  // The article's text where the quote is in it; the whole page's where the curator quoted elsewhere.
  let text = readableText(articleRoot(doc));
  if (!anchorQuote(text, selector)) text = readableText(doc.body);
  return {
    url: location.href,
    title: meta(doc, 'meta[property="og:title"]') ?? (doc.title.trim() || location.href),
    publisher: meta(doc, 'meta[property="og:site_name"]') ?? location.hostname,
    published: publishedDate(doc),
    lang: doc.documentElement.lang || null,
    text,
    selector,
  };
}

/**
 * One marking session: the parts that scan, keep, paint and open the mentions of a page while
 * Gloss is on for it, wired together. Switching off aborts the session and drops it whole.
 */
import { groupOfTag } from '../core/group-tags';
import type { Matcher } from '../core/matcher-types';
import type { Prefs } from '../core/page-settings';
import { Highlighter, isDarkPage } from './highlighter';
import { HoverController, type HoverOptions } from './hover';
import { Marks } from './marks';
import { MentionStore } from './mentions';
import { PageScan } from './page-scan';

export interface Session {
  abort: AbortController;
  store: MentionStore;
  highlighter: Highlighter;
  scan: PageScan;
  hover: HoverController;
  marks: Marks;
}

export interface SessionOptions {
  doc: Document;
  matcher: Matcher;
  /** The same matcher without its context rules, for the first look at the page (page/page-scan.ts). */
  precheck?: Matcher;
  prefs: Prefs | null;
  exclude: (element: Element) => boolean;
  /** The scan is done, or the mentions changed after it. */
  settled: () => void;
  /** The page replaced its document element: start over. */
  replaced: () => void;
  /** What the hover card needs beyond the mentions. */
  card: Omit<HoverOptions, 'doc' | 'store' | 'highlighter'>;
}

export function startSession({
  doc,
  matcher,
  precheck,
  prefs,
  exclude,
  settled,
  replaced,
  card,
}: SessionOptions): Session {
  const abort = new AbortController();
  const store = new MentionStore();
  const highlighter = new Highlighter(
    () => CSS.highlights,
    () => isDarkPage(doc),
    prefs?.highlightStyle,
  );
  const marks = new Marks(store, highlighter, prefs?.density ?? 'all');
  let hovering = false;
  const scan = new PageScan({
    doc,
    matcher,
    precheck,
    groupOf: (match) => groupOfTag(match.tag),
    store,
    exclude,
    onAdded: (mentions) => {
      // The card's listeners wait for the first mention: a page with none never has them.
      if (mentions.length && !abort.signal.aborted && !hovering) {
        hovering = true;
        hover.attach(abort.signal);
      }
      marks.added(mentions);
    },
    onRemoved: (mentions) => marks.removed(mentions),
    onSettled: () => {
      // The scan is done: its last marks show now rather than at the next batch.
      highlighter.flush();
      settled();
    },
    onDocumentReplaced: () => queueMicrotask(replaced),
  });
  const hover = new HoverController({ doc, store, highlighter, ...card });
  scan.start();
  return { abort, store, highlighter, scan, hover, marks };
}

export function stopSession(session: Session): void {
  session.abort.abort();
  session.scan.stop();
  session.highlighter.clear();
  session.store.clear();
}

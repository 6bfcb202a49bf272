/**
 * A page scan of `document` started as the content script starts it, logging what it marks
 * (`+text`) and unmarks (`-text`); `settle()` resolves after the next scan or rescan completes.
 */
import type { Matcher } from '../../core/matcher';
import { MentionStore } from '../../page/mentions';
import { PageScan } from '../../page/page-scan';

export function startedScan(matcher: Matcher) {
  const store = new MentionStore();
  const log: string[] = [];
  let settled: () => void = () => undefined;
  const scan = new PageScan({
    doc: document,
    matcher,
    groupOf: () => 'actor',
    store,
    exclude: () => false,
    onAdded: (added) => added.forEach((m) => log.push(`+${m.text}`)),
    onRemoved: (removed) => removed.forEach((m) => log.push(`-${m.text}`)),
    onSettled: () => settled(),
  });
  const settle = () => new Promise<void>((resolve) => (settled = resolve));
  const first = settle();
  scan.start();
  return { store, log, scan, settle, first };
}

/**
 * The in-page half of the benchmark, bundled by `bench/bundle.ts` into one IIFE and injected into
 * each freshly loaded page (main world, before the page parses). Exposes `window.__glossBench`.
 *
 * Every method is timed with `performance.now()` around synchronous work, and each timed section
 * ends with a forced layout (`document.body.offsetHeight`), so DOM changes (mark.js) pay for their
 * relayout inside the measurement, as they would in a real page.
 */
import Mark from 'mark.js/dist/mark.min.js';
import packJson from '../data/packs/kazakhstan-2022.json';
import type { Pack } from '../data/schema';
import { groupOfTag, tagOf } from '../core/group-tags';
import { Highlighter, isDarkPage } from '../page/highlighter';
import type { AliasInput, Matcher } from '../core/matcher';
import { loadMatcher } from '../core/matcher-pack';
import { aliasesOf, packAliases as packAliasesWithRules } from '../core/pack-aliases';
import { withRules } from '../core/context-rules';
import { compileMatcher } from '../core/matcher';
import { HOST_TAG } from '../page/card-names';
import { MentionStore } from '../page/mentions';
import { PageScan } from '../page/page-scan';
import { RunCollector, SKIPPED_TAGS, type TextRun } from '../page/scanner';
import { shows, walkLikeScanner } from './floor-walk';

const pack = packJson as unknown as Pack;

/** Same predicate the content script passes: our own UI host is never scanned. */
const isOwnElement = (element: Element) => element.localName === HOST_TAG;

const HTML_NS = 'http://www.w3.org/1999/xhtml';

export type AliasSet = 'pack' | '50k';

/** The bundled pack's aliases: mark.js is given their texts. */
const packAliases = (): AliasInput[] => aliasesOf([pack]);

const layout = () => document.body.offsetHeight;

/** PageScan's private step that matches runs and registers their mentions (page/page-scan.ts). */
interface BenchPageScan {
  register(runs: TextRun[], overdue: () => boolean, pause: () => Promise<void>): Promise<void>;
  mayMention(root: Node, overdue: () => boolean, pause: () => Promise<void>): Promise<boolean>;
}

/** The packed matchers as the background sends them (JSON), fetched before any timing. */
const packed = new Map<AliasSet, string>();

/** One matcher per alias set: the scaling run must not silently reuse the pack's. */
const matchers = new Map<AliasSet, Matcher>();
/** The pack's context rules, as the background sends them with the matcher. */
let ruleSet: { rules: ReturnType<typeof packAliasesWithRules>['rules']; inner: Matcher } | null = null;
/**
 * As the content script runs it: every run's matches go through the pack's context rules. A fresh
 * wrapper per call, as a page gets: weak aliases remember the strong ones seen on the page so far.
 */
const matcherOf = (set: AliasSet): Matcher => {
  const m = matchers.get(set);
  if (!m) throw new Error(`load('${set}') first`);
  if (!ruleSet) {
    const { rules, inner } = packAliasesWithRules([pack], [], tagOf);
    ruleSet = { rules, inner: compileMatcher(inner) };
  }
  const { rules, inner } = ruleSet;
  return withRules(m, { rules, pageDate: '2022-01-10', today: '2026-12-01', findWithin: (t) => inner.find(t) });
};

const api = {
  /** Styles and lays out the page, then waits for a frame, so no method pays for the first layout. */
  async settle(): Promise<void> {
    // With --js-flags=--expose-gc: no method pays for the garbage of the one before.
    (globalThis as { gc?: () => void }).gc?.();
    layout();
    void getComputedStyle(document.body).display;
    await new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  },

  /**
   * Fetches the packed matcher outside any timing: the extension's background compiles it once
   * per pack change and sends it as a message (bench/run.ts packs it the same way and serves it).
   */
  async prepareMatcher(set: AliasSet, json?: string): Promise<number> {
    // From the runner when the page cannot fetch it (its CSP, or a <base> elsewhere).
    const text = json ?? (await (await fetch(`${location.origin}/__bench/packed-${set}.json`)).text());
    packed.set(set, text);
    return text.length;
  },

  /**
   * What the content script does with the background's reply: parse it (a stand-in for the
   * message's deserialization) and load the matcher (cold: the first call in a fresh page also
   * makes the character tables).
   */
  load(set: AliasSet): { ms: number; aliases: number } {
    const text = packed.get(set);
    if (text === undefined) throw new Error(`prepareMatcher('${set}') first`);
    const t0 = performance.now();
    const matcher = loadMatcher(JSON.parse(text));
    const ms = performance.now() - t0;
    matchers.set(set, matcher);
    return { ms, aliases: matcher.aliasCount };
  },

  /**
   * The floor: the least work that finds the visible text. One TreeWalker over elements and text;
   * an element is rejected (with its subtree) when it is one of the tags the scanner skips, not
   * HTML (SVG, MathML), or computes to display:none; its visibility is read from the same
   * computed style and cached in a Map; a text node counts when its parent is visible. Sums lengths.
   */
  floor(): { ms: number; chars: number; texts: number } {
    const t0 = performance.now();
    const visible = new Map<Element, boolean>();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode(node) {
        if (node.nodeType !== 1) return NodeFilter.FILTER_ACCEPT;
        const el = node as Element;
        if (el.namespaceURI !== HTML_NS || SKIPPED_TAGS.has(el.tagName)) return NodeFilter.FILTER_REJECT;
        const style = getComputedStyle(el);
        if (style.display === 'none') return NodeFilter.FILTER_REJECT;
        visible.set(el, shows(style.visibility));
        return NodeFilter.FILTER_SKIP;
      },
    });
    let chars = 0;
    let texts = 0;
    // The walker hands over the body's children, never the body: its own visibility is read here.
    visible.set(document.body, shows(getComputedStyle(document.body).visibility));
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent && visible.get(parent)) {
        chars += (node as Text).data.length;
        texts++;
      }
    }
    layout();
    return { ms: performance.now() - t0, chars, texts };
  },

  /**
   * The floor's work, walked the way the scanner walks: firstChild/nextSibling with the visibility
   * of each level on a stack, no filter calling back into script and no Map. Not a budget: it shows
   * how much of Gloss's lead over the floor is the way of walking rather than less work.
   */
  floorDirect(): { ms: number; chars: number; texts: number } {
    const t0 = performance.now();
    const { chars, texts } = walkLikeScanner(document.body);
    layout();
    return { ms: performance.now() - t0, chars, texts };
  },

  /** Gloss's scanner and matcher over the document: runs collected, every run matched, nothing marked. */
  glossScan(set: AliasSet = 'pack'): {
    ms: number;
    walkMs: number;
    matchMs: number;
    runs: number;
    chars: number;
    matches: number;
  } {
    const m = matcherOf(set);
    const t0 = performance.now();
    const runs = new RunCollector(document.body, { exclude: isOwnElement }).next();
    const t1 = performance.now();
    let matches = 0;
    let chars = 0;
    for (const run of runs) {
      matches += m.find(run.text).length;
      chars += run.text.length;
    }
    const t2 = performance.now();
    layout();
    const t3 = performance.now();
    return { ms: t3 - t0, walkMs: t1 - t0, matchMs: t2 - t1, runs: runs.length, chars, matches };
  },

  /**
   * What the content script does once the matcher is loaded: highlighter (its dark-page check at the first mark), the
   * first look at the rendered text (PageScan's own `mayMention`), and unless that found nothing the
   * walk, then PageScan's own `register` (match, Range, MentionStore, Highlight.add) on the runs.
   * The walk runs in one go here; in the extension the same work is cut into 4 ms slices. `register`
   * and `mayMention` are async (they await between pieces to give the page its thread back): with a
   * slice that never runs out they continue in microtasks only, adding no task boundary to the timing.
   */
  async glossFull(): Promise<{ ms: number; walkMs: number; registerMs: number; mentions: number; walked: boolean }> {
    const m = matcherOf('pack');
    const precheck = matchers.get('pack')!;
    const t0 = performance.now();
    const highlighter = new Highlighter(
      () => CSS.highlights,
      () => isDarkPage(document),
    );
    const store = new MentionStore();
    const scan = new PageScan({
      doc: document,
      matcher: m,
      groupOf: (match) => groupOfTag(match.tag),
      store,
      exclude: isOwnElement,
      precheck,
      onAdded: (mentions) => {
        for (const mention of mentions) highlighter.add(mention.range, mention.group);
      },
      onRemoved: () => undefined,
      onSettled: () => undefined,
    });
    const walked = await (scan as unknown as BenchPageScan).mayMention(
      document.body,
      () => false,
      async () => undefined,
    );
    const runs = walked ? new RunCollector(document.body, { exclude: isOwnElement }).next() : [];
    const t1 = performance.now();
    await (scan as unknown as BenchPageScan).register(
      runs,
      () => false,
      async () => undefined,
    );
    // The highlighter batches its ranges; hand them over inside the timing.
    highlighter.flush();
    const t2 = performance.now();
    layout();
    const t3 = performance.now();
    const result = { ms: t3 - t0, walkMs: t1 - t0, registerMs: t2 - t1, mentions: store.size, walked };
    // Later methods in the same load must not pay for our highlights or their painting.
    highlighter.clear();
    store.clear();
    return result;
  },

  /**
   * mark.js over the same aliases (exact texts deduplicated), "exactly", no diacritics expansion.
   * mark.js handles a keyword list one keyword at a time, longest first, each a full pass over
   * the DOM; we make the same calls one keyword at a time so a page can be stopped after `capMs`
   * (hundreds of keywords take minutes on a long page). A capped time is a lower bound.
   */
  markjs(capMs = Infinity): { ms: number; marks: number; keywords: number; done: number; capped: boolean } {
    const keywords = [
      ...new Set(
        packAliases()
          .map((a) => a.text.trim())
          .filter(Boolean),
      ),
    ].sort((a, b) => b.length - a.length);
    let marks = 0;
    let done = 0;
    const instance = new Mark(document.body);
    const options = {
      accuracy: 'exactly' as const,
      separateWordSearch: false,
      diacritics: false,
      caseSensitive: false,
      done: (total: number) => {
        marks += total;
      },
    };
    const t0 = performance.now();
    for (const keyword of keywords) {
      instance.mark(keyword, options);
      done++;
      if (performance.now() - t0 > capMs) break;
    }
    layout();
    const ms = performance.now() - t0;
    return { ms, marks, keywords: keywords.length, done, capped: done < keywords.length };
  },
};

declare global {
  interface Window {
    __glossBench: typeof api;
  }
}

window.__glossBench = api;

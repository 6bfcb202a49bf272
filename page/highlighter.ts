/**
 * Marks ranges with the CSS Custom Highlight API: the page's DOM is never touched.
 * One highlight per entity group, so the stylesheet can tell actors, events and concepts apart.
 */
import type { EntityGroup } from '../data/groups';
// How a mention is drawn; highlights.css has one rule set per style.
import type { HighlightStyle } from '../core/page-settings';

export const HIGHLIGHT_NAMES: Record<EntityGroup | 'focus', string> = {
  actor: 'gloss-actor',
  event: 'gloss-event',
  concept: 'gloss-concept',
  focus: 'gloss-focus',
};

export const highlightsSupported = () =>
  typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

type Key = EntityGroup | 'focus';

/**
 * New ranges reach the page's highlights in batches at most this often: every change to a
 * registered highlight makes the browser repaint it, and a long page scanned in 4 ms slices would
 * otherwise repaint a growing set of marks after every slice.
 */
export const BATCH_MS = 200;

export class Highlighter {
  private readonly highlights = new Map<Key, { highlight: Highlight; name: string }>();
  private flashTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly pending = new Map<Highlight, Set<AbstractRange>>();
  private batchTimer: ReturnType<typeof setTimeout> | undefined;

  /**
   * `registry` and `dark` (the variants drawn for dark page backgrounds) are asked for when the
   * first mark is drawn when they are functions: a page with no mention pays for neither (its
   * first `CSS.highlights` alone cost 0.16 ms, cold, on small corpus pages); `style` is the
   * reader's preference.
   */
  constructor(
    private registry: HighlightRegistry | (() => HighlightRegistry) = () => CSS.highlights,
    private dark: boolean | (() => boolean) = false,
    private style: HighlightStyle = 'both',
  ) {}

  /** The registered name: the page's DOM has no class to carry a style, so the name does. */
  private nameOf(key: Key): string {
    if (typeof this.dark === 'function') this.dark = this.dark();
    const theme = this.dark ? '-dark' : '';
    const style = key === 'focus' || this.style === 'both' ? '' : `-${this.style}`;
    return `${HIGHLIGHT_NAMES[key]}${theme}${style}`;
  }

  private get highlightRegistry(): HighlightRegistry {
    if (typeof this.registry === 'function') this.registry = this.registry();
    return this.registry;
  }

  private get(key: Key): Highlight {
    let entry = this.highlights.get(key);
    if (!entry) {
      const highlight = new Highlight();
      // Above page highlights of the same priority, so our marks stay readable.
      highlight.priority = key === 'focus' ? 2 : 1;
      entry = { highlight, name: this.nameOf(key) };
      this.highlights.set(key, entry);
      this.highlightRegistry.set(entry.name, highlight);
    }
    return entry.highlight;
  }

  /** Redraws every mark in another style by registering the same highlights under new names. */
  setStyle(style: HighlightStyle): void {
    if (style === this.style) return;
    this.style = style;
    for (const [key, entry] of this.highlights) {
      if (this.highlightRegistry.get(entry.name) === entry.highlight) this.highlightRegistry.delete(entry.name);
      entry.name = this.nameOf(key);
      this.highlightRegistry.set(entry.name, entry.highlight);
    }
  }

  add(range: AbstractRange, group: EntityGroup): void {
    const highlight = this.get(group);
    let batch = this.pending.get(highlight);
    if (!batch) this.pending.set(highlight, (batch = new Set()));
    batch.add(range);
    this.batchTimer ??= setTimeout(() => this.flush(), BATCH_MS);
  }

  /** Hands the waiting ranges to the page's highlights now. */
  flush(): void {
    clearTimeout(this.batchTimer);
    this.batchTimer = undefined;
    for (const [highlight, batch] of this.pending) for (const range of batch) highlight.add(range);
    this.pending.clear();
  }

  remove(range: AbstractRange, group: EntityGroup): void {
    const entry = this.highlights.get(group);
    if (!entry) return;
    this.pending.get(entry.highlight)?.delete(range);
    entry.highlight.delete(range);
  }

  /** Marks one range as the current one (keyboard navigation, jump to mention) for a while. */
  focus(range: AbstractRange | null, ms = 1600): void {
    const highlight = this.get('focus');
    highlight.clear();
    clearTimeout(this.flashTimer);
    if (!range) return;
    highlight.add(range);
    this.flashTimer = setTimeout(() => highlight.clear(), ms);
  }

  /** Whether a highlight at a point is one of ours (cheap early exit for hit-testing). */
  owns(highlight: Highlight): boolean {
    for (const own of this.highlights.values()) if (own.highlight === highlight) return true;
    return false;
  }

  clear(): void {
    clearTimeout(this.flashTimer);
    clearTimeout(this.batchTimer);
    this.batchTimer = undefined;
    this.pending.clear();
    for (const { highlight, name } of this.highlights.values()) {
      highlight.clear();
      if (this.highlightRegistry.get(name) === highlight) this.highlightRegistry.delete(name);
    }
    this.highlights.clear();
  }
}

/** Relative luminance of the page background, so marks stay readable on dark pages. */
export function isDarkPage(doc: Document): boolean {
  const view = doc.defaultView;
  if (!view) return false;
  for (const element of [doc.body, doc.documentElement]) {
    if (!element) continue;
    const color = view.getComputedStyle(element).backgroundColor;
    const rgba = color.match(/[\d.]+/g)?.map(Number);
    if (!rgba || rgba.length < 3 || rgba[3] === 0) continue;
    const [r, g, b] = rgba.map((c) => {
      const v = c / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.2;
  }
  return false;
}

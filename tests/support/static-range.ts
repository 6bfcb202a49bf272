/**
 * happy-dom has no StaticRange. This is the platform's as far as Gloss relies on it: the four
 * boundary fields, fixed at construction and never updated by changes to the document.
 */
if (typeof globalThis.StaticRange !== 'function') {
  class StaticRangeShim {
    readonly startContainer: Node;
    readonly startOffset: number;
    readonly endContainer: Node;
    readonly endOffset: number;
    constructor(init: StaticRangeInit) {
      this.startContainer = init.startContainer;
      this.startOffset = init.startOffset;
      this.endContainer = init.endContainer;
      this.endOffset = init.endOffset;
    }
    get collapsed(): boolean {
      return this.startContainer === this.endContainer && this.startOffset === this.endOffset;
    }
  }
  (globalThis as { StaticRange: unknown }).StaticRange = StaticRangeShim;
}

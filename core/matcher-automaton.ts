/** The compiled automaton and its walk over a text (`find`): built by core/matcher.ts or loaded by core/matcher-pack.ts. */
import { fold, IGNORABLE, infoOf, isIgnorable, isSpace, SPACE } from '../data/fold';
import { exactAt, isLinkToken, wordAt, wordBefore } from './matcher-text';
import type { Entry, Match, Matcher } from './matcher-types';

export const DEFAULT_DENSE_BUDGET = 1 << 20; // 4 MB at most, only reached by very large alias sets

// ---------------------------------------------------------------------------------------------
// Matching

/** The compiled aliases, by entry index: plain objects when compiled here, decoded on use when loaded. */
export interface EntryTable {
  readonly count: number;
  caseSensitive(e: number): boolean;
  /** Case-preserving normal form of a case-sensitive entry. */
  exact(e: number): string;
  match(e: number, start: number, end: number): Match;
}

export class EntryList implements EntryTable {
  /** Distinct aliases: an alias with a dash has one entry per spacing, all sharing its input. */
  readonly count: number;
  constructor(readonly list: Entry[]) {
    this.count = new Set(list.map((entry) => entry.input)).size;
  }
  caseSensitive(e: number) {
    return (this.list[e] as Entry).caseSensitive;
  }
  exact(e: number) {
    return (this.list[e] as Entry).exact;
  }
  match(e: number, start: number, end: number): Match {
    const { input } = this.list[e] as Entry;
    return { entityId: input.entityId, alias: input.text, lang: input.lang, start, end, tag: input.tag };
  }
}

export interface Compiled {
  entries: EntryTable;
  classOf: Uint16Array;
  /** Class of each folded code unit that occurs in an alias; 0 for the others. */
  classOfFolded: Uint16Array;
  /** The class of code units not classified yet; its dense entries are `~N`. */
  unknownClass: number;
  K: number;
  D: number;
  N: number;
  spaceClass: number;
  delta: Int32Array;
  /** Which dense rows are filled in (a loaded matcher fills a row when the text first reaches it); null: all. */
  built: Uint8Array | null;
  /** Failure links; -1 where not computed yet: a loaded matcher computes each on first use (`failOf`). */
  fail: Int32Array;
  outFirst: Int32Array;
  firstChild: Int32Array;
  inClass: Uint16Array;
  term: Int32Array;
  keyLength: Int32Array;
  keyEntryStart: Int32Array;
  /** The entries of each key, flattened; null when entries are numbered in key order (a loaded matcher). */
  keyEntryList: Int32Array | null;
  maxLength: number;
}

/** The trie child of state `v` on class `cls`, or -1 (children are sorted by class). */
export function childOn(firstChild: Int32Array, inClass: Uint16Array, v: number, cls: number): number {
  for (let w = firstChild[v] as number, e = firstChild[v + 1] as number; w < e; w++) {
    const wc = inClass[w] as number;
    if (wc === cls) return w;
    if (wc > cls) break;
  }
  return -1;
}

/** Candidate spans kept sorted by (start asc, end desc) as they arrive (nearly in order). */
class Candidates {
  start = new Int32Array(64);
  end = new Int32Array(64);
  entry = new Int32Array(64);
  length = 0;

  push(s: number, e: number, entry: number): void {
    if (this.length === this.start.length) {
      const size = this.length * 2;
      const grow = (a: Int32Array) => {
        const b = new Int32Array(size);
        b.set(a);
        return b;
      };
      this.start = grow(this.start);
      this.end = grow(this.end);
      this.entry = grow(this.entry);
    }
    const S = this.start;
    const E = this.end;
    const X = this.entry;
    let j = this.length++;
    while (j > 0) {
      const ps = S[j - 1] as number;
      if (ps < s || (ps === s && (E[j - 1] as number) >= e)) break;
      S[j] = ps;
      E[j] = E[j - 1] as number;
      X[j] = X[j - 1] as number;
      j--;
    }
    S[j] = s;
    E[j] = e;
    X[j] = entry;
  }
}

export class AhoCorasickMatcher implements Matcher {
  readonly aliasCount: number;
  /** Read by `packMatcher`. */
  readonly c: Compiled;
  private readonly chain: Int32Array;
  private readonly chainStart: Int32Array;
  private readonly cands = new Candidates();
  /** Scratch for `buildRow`: the failure chain of a state, at most the longest alias deep. */
  private readonly rowChain: Int32Array;
  // Two-slot cache of link-token verdicts for the text being scanned.
  private tokA0 = -1;
  private tokA1 = -1;
  private tokAIsLink = false;
  private tokB0 = -1;
  private tokB1 = -1;
  private tokBIsLink = false;

  constructor(compiled: Compiled) {
    this.c = compiled;
    this.aliasCount = compiled.entries.count;
    this.chain = new Int32Array(compiled.maxLength + 1);
    this.chainStart = new Int32Array(compiled.maxLength + 1);
    this.rowChain = new Int32Array(compiled.maxLength + 2);
    if (compiled.built) this.buildRow(0);
  }

  find(text: string, loose = false): Match[] {
    const n = text.length;
    const c = this.c;
    if (n === 0 || c.N <= 1) return [];
    this.tokA0 = this.tokA1 = this.tokB0 = this.tokB1 = -1;
    // One set of candidate arrays for every call: a page makes hundreds of calls, most on short texts.
    const cands = this.cands;
    cands.length = 0;

    const delta = c.delta;
    const classOf = c.classOf;
    const outFirst = c.outFirst;
    const firstChild = c.firstChild;
    const inClass = c.inClass;
    const K = c.K;
    const D = c.D;
    const spaceClass = c.spaceClass;

    let s = 0; // row offset of the current (dense) state
    let i = 0;
    while (i < n) {
      // Hot loop: dense states without output.
      let t = 0;
      for (; i < n; i++) {
        t = delta[s + (classOf[text.charCodeAt(i)] as number)] as number;
        if (t < 0) break;
        s = t;
      }
      if (i >= n) break;
      let id = ~t;
      if (id === c.N) {
        this.learnClass(text.charCodeAt(i));
        continue;
      }
      const from = s + (classOf[text.charCodeAt(i)] as number);
      i++;
      if ((outFirst[id] as number) >= 0) this.report(text, id, i, cands, loose);
      if (id < D) {
        if (c.built) {
          // A loaded matcher: the row is made on first arrival, and the entry that led here (written
          // while the row was missing) now leads straight in, so the hot loop keeps going next time.
          if (!c.built[id]) this.buildRow(id);
          if ((outFirst[id] as number) < 0) delta[from] = id * K;
        }
        s = id * K;
        continue;
      }
      // Sparse states: trie edges plus failure links, until we are back in the dense part.
      s = -1;
      while (i < n) {
        let cls = classOf[text.charCodeAt(i)] as number;
        if (cls === c.unknownClass) cls = this.learnClass(text.charCodeAt(i));
        if (cls === 1 || (cls === spaceClass && cls !== 0 && inClass[id] === cls)) {
          i++;
          continue;
        }
        i++;
        if (cls === 0) {
          s = 0;
          break;
        }
        let f = id;
        let next = -1;
        while (f >= D) {
          for (let w = firstChild[f] as number, e = firstChild[f + 1] as number; w < e; w++) {
            const wc = inClass[w] as number;
            if (wc === cls) {
              next = w;
              break;
            }
            if (wc > cls) break;
          }
          if (next >= 0) break;
          f = this.failOf(f);
        }
        if (next < 0) {
          if (c.built && !c.built[f]) this.buildRow(f);
          const e = delta[f * K + cls] as number;
          next = e >= 0 ? e / K : ~e;
        }
        id = next;
        if ((outFirst[id] as number) >= 0) this.report(text, id, i, cands, loose);
        if (id < D) {
          if (c.built && !c.built[id]) this.buildRow(id);
          s = id * K;
          break;
        }
      }
      if (s < 0) break; // text ended in a sparse state
    }

    // Leftmost-longest, non-overlapping.
    const out: Match[] = [];
    const entries = c.entries;
    let cursor = 0;
    for (let j = 0; j < cands.length; j++) {
      const start = cands.start[j] as number;
      if (start < cursor) continue;
      const end = cands.end[j] as number;
      out.push(entries.match(cands.entry[j] as number, start, end));
      cursor = end;
    }
    return out;
  }

  /**
   * Fills the dense row of state `v` as `compileMatcher` would have: its failure state's row (made
   * first), its trie edges, and the ignorable, unknown and collapsed-space entries. An edge to a
   * row not made yet is written `~target`, which leaves the hot loop once and is then patched.
   */
  private buildRow(v: number): void {
    const c = this.c;
    const built = c.built!;
    const { delta, K, firstChild, inClass, outFirst, D } = c;
    // Failure states first, shallowest first: each row starts as a copy of its failure state's.
    let chain = 0;
    for (let f = v; !built[f]; f = this.failOf(f)) {
      this.rowChain[chain++] = f;
      if (f === 0) break;
    }
    while (chain > 0) {
      const u = this.rowChain[--chain] as number;
      const row = u * K;
      if (u > 0) {
        const fr = this.failOf(u) * K;
        delta.copyWithin(row, fr, fr + K);
      }
      for (let w = firstChild[u] as number, e = firstChild[u + 1] as number; w < e; w++) {
        delta[row + (inClass[w] as number)] = w < D && built[w] && (outFirst[w] as number) < 0 ? w * K : ~w;
      }
      delta[row + 1] = row;
      delta[row + c.unknownClass] = ~c.N;
      if (u > 0 && c.spaceClass !== 0 && inClass[u] === c.spaceClass) delta[row + c.spaceClass] = row;
      built[u] = 1;
    }
  }

  /**
   * The failure link of state `v`, computed the first time it is asked for when the matcher came
   * without them (matcher-pack.ts): from the trie alone, as `compileMatcher` computes it (no alias
   * has an ignorable or two spaces in a row, so the dense rows' extra entries never matter here).
   * A text reaches few of the states, and the links were a third of a large matcher's message.
   */
  private failOf(v: number): number {
    const { fail, firstChild, inClass } = this.c;
    const known = fail[v] as number;
    if (known >= 0) return known;
    // The parent: the state whose children's ids take in v (breadth-first ids, so firstChild ascends).
    let lo = 0;
    let hi = v - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((firstChild[mid] as number) <= v) lo = mid;
      else hi = mid - 1;
    }
    const cls = inClass[v] as number;
    let link = 0;
    for (let f = lo === 0 ? -1 : this.failOf(lo); f >= 0; f = f === 0 ? -1 : this.failOf(f)) {
      const w = childOn(firstChild, inClass, f, cls);
      if (w >= 0) {
        link = w;
        break;
      }
    }
    fail[v] = link;
    return link;
  }

  private learnClass(u: number): number {
    const cls = isIgnorable(u) ? 1 : (this.c.classOfFolded[fold(u)] as number);
    this.c.classOf[u] = cls;
    return cls;
  }

  /** All aliases ending at `end` in `state`: filter and record them. */
  private report(text: string, state: number, end: number, cands: Candidates, loose: boolean): void {
    if (wordAt(text, end)) return; // shared right boundary
    const c = this.c;
    const chain = this.chain;
    const chainStart = this.chainStart;
    let count = 0;
    for (let o = c.outFirst[state] as number; o >= 0; o = c.outFirst[this.failOf(o)] as number) {
      chain[count++] = o;
    }
    // Starts, walking back once from the shortest alias to the longest.
    let p = end;
    let consumed = 0;
    for (let j = count - 1; j >= 0; j--) {
      let need = (c.keyLength[c.term[chain[j] as number] as number] as number) - consumed;
      consumed += need;
      while (need > 0) {
        p--;
        const k = infoOf(text.charCodeAt(p));
        if (k & IGNORABLE) continue;
        if (k & SPACE) {
          while (p > 0 && infoOf(text.charCodeAt(p - 1)) & (SPACE | IGNORABLE)) p--;
        }
        need--;
      }
      chainStart[j] = p;
    }
    for (let j = 0; j < count; j++) {
      const start = chainStart[j] as number;
      if (wordBefore(text, start)) continue;
      const key = c.term[chain[j] as number] as number;
      let entry = -1;
      for (let e = c.keyEntryStart[key] as number, x = c.keyEntryStart[key + 1] as number; e < x; e++) {
        const idx = c.keyEntryList ? (c.keyEntryList[e] as number) : e;
        if (!c.entries.caseSensitive(idx)) {
          entry = idx;
          break;
        }
        const exact = c.entries.exact(idx);
        // Loose: an upper-cased "THE WEST" still counts; an alias in capitals ("US") stays exact.
        if (exactAt(text, start, end, exact) || (loose && exact !== exact.toUpperCase())) {
          entry = idx;
          break;
        }
      }
      if (entry < 0) continue;
      if (this.inLinkToken(text, start) || this.inLinkToken(text, end - 1)) continue;
      cands.push(start, end, entry);
    }
  }

  /** Is the whitespace-delimited token containing text[p] a URL, e-mail address or slug? */
  private inLinkToken(text: string, p: number): boolean {
    if (p >= this.tokA0 && p < this.tokA1) return this.tokAIsLink;
    if (p >= this.tokB0 && p < this.tokB1) return this.tokBIsLink;
    let a = p;
    while (a > 0 && !isSpace(text.charCodeAt(a - 1))) a--;
    let b = p + 1;
    const n = text.length;
    while (b < n && !isSpace(text.charCodeAt(b))) b++;
    const isLink = isLinkToken(text, a, b);
    this.tokB0 = this.tokA0;
    this.tokB1 = this.tokA1;
    this.tokBIsLink = this.tokAIsLink;
    this.tokA0 = a;
    this.tokA1 = b;
    this.tokAIsLink = isLink;
    return isLink;
  }
}

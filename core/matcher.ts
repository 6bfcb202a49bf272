/**
 * Gloss text matcher: finds alias mentions in plain text.
 *
 * Pure module (no DOM, no `browser.*`). All aliases are compiled once into an Aho–Corasick
 * automaton over a compressed alphabet; `find` then walks the text once, in time linear in its
 * length and independent of the number of aliases.
 *
 * Layout
 * - Every UTF-16 code unit maps to a character class through one `Uint16Array(65536)`: class 0
 *   is "occurs in no alias" (always back to the root), class 1 is "ignorable" (soft hyphen,
 *   zero-width characters: the state does not change), classes 2.. are the folded code units
 *   that occur in aliases. The fold (lower case, apostrophe/dash/space variants) is baked into
 *   this table, so the hot loop does no normalisation work at all. A code unit is classified the
 *   first time a text contains it: until then it sits in a last, "unknown" class whose dense
 *   entries leave the hot loop, so the check costs nothing per character.
 * - States are numbered breadth-first. The shallowest states (as many as fit a size budget) get
 *   a full DFA row in one `Int32Array` (`delta[state * K + class]`); entries hold the target's
 *   row offset, or `~target` when the target reports a match or lies beyond the dense part.
 *   Deeper states keep only their trie edges (children are contiguous ids, found by scanning
 *   `inClass`) plus failure links; text rarely reaches them.
 * - A run of whitespace is collapsed by a self-loop on the space class in states entered by a
 *   space, ignorables by a self-loop on class 1, so both cost nothing extra per character.
 * - Outputs: `outFirst[state]` is the longest alias ending in that state (itself or via the
 *   failure chain), `outFirst[fail[o]]` the next shorter one.
 *
 * Candidates (all aliases ending at a position) are filtered on the original text: word
 * boundaries (\p{L}\p{N}\p{M}, ignorables skipped), exact case for case-sensitive aliases, and
 * the URL / e-mail / slug rule on the whitespace-delimited token. The survivors are resolved
 * leftmost-longest into non-overlapping matches.
 */

export interface AliasInput {
  /** Surface form, e.g. "Kassym-Jomart Tokayev", "Russia", "ОДКБ", "NATO–Russia Council". */
  text: string;
  entityId: string;
  /** "en" | "de" | "ru" | ... */
  lang: string;
  /** Match only with exactly this case (acronyms such as "US", "EU", "ЕС"). */
  caseSensitive?: boolean;
  /** An opaque small number handed back with each match (the content script: the entity's group). */
  tag?: number;
}

export interface Match {
  entityId: string;
  /** The alias text as given in AliasInput. */
  alias: string;
  lang: string;
  /** UTF-16 offsets into the input text, end exclusive. */
  start: number;
  end: number;
  /** The alias's `tag`, when it had one. */
  tag?: number;
}

export interface Matcher {
  /** Non-overlapping matches, in text order. */
  find(text: string): Match[];
  /** Number of distinct usable aliases compiled (empty ones and exact duplicates dropped). */
  readonly aliasCount: number;
}

export interface MatcherOptions {
  /**
   * Size, in entries, of the dense DFA table (4 bytes each). States beyond it fall back to
   * trie edges plus failure links. Mainly for tests; the default suits any realistic pack.
   */
  denseTableBudget?: number;
}

const DEFAULT_DENSE_BUDGET = 1 << 20; // 4 MB at most, only reached by very large alias sets

import {
  dashSpacings,
  fold,
  IGNORABLE,
  infoOf,
  isIgnorable,
  isSpace,
  isWord,
  normalizeAlias,
  punctFold,
  SPACE,
} from '../data/fold';

const ASTRAL_WORD_RE = /^[\p{L}\p{N}\p{M}]$/u;
const IGNORABLE_RE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const EDGE_PUNCT_RE = /^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu;
const WWW_RE = /^www\./i;
/** Lower-case slug of 3+ hyphen-joined parts, one of them digits only. */
const SLUG_RE = /^(?=(?:.*-)?\d+(?:-|$))[\p{Ll}\p{N}\p{M}]+(?:-[\p{Ll}\p{N}\p{M}]+){2,}$/u;

// ---------------------------------------------------------------------------------------------
// Compilation

interface Entry {
  input: AliasInput;
  caseSensitive: boolean;
  /** Case-preserving normal form, for verifying case-sensitive candidates. */
  exact: string;
}

export function compileMatcher(aliases: readonly AliasInput[], options: MatcherOptions = {}): Matcher {
  // 1. Normalise, drop empties and exact duplicates, group entries by folded key.
  const entries: Entry[] = [];
  const keys: string[] = [];
  const keyEntries: number[][] = [];
  const keyIndex = new Map<string, number>();
  const seen = new Set<string>();
  for (const input of aliases) {
    if (!input || typeof input.text !== 'string') continue;
    const folded = normalizeAlias(input.text, fold);
    if (folded.length === 0) continue;
    const caseSensitive = input.caseSensitive === true;
    const dedupe = [caseSensitive ? 1 : 0, input.entityId, input.lang, input.text].join('\u0000');
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    // "Россия — НАТО" and "Россия-НАТО" are one name: every spacing around a dash is a key.
    const spacedKeys = dashSpacings(folded);
    const spacedExact = caseSensitive ? dashSpacings(normalizeAlias(input.text, punctFold)) : [];
    spacedKeys.forEach((key, v) => {
      const entryIndex = entries.push({ input, caseSensitive, exact: spacedExact[v] ?? '' }) - 1;
      let k = keyIndex.get(key);
      if (k === undefined) {
        k = keys.push(key) - 1;
        keyIndex.set(key, k);
        keyEntries.push([]);
      }
      (keyEntries[k] as number[]).push(entryIndex);
    });
  }

  // 2. Alphabet: classes in code-unit order (so trie children come out sorted by class).
  const present = new Uint8Array(65536);
  const units: number[] = [];
  let totalLength = 0;
  let maxLength = 0;
  for (const key of keys) {
    totalLength += key.length;
    if (key.length > maxLength) maxLength = key.length;
    for (let i = 0; i < key.length; i++) {
      const u = key.charCodeAt(i);
      if (!present[u]) units.push(u);
      present[u] = 1;
    }
  }
  units.sort((a, b) => a - b);
  const classOfFolded = new Uint16Array(65536);
  let K = 2;
  for (const u of units) classOfFolded[u] = K++;
  // The text's code units get their class on first sight (AhoCorasickMatcher.learnClass). Until
  // then they are in the last class, whose entry in every dense row leaves the hot loop.
  const unknownClass = K++;
  if (K > 0xffff) throw new RangeError('compileMatcher: alias alphabet too large');
  const classOf = new Uint16Array(65536).fill(unknownClass);
  const spaceClass = classOfFolded[0x20] as number; // 0 when no alias has a space

  // 3. Trie from the sorted keys (no hashing: each key shares a prefix with the previous one).
  const sorted = keys
    .map((_, i) => i)
    .sort((a, b) => {
      const x = keys[a] as string;
      const y = keys[b] as string;
      return x < y ? -1 : x > y ? 1 : 0;
    });
  const maxNodes = totalLength + 1;
  const parentOld = new Int32Array(maxNodes);
  const classOld = new Uint16Array(maxNodes);
  const termOld = new Int32Array(maxNodes).fill(-1);
  const path = new Int32Array(maxLength + 1);
  let N = 1;
  let prev = '';
  for (const k of sorted) {
    const key = keys[k] as string;
    const limit = Math.min(key.length, prev.length);
    let lcp = 0;
    while (lcp < limit && key.charCodeAt(lcp) === prev.charCodeAt(lcp)) lcp++;
    for (let j = lcp; j < key.length; j++) {
      const node = N++;
      parentOld[node] = path[j] as number;
      classOld[node] = classOfFolded[key.charCodeAt(j)] as number;
      path[j + 1] = node;
    }
    termOld[path[key.length] as number] = k;
    prev = key;
  }

  // Children lists (creation order = increasing class).
  const childStartOld = new Int32Array(N + 1);
  for (let v = 1; v < N; v++) {
    const p = (parentOld[v] as number) + 1;
    childStartOld[p] = (childStartOld[p] as number) + 1;
  }
  for (let v = 0; v < N; v++) {
    childStartOld[v + 1] = (childStartOld[v + 1] as number) + (childStartOld[v] as number);
  }
  const childListOld = new Int32Array(Math.max(N - 1, 0));
  const fillOld = childStartOld.slice(0, N);
  for (let v = 1; v < N; v++) {
    const p = parentOld[v] as number;
    childListOld[fillOld[p] as number] = v;
    fillOld[p] = (fillOld[p] as number) + 1;
  }

  // 4. Breadth-first renumbering: the children of v become the contiguous ids
  //    firstChild[v] .. firstChild[v + 1] - 1.
  const queue = new Int32Array(N);
  const firstChild = new Int32Array(N + 1);
  const inClass = new Uint16Array(N);
  const term = new Int32Array(N);
  let tail = 1;
  for (let v = 0; v < N; v++) {
    const old = queue[v] as number;
    firstChild[v] = tail;
    inClass[v] = classOld[old] as number;
    term[v] = termOld[old] as number;
    for (let c = childStartOld[old] as number, e = childStartOld[old + 1] as number; c < e; c++) {
      queue[tail++] = childListOld[c] as number;
    }
  }
  firstChild[N] = tail;

  // 5. Failure links, output links, dense rows for the first D states.
  const budget = Math.max(1, Math.min(options.denseTableBudget ?? DEFAULT_DENSE_BUDGET, 1 << 26));
  const D = Math.max(1, Math.min(N, Math.floor(budget / K)));
  const delta = new Int32Array(D * K);
  const fail = new Int32Array(N);
  const outFirst = new Int32Array(N);
  outFirst[0] = -1;

  const childOn = (v: number, c: number): number => {
    for (let w = firstChild[v] as number, e = firstChild[v + 1] as number; w < e; w++) {
      const wc = inClass[w] as number;
      if (wc === c) return w;
      if (wc > c) break;
    }
    return -1;
  };
  /** Where the automaton goes from `from` on class `c`: a state id. */
  const step = (from: number, c: number): number => {
    let f = from;
    while (f >= D) {
      const w = childOn(f, c);
      if (w >= 0) return w;
      f = fail[f] as number;
    }
    const e = delta[f * K + c] as number;
    return e >= 0 ? e / K : ~e;
  };
  /**
   * A dense entry: the target's row offset for a dense state without output, `~id` for the rest.
   * Rows are written encoded from the start (a row begins as a copy of its failure state's row),
   * and the per-row entries below (ignorables, collapsed spaces) are never read back by `step`:
   * no alias has an ignorable or two spaces in a row.
   */
  const encode = (t: number): number => (t < D && (outFirst[t] as number) < 0 ? t * K : ~t);

  for (let v = 0; v < N; v++) {
    const c0 = firstChild[v] as number;
    const c1 = firstChild[v + 1] as number;
    for (let w = c0; w < c1; w++) {
      const f = v === 0 ? 0 : step(fail[v] as number, inClass[w] as number);
      fail[w] = f;
      outFirst[w] = (term[w] as number) >= 0 ? w : (outFirst[f] as number);
    }
    if (v >= D) continue;
    const row = v * K;
    if (v > 0) {
      const fr = (fail[v] as number) * K;
      delta.copyWithin(row, fr, fr + K);
    }
    for (let w = c0; w < c1; w++) delta[row + (inClass[w] as number)] = encode(w);
    delta[row + 1] = row; // ignorable: stay, and do not report again
    delta[row + unknownClass] = ~N; // not a state: classify the code unit, then read it again
    // A state entered by a space stays put on further spaces: whitespace runs collapse.
    if (v > 0 && spaceClass !== 0 && inClass[v] === spaceClass) delta[row + spaceClass] = row;
  }

  // Entry lists per key, flattened.
  const keyLength = new Int32Array(keys.length);
  const keyEntryStart = new Int32Array(keys.length + 1);
  const keyEntryList = new Int32Array(entries.length);
  let pos = 0;
  for (let k = 0; k < keys.length; k++) {
    keyLength[k] = (keys[k] as string).length;
    keyEntryStart[k] = pos;
    for (const e of keyEntries[k] as number[]) keyEntryList[pos++] = e;
  }
  keyEntryStart[keys.length] = pos;

  return new AhoCorasickMatcher({
    entries: new EntryList(entries),
    built: null,
    classOf,
    classOfFolded,
    unknownClass,
    K,
    D,
    N,
    spaceClass,
    delta,
    fail,
    outFirst,
    firstChild,
    inClass,
    term,
    keyLength,
    keyEntryStart,
    keyEntryList,
    maxLength,
  });
}

// ---------------------------------------------------------------------------------------------
// Matching

/** The compiled aliases, by entry index: plain objects when compiled here, decoded on use when loaded. */
interface EntryTable {
  readonly count: number;
  caseSensitive(e: number): boolean;
  /** Case-preserving normal form of a case-sensitive entry. */
  exact(e: number): string;
  match(e: number, start: number, end: number): Match;
}

class EntryList implements EntryTable {
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

interface Compiled {
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
  fail: Int32Array;
  outFirst: Int32Array;
  firstChild: Int32Array;
  inClass: Uint16Array;
  term: Int32Array;
  keyLength: Int32Array;
  keyEntryStart: Int32Array;
  keyEntryList: Int32Array;
  maxLength: number;
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

class AhoCorasickMatcher implements Matcher {
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

  find(text: string): Match[] {
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
    const fail = c.fail;
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
      if ((outFirst[id] as number) >= 0) this.report(text, id, i, cands);
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
          f = fail[f] as number;
        }
        if (next < 0) {
          if (c.built && !c.built[f]) this.buildRow(f);
          const e = delta[f * K + cls] as number;
          next = e >= 0 ? e / K : ~e;
        }
        id = next;
        if ((outFirst[id] as number) >= 0) this.report(text, id, i, cands);
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
    const { delta, K, fail, firstChild, inClass, outFirst, D } = c;
    // Failure states first, shallowest first: each row starts as a copy of its failure state's.
    let chain = 0;
    for (let f = v; !built[f]; f = fail[f] as number) {
      this.rowChain[chain++] = f;
      if (f === 0) break;
    }
    while (chain > 0) {
      const u = this.rowChain[--chain] as number;
      const row = u * K;
      if (u > 0) {
        const fr = (fail[u] as number) * K;
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

  private learnClass(u: number): number {
    const cls = isIgnorable(u) ? 1 : (this.c.classOfFolded[fold(u)] as number);
    this.c.classOf[u] = cls;
    return cls;
  }

  /** All aliases ending at `end` in `state`: filter and record them. */
  private report(text: string, state: number, end: number, cands: Candidates): void {
    if (this.wordAt(text, end)) return; // shared right boundary
    const c = this.c;
    const chain = this.chain;
    const chainStart = this.chainStart;
    let count = 0;
    for (let o = c.outFirst[state] as number; o >= 0; o = c.outFirst[c.fail[o] as number] as number) {
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
      if (this.wordBefore(text, start)) continue;
      const key = c.term[chain[j] as number] as number;
      let entry = -1;
      for (let e = c.keyEntryStart[key] as number, x = c.keyEntryStart[key + 1] as number; e < x; e++) {
        const idx = c.keyEntryList[e] as number;
        if (!c.entries.caseSensitive(idx) || this.exactAt(text, start, end, c.entries.exact(idx))) {
          entry = idx;
          break;
        }
      }
      if (entry < 0) continue;
      if (this.inLinkToken(text, start) || this.inLinkToken(text, end - 1)) continue;
      cands.push(start, end, entry);
    }
  }

  /** Is there a letter, digit or mark at `p` (ignorables skipped)? */
  private wordAt(text: string, p: number): boolean {
    const n = text.length;
    while (p < n && isIgnorable(text.charCodeAt(p))) p++;
    if (p >= n) return false;
    const u = text.charCodeAt(p);
    if (u >= 0xd800 && u <= 0xdbff && p + 1 < n) {
      const l = text.charCodeAt(p + 1);
      if (l >= 0xdc00 && l <= 0xdfff) return astralWord(((u - 0xd800) << 10) + (l - 0xdc00) + 0x10000);
    }
    return isWord(u);
  }

  /** Is there a letter, digit or mark just before `p` (ignorables skipped)? */
  private wordBefore(text: string, p: number): boolean {
    p--;
    while (p >= 0 && isIgnorable(text.charCodeAt(p))) p--;
    if (p < 0) return false;
    const u = text.charCodeAt(p);
    if (u >= 0xdc00 && u <= 0xdfff && p > 0) {
      const h = text.charCodeAt(p - 1);
      if (h >= 0xd800 && h <= 0xdbff) return astralWord(((h - 0xd800) << 10) + (u - 0xdc00) + 0x10000);
    }
    return isWord(u);
  }

  /** Does text[start, end) equal `exact` with its case (punctuation/space rules still apply)? */
  private exactAt(text: string, start: number, end: number, exact: string): boolean {
    const m = exact.length;
    let j = 0;
    let p = start;
    while (p < end) {
      const u = text.charCodeAt(p);
      const k = infoOf(u);
      if (k & IGNORABLE) {
        p++;
        continue;
      }
      if (j >= m) return false;
      if (k & SPACE) {
        if (exact.charCodeAt(j) !== 0x20) return false;
        p++;
        while (p < end && infoOf(text.charCodeAt(p)) & (SPACE | IGNORABLE)) p++;
      } else {
        if (punctFold(u) !== exact.charCodeAt(j)) return false;
        p++;
      }
      j++;
    }
    return j === m;
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
    const isLink = this.isLinkToken(text, a, b);
    this.tokB0 = this.tokA0;
    this.tokB1 = this.tokA1;
    this.tokBIsLink = this.tokAIsLink;
    this.tokA0 = a;
    this.tokA1 = b;
    this.tokAIsLink = isLink;
    return isLink;
  }

  /**
   * The link rule on text[a, b): contains "://" or "@", or "/" between two letters/digits, or
   * starts with "www." (after leading punctuation), or is a lower-case slug of 3+ hyphen-joined
   * parts with a digits-only part. Plain words are settled by one pass over their code units.
   */
  private isLinkToken(text: string, a: number, b: number): boolean {
    let hyphens = 0;
    let digits = false;
    let dot = false;
    let ws = 0;
    for (let q = a; q < b; q++) {
      const u = text.charCodeAt(q);
      if (isIgnorable(u)) continue;
      if (u === 0x40) return true; // @
      if (u === 0x3a && q + 2 < b && text.charCodeAt(q + 1) === 0x2f && text.charCodeAt(q + 2) === 0x2f) {
        return true; // ://
      }
      if (u === 0x2f) {
        // "/" between two letters/digits (ignorables skipped; whitespace ends the token anyway)
        if (this.wordBefore(text, q) && this.wordAt(text, q + 1)) return true;
      } else if (u === 0x2d) hyphens++;
      else if (u === 0x2e) dot = true;
      else if (u >= 0x30 && u <= 0x39) digits = true;
      else if ((u | 0x20) === 0x77) ws++; // w, W
    }
    if ((dot && ws >= 3) || (hyphens >= 2 && digits)) {
      const core = text.slice(a, b).replace(IGNORABLE_RE, '').replace(EDGE_PUNCT_RE, '');
      if (WWW_RE.test(core) || SLUG_RE.test(core)) return true;
    }
    return false;
  }
}

function astralWord(cp: number): boolean {
  return ASTRAL_WORD_RE.test(String.fromCodePoint(cp));
}

// ---------------------------------------------------------------------------------------------
// Packing: the background compiles once per change of the packs and hands content scripts the
// automaton in a form that loads without per-alias work (issue 13: compiling cost every page
// 20 ms, 370 ms with 50,000 aliases). Only the trie and its failure links travel; the dense rows,
// the bulk of a compiled matcher, are made in the page for the states its text reaches.

/** What `loadMatcher` needs, as JSON-safe strings: extension messages are JSON in Chrome. */
export interface PackedMatcher {
  /** Format version: a page only loads what its own code knows how to read. */
  v: 1;
  N: number;
  K: number;
  spaceClass: number;
  maxLength: number;
  keys: number;
  entries: number;
  /** Distinct aliases (entries count every dash spacing of one). */
  aliases: number;
  entities: number;
  /** The folded code units that occur in aliases, in class order (class = index + 2). */
  units: string;
  /** Base64 of Uint16 childCount[N], inClass[N]. */
  u16: string;
  /** Base64 of Int32 fail[N], termState[keys], keyLength[keys], keyEntryStart[keys + 1], keyEntryList, entry arrays (entity, flags, lang, text end, exact end) and entity arrays (id end, tag). */
  i32: string;
  /** Alias texts, exact forms of the case-sensitive ones and entity ids, each concatenated (ends in `i32`). */
  texts: string;
  exacts: string;
  entityIds: string;
  langs: string[];
}

type Base64Codec = { fromBase64?: (s: string) => Uint8Array };

function toBase64(bytes: Uint8Array): string {
  const native = (bytes as Uint8Array & { toBase64?: () => string }).toBase64;
  if (typeof native === 'function') return native.call(bytes);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000) as unknown as number[]);
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const native = (Uint8Array as unknown as Base64Codec).fromBase64;
  if (typeof native === 'function') return native(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Compiles `aliases` and packs the result for `loadMatcher`. */
export function packMatcher(aliases: readonly AliasInput[]): PackedMatcher {
  const { c } = compileMatcher(aliases) as AhoCorasickMatcher;
  const list = (c.entries as EntryList).list;
  const N = c.N;
  const keys = c.keyLength.length;
  const E = list.length;
  let units = '';
  for (let u = 0; u < 65536; u++) if ((c.classOfFolded[u] as number) >= 2) units += String.fromCharCode(u);
  const u16 = new Uint16Array(2 * N);
  for (let v = 0; v < N; v++) {
    u16[v] = (c.firstChild[v + 1] as number) - (c.firstChild[v] as number);
    u16[N + v] = c.inClass[v] as number;
  }
  const entityIndex = new Map<string, number>();
  const entityTags: number[] = [];
  let entityIds = '';
  const entityEnds: number[] = [];
  const langs: string[] = [];
  const langIndex = new Map<string, number>();
  let texts = '';
  let exacts = '';
  const entryEntity = new Int32Array(E);
  const entryFlags = new Int32Array(E);
  const entryLang = new Int32Array(E);
  const textEnd = new Int32Array(E);
  const exactEnd = new Int32Array(E);
  list.forEach(({ input, caseSensitive, exact }, e) => {
    let entity = entityIndex.get(input.entityId);
    if (entity === undefined) {
      entity = entityTags.push(input.tag ?? -1) - 1;
      entityIndex.set(input.entityId, entity);
      entityIds += input.entityId;
      entityEnds.push(entityIds.length);
    }
    let lang = langIndex.get(input.lang);
    if (lang === undefined) {
      lang = langs.push(input.lang) - 1;
      langIndex.set(input.lang, lang);
    }
    entryEntity[e] = entity;
    entryFlags[e] = caseSensitive ? 1 : 0;
    entryLang[e] = lang;
    texts += input.text;
    textEnd[e] = texts.length;
    if (caseSensitive) exacts += exact;
    exactEnd[e] = exacts.length;
  });
  const termState = new Int32Array(keys);
  for (let v = 0; v < N; v++) if ((c.term[v] as number) >= 0) termState[c.term[v] as number] = v;
  const parts: ArrayLike<number>[] = [
    c.fail,
    termState,
    c.keyLength,
    c.keyEntryStart,
    c.keyEntryList,
    entryEntity,
    entryFlags,
    entryLang,
    textEnd,
    exactEnd,
    entityEnds,
    entityTags,
  ];
  const i32 = new Int32Array(parts.reduce((sum, part) => sum + part.length, 0));
  let at = 0;
  for (const part of parts) {
    i32.set(part, at);
    at += part.length;
  }
  return {
    v: 1,
    N,
    K: c.K,
    spaceClass: c.spaceClass,
    maxLength: c.maxLength,
    keys,
    entries: E,
    aliases: c.entries.count,
    entities: entityTags.length,
    units,
    u16: toBase64(new Uint8Array(u16.buffer)),
    i32: toBase64(new Uint8Array(i32.buffer)),
    texts,
    exacts,
    entityIds,
    langs,
  };
}

/** Entries read from a packed matcher: each string is cut out of its table the first time it is matched. */
class PackedEntries implements EntryTable {
  private readonly textCache: (string | undefined)[] = [];
  private readonly exactCache: (string | undefined)[] = [];
  private readonly idCache: (string | undefined)[] = [];

  constructor(
    private readonly p: PackedMatcher,
    private readonly entity: Int32Array,
    private readonly flags: Int32Array,
    private readonly lang: Int32Array,
    private readonly textEnd: Int32Array,
    private readonly exactEnd: Int32Array,
    private readonly idEnd: Int32Array,
    private readonly tags: Int32Array,
  ) {}

  get count() {
    return this.p.aliases;
  }

  caseSensitive(e: number) {
    return ((this.flags[e] as number) & 1) !== 0;
  }

  exact(e: number) {
    return (this.exactCache[e] ??= this.p.exacts.slice(
      e ? (this.exactEnd[e - 1] as number) : 0,
      this.exactEnd[e] as number,
    ));
  }

  match(e: number, start: number, end: number): Match {
    const x = this.entity[e] as number;
    const entityId = (this.idCache[x] ??= this.p.entityIds.slice(
      x ? (this.idEnd[x - 1] as number) : 0,
      this.idEnd[x] as number,
    ));
    const alias = (this.textCache[e] ??= this.p.texts.slice(
      e ? (this.textEnd[e - 1] as number) : 0,
      this.textEnd[e] as number,
    ));
    const tag = this.tags[x] as number;
    return {
      entityId,
      alias,
      lang: this.p.langs[this.lang[e] as number] as string,
      start,
      end,
      tag: tag >= 0 ? tag : undefined,
    };
  }
}

/**
 * A matcher from `packMatcher`'s output that finds exactly what the compiled one finds. Loading
 * is a few passes over typed arrays, linear in the automaton's states; dense rows are made as the
 * text reaches them.
 */
export function loadMatcher(p: PackedMatcher, options: MatcherOptions = {}): Matcher {
  if (p.v !== 1) throw new TypeError(`loadMatcher: unknown format ${String(p.v)}`);
  const { N, K, keys, entries: E, entities } = p;
  const u16 = new Uint16Array(fromBase64(p.u16).buffer, 0, 2 * N);
  const i32 = new Int32Array(fromBase64(p.i32).buffer);
  let at = 0;
  const take = (length: number) => i32.subarray(at, (at += length));
  const fail = take(N);
  const termState = take(keys);
  const keyLength = take(keys);
  const keyEntryStart = take(keys + 1);
  const keyEntryList = take(E);
  const entryTable = new PackedEntries(p, take(E), take(E), take(E), take(E), take(E), take(entities), take(entities));

  const firstChild = new Int32Array(N + 1);
  firstChild[0] = 1;
  for (let v = 0; v < N; v++) firstChild[v + 1] = (firstChild[v] as number) + (u16[v] as number);
  const inClass = u16.subarray(N, 2 * N);
  const term = new Int32Array(N).fill(-1);
  for (let k = 0; k < keys; k++) term[termState[k] as number] = k;
  // Breadth-first ids: a failure state always comes before the states that fail to it.
  const outFirst = new Int32Array(N);
  outFirst[0] = -1;
  for (let v = 1; v < N; v++) outFirst[v] = (term[v] as number) >= 0 ? v : (outFirst[fail[v] as number] as number);
  const classOfFolded = new Uint16Array(65536);
  for (let i = 0; i < p.units.length; i++) classOfFolded[p.units.charCodeAt(i)] = i + 2;
  const unknownClass = K - 1;
  const budget = Math.max(1, Math.min(options.denseTableBudget ?? DEFAULT_DENSE_BUDGET, 1 << 26));
  const D = Math.max(1, Math.min(N, Math.floor(budget / K)));
  return new AhoCorasickMatcher({
    entries: entryTable,
    classOf: new Uint16Array(65536).fill(unknownClass),
    classOfFolded,
    unknownClass,
    K,
    D,
    N,
    spaceClass: p.spaceClass,
    delta: new Int32Array(D * K),
    built: new Uint8Array(D),
    fail,
    outFirst,
    firstChild,
    inClass,
    term,
    keyLength,
    keyEntryStart,
    keyEntryList,
    maxLength: p.maxLength,
  });
}

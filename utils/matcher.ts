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
 *   this table, so the hot loop does no normalisation work at all.
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
}

export interface Match {
  entityId: string;
  /** The alias text as given in AliasInput. */
  alias: string;
  lang: string;
  /** UTF-16 offsets into the input text, end exclusive. */
  start: number;
  end: number;
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

// ---------------------------------------------------------------------------------------------
// Character tables (built once per process)

const KIND_IGNORABLE = 1;
const KIND_SPACE = 2;

const APOSTROPHES = [0x0027, 0x2018, 0x2019, 0x02bc, 0x2032];
const DASHES = [0x002d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d];
const IGNORABLES = [0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff];

interface CharTables {
  /** Case-insensitive fold: lower case (same length only), apostrophes, dashes, spaces. */
  fold: Uint16Array;
  /** Case-preserving fold: apostrophes, dashes and spaces only. */
  punct: Uint16Array;
  /** 0 ordinary, KIND_IGNORABLE, KIND_SPACE. */
  kind: Uint8Array;
  /** 1 for \p{L}, \p{N}, \p{M} (apostrophe-like modifier letters excluded). */
  word: Uint8Array;
}

let charTables: CharTables | null = null;

function getCharTables(): CharTables {
  if (charTables) return charTables;
  const fold = new Uint16Array(65536);
  const punct = new Uint16Array(65536);
  const kind = new Uint8Array(65536);
  const word = new Uint8Array(65536);
  // All BMP code units in one string (surrogates replaced by NUL), classified by one native
  // regex pass each rather than 65,536 separate tests.
  const codes = new Uint16Array(65536);
  for (let u = 0; u < 65536; u++) codes[u] = u >= 0xd800 && u <= 0xdfff ? 0 : u;
  let all = '';
  for (let u = 0; u < 65536; u += 8192) {
    all += String.fromCharCode.apply(null, codes.subarray(u, u + 8192) as unknown as number[]);
  }
  const words = all.replace(/[^\p{L}\p{N}\p{M}]/gu, '\u0000'); // NUL where not a word char
  // NUL where a space. (Not U+FFFF: minifiers write it out literally, and Chrome refuses to load
  // a content script that contains a Unicode noncharacter.)
  const spaces = all.replace(/[\s\p{Zs}]/gu, '\u0000');
  for (let u = 0; u < 65536; u++) {
    fold[u] = u;
    punct[u] = u;
    if (words.charCodeAt(u) !== 0) word[u] = 1;
    else if (spaces.charCodeAt(u) === 0 && all.charCodeAt(u) !== 0) kind[u] = KIND_SPACE;
  }
  // Lower case per code unit, only where a 256-unit block has any cased letter. A character
  // whose lower case has another length keeps itself.
  for (let u = 0; u < 65536; u += 256) {
    const block = all.slice(u, u + 256);
    if (block.toLowerCase() === block) continue;
    for (let v = u; v < u + 256; v++) {
      if (v >= 0xd800 && v <= 0xdfff) continue;
      const lower = String.fromCharCode(v).toLowerCase();
      if (lower.length === 1) fold[v] = lower.charCodeAt(0);
    }
  }
  kind[0x85] = KIND_SPACE; // NEL
  for (const u of IGNORABLES) {
    kind[u] = KIND_IGNORABLE;
    word[u] = 0;
  }
  for (const u of APOSTROPHES) {
    fold[u] = punct[u] = 0x27;
    word[u] = 0;
  }
  for (const u of DASHES) {
    fold[u] = punct[u] = 0x2d;
    word[u] = 0;
  }
  for (let u = 0; u < 65536; u++) {
    if (kind[u] === KIND_SPACE) {
      fold[u] = punct[u] = 0x20;
      word[u] = 0;
    }
  }
  charTables = { fold, punct, kind, word };
  return charTables;
}

/** Normalises an alias: drops ignorables, trims and collapses whitespace, maps through `map`. */
function normalizeAlias(text: string, map: Uint16Array, kind: Uint8Array): string {
  const codes: number[] = [];
  let pendingSpace = false;
  for (let i = 0; i < text.length; i++) {
    const u = text.charCodeAt(i);
    const k = kind[u];
    if (k === KIND_IGNORABLE) continue;
    if (k === KIND_SPACE) {
      if (codes.length > 0) pendingSpace = true;
      continue;
    }
    if (pendingSpace) {
      codes.push(0x20);
      pendingSpace = false;
    }
    codes.push(map[u] as number);
  }
  let out = '';
  for (let i = 0; i < codes.length; i += 4096) {
    out += String.fromCharCode.apply(null, codes.slice(i, i + 4096));
  }
  return out;
}

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
  const { fold, punct, kind } = getCharTables();

  // 1. Normalise, drop empties and exact duplicates, group entries by folded key.
  const entries: Entry[] = [];
  const keys: string[] = [];
  const keyEntries: number[][] = [];
  const keyIndex = new Map<string, number>();
  const seen = new Set<string>();
  for (const input of aliases) {
    if (!input || typeof input.text !== 'string') continue;
    const folded = normalizeAlias(input.text, fold, kind);
    if (folded.length === 0) continue;
    const caseSensitive = input.caseSensitive === true;
    const dedupe = [caseSensitive ? 1 : 0, input.entityId, input.lang, input.text].join('\u0000');
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    const exact = caseSensitive ? normalizeAlias(input.text, punct, kind) : '';
    const entryIndex = entries.push({ input, caseSensitive, exact }) - 1;
    let k = keyIndex.get(folded);
    if (k === undefined) {
      k = keys.push(folded) - 1;
      keyIndex.set(folded, k);
      keyEntries.push([]);
    }
    (keyEntries[k] as number[]).push(entryIndex);
  }

  // 2. Alphabet: classes in code-unit order (so trie children come out sorted by class).
  const present = new Uint8Array(65536);
  let totalLength = 0;
  let maxLength = 0;
  for (const key of keys) {
    totalLength += key.length;
    if (key.length > maxLength) maxLength = key.length;
    for (let i = 0; i < key.length; i++) present[key.charCodeAt(i)] = 1;
  }
  const classOfFolded = new Uint16Array(65536);
  let K = 2;
  for (let u = 0; u < 65536; u++) if (present[u]) classOfFolded[u] = K++;
  if (K > 0xffff) throw new RangeError('compileMatcher: alias alphabet too large');
  const classOf = new Uint16Array(65536);
  for (let u = 0; u < 65536; u++) {
    classOf[u] = kind[u] === KIND_IGNORABLE ? 1 : (classOfFolded[fold[u] as number] as number);
  }
  const spaceClass = classOfFolded[0x20] as number; // 0 when no alias has a space

  // 3. Trie from the sorted keys (no hashing: each key shares a prefix with the previous one).
  const sorted = keys.map((_, i) => i).sort((a, b) => {
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
  const step = (from: number, c: number): number => {
    let f = from;
    while (f >= D) {
      const w = childOn(f, c);
      if (w >= 0) return w;
      f = fail[f] as number;
    }
    return delta[f * K + c] as number; // raw ids during construction
  };

  for (let v = 0; v < N; v++) {
    const c0 = firstChild[v] as number;
    const c1 = firstChild[v + 1] as number;
    if (v < D) {
      const row = v * K;
      if (v > 0) {
        const fr = (fail[v] as number) * K;
        delta.copyWithin(row, fr, fr + K);
      }
      for (let w = c0; w < c1; w++) delta[row + (inClass[w] as number)] = w;
    }
    for (let w = c0; w < c1; w++) {
      const f = v === 0 ? 0 : step(fail[v] as number, inClass[w] as number);
      fail[w] = f;
      outFirst[w] = (term[w] as number) >= 0 ? w : (outFirst[f] as number);
    }
  }

  // Encode: plain row offset for dense states without output, ~id for everything else.
  for (let v = 0; v < D; v++) {
    const row = v * K;
    for (let c = 0; c < K; c++) {
      const t = delta[row + c] as number;
      delta[row + c] = t < D && (outFirst[t] as number) < 0 ? t * K : ~t;
    }
    delta[row + 1] = row; // ignorable: stay, and do not report again
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
    entries,
    classOf,
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

interface Compiled {
  entries: Entry[];
  classOf: Uint16Array;
  K: number;
  D: number;
  N: number;
  spaceClass: number;
  delta: Int32Array;
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
  private readonly c: Compiled;
  private readonly kind: Uint8Array;
  private readonly word: Uint8Array;
  private readonly punct: Uint16Array;
  private readonly chain: Int32Array;
  private readonly chainStart: Int32Array;
  // Two-slot cache of link-token verdicts for the text being scanned.
  private tokA0 = -1;
  private tokA1 = -1;
  private tokAIsLink = false;
  private tokB0 = -1;
  private tokB1 = -1;
  private tokBIsLink = false;

  constructor(compiled: Compiled) {
    this.c = compiled;
    this.aliasCount = compiled.entries.length;
    const tables = getCharTables();
    this.kind = tables.kind;
    this.word = tables.word;
    this.punct = tables.punct;
    this.chain = new Int32Array(compiled.maxLength + 1);
    this.chainStart = new Int32Array(compiled.maxLength + 1);
  }

  find(text: string): Match[] {
    const n = text.length;
    const c = this.c;
    if (n === 0 || c.N <= 1) return [];
    this.tokA0 = this.tokA1 = this.tokB0 = this.tokB1 = -1;
    const cands = new Candidates();

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
      i++;
      if ((outFirst[id] as number) >= 0) this.report(text, id, i, cands);
      if (id < D) {
        s = id * K;
        continue;
      }
      // Sparse states: trie edges plus failure links, until we are back in the dense part.
      s = -1;
      while (i < n) {
        const cls = classOf[text.charCodeAt(i)] as number;
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
          const e = delta[f * K + cls] as number;
          next = e >= 0 ? e / K : ~e;
        }
        id = next;
        if ((outFirst[id] as number) >= 0) this.report(text, id, i, cands);
        if (id < D) {
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
      const input = (entries[cands.entry[j] as number] as Entry).input;
      out.push({ entityId: input.entityId, alias: input.text, lang: input.lang, start, end });
      cursor = end;
    }
    return out;
  }

  /** All aliases ending at `end` in `state`: filter and record them. */
  private report(text: string, state: number, end: number, cands: Candidates): void {
    if (this.wordAt(text, end)) return; // shared right boundary
    const c = this.c;
    const kind = this.kind;
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
        const k = kind[text.charCodeAt(p)];
        if (k === KIND_IGNORABLE) continue;
        if (k === KIND_SPACE) {
          while (p > 0) {
            const kk = kind[text.charCodeAt(p - 1)];
            if (kk === KIND_SPACE || kk === KIND_IGNORABLE) p--;
            else break;
          }
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
        const ent = c.entries[idx] as Entry;
        if (!ent.caseSensitive || this.exactAt(text, start, end, ent.exact)) {
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
    const kind = this.kind;
    const word = this.word;
    const n = text.length;
    while (p < n && kind[text.charCodeAt(p)] === KIND_IGNORABLE) p++;
    if (p >= n) return false;
    const u = text.charCodeAt(p);
    if (u >= 0xd800 && u <= 0xdbff && p + 1 < n) {
      const l = text.charCodeAt(p + 1);
      if (l >= 0xdc00 && l <= 0xdfff) return astralWord(((u - 0xd800) << 10) + (l - 0xdc00) + 0x10000);
    }
    return word[u] === 1;
  }

  /** Is there a letter, digit or mark just before `p` (ignorables skipped)? */
  private wordBefore(text: string, p: number): boolean {
    const kind = this.kind;
    const word = this.word;
    p--;
    while (p >= 0 && kind[text.charCodeAt(p)] === KIND_IGNORABLE) p--;
    if (p < 0) return false;
    const u = text.charCodeAt(p);
    if (u >= 0xdc00 && u <= 0xdfff && p > 0) {
      const h = text.charCodeAt(p - 1);
      if (h >= 0xd800 && h <= 0xdbff) return astralWord(((h - 0xd800) << 10) + (u - 0xdc00) + 0x10000);
    }
    return word[u] === 1;
  }

  /** Does text[start, end) equal `exact` with its case (punctuation/space rules still apply)? */
  private exactAt(text: string, start: number, end: number, exact: string): boolean {
    const kind = this.kind;
    const punct = this.punct;
    const m = exact.length;
    let j = 0;
    let p = start;
    while (p < end) {
      const u = text.charCodeAt(p);
      const k = kind[u];
      if (k === KIND_IGNORABLE) {
        p++;
        continue;
      }
      if (j >= m) return false;
      if (k === KIND_SPACE) {
        if (exact.charCodeAt(j) !== 0x20) return false;
        p++;
        while (p < end) {
          const kk = kind[text.charCodeAt(p)];
          if (kk === KIND_SPACE || kk === KIND_IGNORABLE) p++;
          else break;
        }
      } else {
        if (punct[u] !== exact.charCodeAt(j)) return false;
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
    const kind = this.kind;
    let a = p;
    while (a > 0 && kind[text.charCodeAt(a - 1)] !== KIND_SPACE) a--;
    let b = p + 1;
    const n = text.length;
    while (b < n && kind[text.charCodeAt(b)] !== KIND_SPACE) b++;
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
    const kind = this.kind;
    let hyphens = 0;
    let digits = false;
    let dot = false;
    let ws = 0;
    for (let q = a; q < b; q++) {
      const u = text.charCodeAt(q);
      if (kind[u] === KIND_IGNORABLE) continue;
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

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
 *
 * Files: this one compiles; core/matcher-automaton.ts walks a text; core/matcher-text.ts holds the
 * checks on the original text; core/matcher-pack.ts packs the automaton for pages and loads it.
 */

import { AhoCorasickMatcher, childOn, DEFAULT_DENSE_BUDGET, EntryList } from './matcher-automaton';
import type { AliasInput, Entry, Matcher, MatcherOptions } from './matcher-types';
import { dashSpacings, fold, normalizeAlias, punctFold } from '../data/fold';

export type { AliasInput, Match, Matcher, MatcherOptions } from './matcher-types';

// ---------------------------------------------------------------------------------------------
// Compilation

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

  /** Where the automaton goes from `from` on class `c`: a state id. */
  const step = (from: number, c: number): number => {
    let f = from;
    while (f >= D) {
      const w = childOn(firstChild, inClass, f, c);
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

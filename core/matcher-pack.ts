/** Packing the compiled automaton for the pages, and loading it there (see the section below). */
import { compileMatcher } from './matcher';
import { AhoCorasickMatcher, DEFAULT_DENSE_BUDGET, type EntryList, type EntryTable } from './matcher-automaton';
import type { AliasInput, Match, Matcher, MatcherOptions } from './matcher-types';

// ---------------------------------------------------------------------------------------------
// Packing: the background compiles once per change of the packs and hands content scripts the
// automaton in a form that loads without per-alias work (issue 13: compiling cost every page
// 20 ms, 370 ms with 50,000 aliases). Only the trie travels, with its failure links for a matcher
// that is not large; the dense rows, the bulk of a compiled matcher, are made in the page for the
// states its text reaches.
//
// What the page does with it runs cold, where a loop over 10,000 states costs more than sending
// its result: the first form of this format (children as counts, a bit per state for keys, ends
// as lengths) halved the bundled pack's message but took 2.5 ms to load against 1.2 ms before
// (JSON.parse and loadMatcher in the page, cold, 8 pages × 6 loads). So arrays travel ready to
// use, each in the narrowest width its values fit (1, 2 or 4 bytes), widened by one native copy:
// children's starts, each key's state, and the first output of the states that borrow one
// through their failure links (a state with a key is its own). Keys are numbered in the order of
// their states and entries in the order of their keys, so a key's entries are a range.
//
// A large matcher (past 2-byte state ids) is mostly bytes: 50,000 aliases cost a page about 7 ms
// a MB of message (bench/startup.ts). Its children go as counts (a byte a state, summed in the
// page), and its failure links, a third of its message, stay behind: the page computes the few
// its text reaches (AhoCorasickMatcher.failOf). The bundled pack keeps them (21 KB): computed in
// the page, its first find over a page's text took 2.05 ms against 1.63 (the same cold
// comparison). Bundled pack: reply 250 → 155 KB, cold parse and load 1.6 → 0.9 ms; 50,000
// aliases: 6.35 → 2.93 MB, cold parse and load 25 → 14 ms.

/** What `loadMatcher` needs, as JSON-safe strings: extension messages are JSON in Chrome. */
export interface PackedMatcher {
  /** Format version: a page only loads what its own code knows how to read. */
  v: 2;
  N: number;
  K: number;
  spaceClass: number;
  maxLength: number;
  keys: number;
  entries: number;
  /** Distinct aliases (entries count every dash spacing of one). */
  aliases: number;
  entities: number;
  /** States without a key of their own whose failure links reach one (their first output is sent). */
  borrowed: number;
  /** Whether the failure links travel; without them the page computes each on first use. */
  links: boolean;
  /** The folded code units that occur in aliases, in class order (class = index + 2). */
  units: string;
  /** Bytes per value of each part of `bin`, in the order of `PARTS`. */
  widths: number[];
  /** Base64 of the parts, each starting at a multiple of 4 bytes. */
  bin: string;
  /** Alias texts, exact forms of the case-sensitive ones and entity ids, each concatenated (ends in `bin`). */
  texts: string;
  exacts: string;
  entityIds: string;
  langs: string[];
}

/** Past 2-byte state ids, a matcher is large: children travel as counts, failure links by default not at all (see above). */
const MAX_SMALL_STATES = 0xffff;
const isLarge = (N: number) => N > MAX_SMALL_STATES;

/** The parts of `bin`, and how many values each has. */
const PARTS = {
  fail: (p: Counts) => (p.links ? p.N : 0),
  /** firstChild[N + 1], or the child count of each state (`isLarge`). */
  children: (p: Counts) => (isLarge(p.N) ? p.N : p.N + 1),
  inClass: (p: Counts) => p.N,
  termState: (p: Counts) => p.keys,
  keyLength: (p: Counts) => p.keys,
  keyEntryStart: (p: Counts) => p.keys + 1,
  /** The states of `borrowed`, ascending, and their first output state. */
  outState: (p: Counts) => p.borrowed,
  outFirst: (p: Counts) => p.borrowed,
  entryEntity: (p: Counts) => p.entries,
  /** lang index × 2 + 1 if case-sensitive. */
  entryInfo: (p: Counts) => p.entries,
  textEnd: (p: Counts) => p.entries + 1,
  exactEnd: (p: Counts) => p.entries + 1,
  idEnd: (p: Counts) => p.entities + 1,
  /** tag + 1 (0: none). */
  entityTag: (p: Counts) => p.entities,
};
type Part = keyof typeof PARTS;
type Counts = Pick<PackedMatcher, 'N' | 'keys' | 'entries' | 'entities' | 'borrowed' | 'links'>;
type View = Uint8Array | Uint16Array | Int32Array;

const align4 = (n: number) => (n + 3) & ~3;
const widthOf = (values: ArrayLike<number>): number => {
  let max = 0;
  for (let i = 0; i < values.length; i++) max = Math.max(max, values[i] as number);
  return max <= 0xff ? 1 : max <= 0xffff ? 2 : 4;
};

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

/**
 * Compiles `aliases` and packs the result for `loadMatcher`. `links`: whether the failure links
 * travel (by default only for matchers that are not large; tests choose, to check both ways).
 */
export function packMatcher(aliases: readonly AliasInput[], options: { links?: boolean } = {}): PackedMatcher {
  const { c } = compileMatcher(aliases) as AhoCorasickMatcher;
  const list = (c.entries as EntryList).list;
  const { N, K } = c;
  const keys = c.keyLength.length;
  const E = list.length;
  let units = '';
  for (let u = 0; u < 65536; u++) if ((c.classOfFolded[u] as number) >= 2) units += String.fromCharCode(u);

  let borrowed = 0;
  for (let v = 0; v < N; v++) if ((c.outFirst[v] as number) >= 0 && (c.term[v] as number) < 0) borrowed++;
  const links = options.links ?? !isLarge(N);
  const counts: Counts = { N, keys, entries: E, entities: 0, borrowed, links };
  const values = Object.fromEntries(
    Object.entries(PARTS).map(([name, count]) => [name, new Int32Array(count(counts))]),
  ) as Record<Part, Int32Array>;
  const large = isLarge(N);
  if (links) values.fail.set(c.fail);
  values.inClass.set(c.inClass);
  for (let v = 0; v < N; v++)
    values.children[v] = large
      ? (c.firstChild[v + 1] as number) - (c.firstChild[v] as number)
      : (c.firstChild[v] as number);
  if (!large) values.children[N] = c.firstChild[N] as number;
  // Keys in the order of their states, entries in the order of their keys.
  const order: number[] = [];
  let k = 0;
  let o = 0;
  for (let v = 0; v < N; v++) {
    if ((c.outFirst[v] as number) >= 0 && (c.term[v] as number) < 0) {
      values.outState[o] = v;
      values.outFirst[o++] = c.outFirst[v] as number;
    }
    const key = c.term[v] as number;
    if (key < 0) continue;
    values.termState[k] = v;
    values.keyLength[k] = c.keyLength[key] as number;
    values.keyEntryStart[k++] = order.length;
    const to = c.keyEntryStart[key + 1] as number;
    for (let e = c.keyEntryStart[key] as number; e < to; e++) order.push(c.keyEntryList![e] as number);
  }
  values.keyEntryStart[k] = order.length;
  if (k !== keys || order.length !== E) throw new Error('packMatcher: keys or entries without a state');

  const entityIndex = new Map<string, number>();
  const entityTags: number[] = [];
  const idEnds: number[] = [0];
  const langIndex = new Map<string, number>();
  const langs: string[] = [];
  let texts = '';
  let exacts = '';
  let entityIds = '';
  order.forEach((old, e) => {
    const { input, caseSensitive, exact } = list[old]!;
    let entity = entityIndex.get(input.entityId);
    if (entity === undefined) {
      entity = entityTags.push((input.tag ?? -1) + 1) - 1;
      entityIndex.set(input.entityId, entity);
      entityIds += input.entityId;
      idEnds.push(entityIds.length);
    }
    let lang = langIndex.get(input.lang);
    if (lang === undefined) {
      lang = langs.push(input.lang) - 1;
      langIndex.set(input.lang, lang);
    }
    values.entryEntity[e] = entity;
    values.entryInfo[e] = lang * 2 + (caseSensitive ? 1 : 0);
    texts += input.text;
    values.textEnd[e + 1] = texts.length;
    if (caseSensitive) exacts += exact;
    values.exactEnd[e + 1] = exacts.length;
  });
  values.idEnd = Int32Array.from(idEnds);
  values.entityTag = Int32Array.from(entityTags);

  const names = Object.keys(PARTS) as Part[];
  const widths = names.map((name) => widthOf(values[name]));
  const size = names.reduce((at, name, i) => align4(at + values[name].length * widths[i]!), 0);
  const bytes = new Uint8Array(size);
  let at = 0;
  names.forEach((name, i) => {
    const width = widths[i]!;
    const source = values[name];
    const Typed = width === 1 ? Uint8Array : width === 2 ? Uint16Array : Int32Array;
    new Typed(bytes.buffer, at, source.length).set(source);
    at = align4(at + source.length * width);
  });
  return {
    v: 2,
    N,
    K,
    spaceClass: c.spaceClass,
    maxLength: c.maxLength,
    keys,
    entries: E,
    aliases: c.entries.count,
    entities: entityTags.length,
    borrowed,
    links,
    units,
    widths,
    bin: toBase64(bytes),
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
    private readonly parts: Record<Part, View>,
  ) {}

  get count() {
    return this.p.aliases;
  }

  caseSensitive(e: number) {
    return ((this.parts.entryInfo[e] as number) & 1) !== 0;
  }

  exact(e: number) {
    const ends = this.parts.exactEnd;
    return (this.exactCache[e] ??= this.p.exacts.slice(ends[e], ends[e + 1]));
  }

  match(e: number, start: number, end: number): Match {
    const { entryEntity, entryInfo, entityTag, textEnd, idEnd } = this.parts;
    const x = entryEntity[e] as number;
    const entityId = (this.idCache[x] ??= this.p.entityIds.slice(idEnd[x], idEnd[x + 1]));
    const alias = (this.textCache[e] ??= this.p.texts.slice(textEnd[e], textEnd[e + 1]));
    const tag = (entityTag[x] as number) - 1;
    return {
      entityId,
      alias,
      lang: this.p.langs[(entryInfo[e] as number) >> 1] as string,
      start,
      end,
      tag: tag >= 0 ? tag : undefined,
    };
  }
}

/** The parts of a packed matcher's `bin`, as views of one buffer. */
function partsOf(p: PackedMatcher): Record<Part, View> {
  const bytes = fromBase64(p.bin);
  const names = Object.keys(PARTS) as Part[];
  if (p.widths.length !== names.length) throw new TypeError('loadMatcher: damaged matcher (parts)');
  const parts = {} as Record<Part, View>;
  let at = 0;
  names.forEach((name, i) => {
    const width = p.widths[i];
    const length = PARTS[name](p);
    const Typed = width === 1 ? Uint8Array : width === 2 ? Uint16Array : width === 4 ? Int32Array : null;
    if (!Typed || at + length * width > bytes.byteLength) throw new TypeError(`loadMatcher: damaged matcher (${name})`);
    parts[name] = new Typed(bytes.buffer as ArrayBuffer, bytes.byteOffset + at, length);
    at = align4(at + length * width);
  });
  // Counts that disagree with the parts show at their ends (padding reads as 0).
  if (
    at !== bytes.byteLength ||
    parts.keyEntryStart[p.keys] !== p.entries ||
    parts.textEnd[p.entries] !== p.texts.length ||
    parts.idEnd[p.entities] !== p.entityIds.length
  )
    throw new TypeError('loadMatcher: damaged matcher (counts)');
  return parts;
}

/** `view` as an Int32Array: the matcher's walk reads one kind of array (V8 keeps it monomorphic). */
function int32(view: View): Int32Array {
  if (view instanceof Int32Array) return view;
  const wide = new Int32Array(view.length);
  wide.set(view); // native, unlike Int32Array.from's iteration
  return wide;
}

/**
 * A matcher from `packMatcher`'s output that finds exactly what the compiled one finds. Loading
 * is native copies and loops over the keys and the states with output (over every state only for
 * very large automata); dense rows are made as the text reaches them.
 */
export function loadMatcher(p: PackedMatcher, options: MatcherOptions = {}): Matcher {
  if (p.v !== 2) throw new TypeError(`loadMatcher: unknown format ${String(p.v)}`);
  const { N, K, keys } = p;
  const parts = partsOf(p);
  let fail: Int32Array;
  if (!p.links) {
    // Computed as the text reaches their states (AhoCorasickMatcher.failOf).
    fail = new Int32Array(N).fill(-1);
    fail[0] = 0;
  } else fail = int32(parts.fail);
  const inClass = new Uint16Array(N);
  inClass.set(parts.inClass);
  let firstChild: Int32Array;
  if (isLarge(N)) {
    const counts = parts.children;
    firstChild = new Int32Array(N + 1);
    firstChild[0] = 1;
    for (let v = 0; v < N; v++) firstChild[v + 1] = (firstChild[v] as number) + (counts[v] as number);
  } else firstChild = int32(parts.children);
  // A state with a key is its own first output.
  const term = new Int32Array(N).fill(-1);
  const outFirst = new Int32Array(N).fill(-1);
  const termState = parts.termState;
  for (let k = 0; k < keys; k++) {
    const v = termState[k] as number;
    term[v] = k;
    outFirst[v] = v;
  }
  const { outState, outFirst: borrowedFirst } = parts;
  for (let o = 0; o < p.borrowed; o++) outFirst[outState[o] as number] = borrowedFirst[o] as number;

  const classOfFolded = new Uint16Array(65536);
  for (let i = 0; i < p.units.length; i++) classOfFolded[p.units.charCodeAt(i)] = i + 2;
  const unknownClass = K - 1;
  const budget = Math.max(1, Math.min(options.denseTableBudget ?? DEFAULT_DENSE_BUDGET, 1 << 26));
  const D = Math.max(1, Math.min(N, Math.floor(budget / K)));
  return new AhoCorasickMatcher({
    entries: new PackedEntries(p, parts),
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
    keyLength: int32(parts.keyLength),
    keyEntryStart: int32(parts.keyEntryStart),
    keyEntryList: null,
    maxLength: p.maxLength,
  });
}

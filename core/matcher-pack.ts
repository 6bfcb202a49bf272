/** Packing the compiled automaton for the pages, and loading it there (see the section below). */
import { compileMatcher } from './matcher';
import { AhoCorasickMatcher, DEFAULT_DENSE_BUDGET, type EntryList, type EntryTable } from './matcher-automaton';
import type { AliasInput, Match, Matcher, MatcherOptions } from './matcher-types';

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

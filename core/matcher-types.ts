/** The matcher's public types (core/matcher.ts compiles, core/matcher-pack.ts packs and loads). */

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
  /**
   * Non-overlapping matches, in text order. `loose`: a case-sensitive alias not written in capitals
   * ("the West", "Nato") matches in any case, as in text a style upper-cased (page/rendered-text.ts).
   */
  find(text: string, loose?: boolean): Match[];
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

/** One compiled alias: an input and the forms it is verified against. */
export interface Entry {
  input: AliasInput;
  caseSensitive: boolean;
  /** Case-preserving normal form, for verifying case-sensitive candidates. */
  exact: string;
}

/**
 * Context rules: what decides, beyond the string, whether an alias means its entity here. Applied
 * to each run's matches right after the matcher found them (no second pass over the page): the
 * words right before or after a match, the page's publication date for event windows and office
 * titles, and whether a weak alias has a strong one of its entity on the page. Pure.
 */
import { firstDay, inPeriod } from '../data/dated-facts';
import { foldAlias } from '../data/fold';
import type { Match, Matcher } from './matcher';

export interface OfficeRule {
  holders: readonly { entityId: string; from?: string; until?: string }[];
  /** Entities named inside the title: mentioned where the title is. */
  contains: readonly string[];
  /** Folded words that turn the title to the previous holder ("former"). */
  former?: readonly string[];
}

export interface AliasRule {
  notAfter?: readonly string[];
  notBefore?: readonly string[];
  onlyBefore?: readonly string[];
  weak?: boolean;
  when?: { from: string; until: string };
  office?: OfficeRule;
  /** Entities named inside the alias: mentioned where it is ("Kazakhstan" in "unrest in Kazakhstan"). */
  contains?: readonly string[];
}

/** A match that the rules kept, with the entity it means on this page. */
export interface Detection extends Match {
  /** Counts only once a strong mention of the same entity is on the page (absent: strong). */
  weak?: boolean;
  /** Set when an office title was resolved to its holder. */
  via?: { office: string };
}

export const ruleKey = (entityId: string, alias: string) => `${entityId}\u0000${alias}`;

/**
 * Rules as a page receives them: each distinct rule once, and every alias's key with the index of
 * its rule. The forms of one name share a rule (the bundled pack's 465 keys have far fewer
 * rules), and written out once per key they made 155 KB of the 378 KB matcher message.
 */
export interface RuleTable {
  rules: AliasRule[];
  keys: [string, number][];
}

export function tableOfRules(rules: ReadonlyMap<string, AliasRule>): RuleTable {
  const table: RuleTable = { rules: [], keys: [] };
  const index = new Map<string, number>();
  for (const [key, rule] of rules) {
    const text = JSON.stringify(rule);
    let at = index.get(text);
    if (at === undefined) {
      at = table.rules.push(rule) - 1;
      index.set(text, at);
    }
    table.keys.push([key, at]);
  }
  return table;
}

export const rulesOfTable = (table: RuleTable): Map<string, AliasRule> =>
  new Map(table.keys.map(([key, at]) => [key, table.rules[at]!]));

/** The fold rule words are compared in: the matcher's own (data/fold.ts). */
export const foldWord = foldAlias;

const WORD = /[\p{L}\p{N}\p{M}]/u;
/** Rule words are short: this much text either side is all a rule ever reads. */
const WINDOW = 48;

/** The folded text before a match, less an opening quote or bracket: «Россия», "the Kremlin". */
const foldBefore = (before: string) => foldWord(before).replace(/[\s«"“„‘'([]+$/u, '');

/** Does the folded text before a match end with `word`, as a whole word? */
function endsWithWord(text: string, word: string): boolean {
  if (!text.endsWith(word)) return false;
  const prev = text[text.length - word.length - 1];
  return prev === undefined || !WORD.test(prev);
}

/** Does the folded text after a match start with `word` ("troops", or "-led" with no space), as a whole word? */
function startsWithWord(text: string, word: string): boolean {
  if (!text.startsWith(word)) return false;
  const next = text[word.length];
  return next === undefined || !WORD.test(next);
}

/** The holder on `day`, or with `former` the one whose term ended last before it. */
export function holderOf(office: OfficeRule, day: string, former: boolean): string | undefined {
  if (!former) return office.holders.find((h) => inPeriod(day, h.from, h.until))?.entityId;
  const past = office.holders.filter((h) => h.until !== undefined && firstDay(h.until) <= day);
  past.sort((a, b) => (firstDay(a.until!) < firstDay(b.until!) ? 1 : -1));
  return past[0]?.entityId;
}

export interface RuleContext {
  rules: ReadonlyMap<string, AliasRule>;
  /** The page's publication date (YYYY-MM-DD), or null. */
  pageDate: string | null;
  /** Today (YYYY-MM-DD): an undated page's office titles mean today's holders. */
  today: string;
  /** Matches inside a slice of the text by the contained entities' aliases only (`PackAliases.inner`). */
  findWithin: (text: string) => Match[];
  /** `ruleKey`s of aliases that do not count here at all. */
  skip?: ReadonlySet<string>;
}

/** The matches of one run that count here, in text order. */
export function applyRules(text: string, matches: readonly Match[], context: RuleContext): Detection[] {
  const out: Detection[] = [];
  for (const match of matches) {
    const key = ruleKey(match.entityId, match.alias);
    if (context.skip?.has(key)) continue;
    const rule = context.rules.get(key);
    // Most matches have no rule: they count as they are, with no copy made per mention.
    if (!rule) {
      out.push(match);
      continue;
    }
    // Folded once per match, whatever the number of rule words.
    const before = foldBefore(text.slice(Math.max(0, match.start - WINDOW), match.start));
    const after = foldWord(text.slice(match.end, match.end + WINDOW));
    if (rule.notAfter?.some((w) => endsWithWord(before, w))) continue;
    if (rule.notBefore?.some((w) => startsWithWord(after, w))) continue;
    if (rule.onlyBefore && !rule.onlyBefore.some((w) => startsWithWord(after, w))) continue;
    let weak = rule.weak === true;
    if (rule.when) {
      if (context.pageDate === null) weak = true;
      else if (!inPeriod(context.pageDate, rule.when.from, rule.when.until)) continue;
    }
    const office = rule.office && match.entityId.replace(/^office:/, '');
    if (!rule.office) out.push({ ...match, weak });
    else {
      const former = rule.office.former?.some((w) => endsWithWord(before, w)) ?? false;
      const holder = holderOf(rule.office, context.pageDate ?? context.today, former);
      // "Not this here" was said of the person the title meant.
      if (holder && !context.skip?.has(ruleKey(holder, match.alias)))
        out.push({ ...match, entityId: holder, weak, via: { office: office! } });
    }
    // A longer name never hides the one inside it: "Kazakhstan" in "President of Kazakhstan".
    const contains = rule.office?.contains ?? rule.contains;
    if (contains?.length) {
      for (const inner of context.findWithin(text.slice(match.start, match.end))) {
        if (!contains.includes(inner.entityId)) continue;
        out.push({ ...inner, start: match.start + inner.start, end: match.start + inner.end });
      }
    }
  }
  return out;
}

/**
 * A matcher that applies the rules to each run it is given, for the page scan. A run's weak
 * mentions count once their entity has a strong one in this run or an earlier one; a weak one in
 * an earlier run than the entity's first strong mention stays unmarked (its run is done), which
 * changes that entity's count on the page, never whether it is found.
 */
export function withRules(matcher: Matcher, context: RuleContext): Matcher {
  /** Entities with a strong mention on the page so far. */
  const strong = new Set<string>();
  return {
    aliasCount: matcher.aliasCount,
    find(text: string): Detection[] {
      const run = applyRules(text, matcher.find(text), context);
      for (const d of run) if (!d.weak) strong.add(d.entityId);
      return run.filter((d) => !d.weak || strong.has(d.entityId));
    },
  };
}

/**
 * Context rules: what decides, beyond the string, whether an alias means its entity here. Applied
 * to each run's matches right after the matcher found them (no second pass over the page): the
 * words right before or after a match, the page's publication date for event windows and office
 * titles, and whether a weak alias has a strong one of its entity on the page. Pure.
 */
import { firstDay } from '../data/dated-facts';
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
  /** Counts only once a strong mention of the same entity is on the page. */
  weak: boolean;
  /** Set when an office title was resolved to its holder, or an entity was found inside a title. */
  via?: { office: string };
}

export const ruleKey = (entityId: string, alias: string) => `${entityId}\u0000${alias}`;

/** The fold rule words are compared in: the matcher's own (data/fold.ts). */
export const foldWord = foldAlias;

const WORD = /[\p{L}\p{N}\p{M}]/u;
/** Rule words are short: this much text either side is all a rule ever reads. */
const WINDOW = 48;

function endsWithWord(before: string, word: string): boolean {
  // An opening quote or bracket between them does not part them: «Россия», "the Kremlin".
  const text = foldWord(before.slice(-WINDOW - word.length)).replace(/[\s«"“„‘'([]+$/u, '');
  if (!text.endsWith(word)) return false;
  const prev = text[text.length - word.length - 1];
  return prev === undefined || !WORD.test(prev);
}

function startsWithWord(after: string, word: string): boolean {
  // "-led" follows its adjective directly; other words follow a space.
  const text = foldWord(
    word.startsWith('-') ? after.slice(0, WINDOW + word.length) : after.slice(0, WINDOW + word.length).trimStart(),
  );
  if (!text.startsWith(word)) return false;
  const next = text[word.length];
  return next === undefined || !WORD.test(next);
}

const inPeriod = (day: string, from?: string, until?: string) =>
  (from === undefined || firstDay(from) <= day) && (until === undefined || firstDay(until) > day);

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
    if (context.skip?.has(ruleKey(match.entityId, match.alias))) continue;
    const rule = context.rules.get(ruleKey(match.entityId, match.alias));
    if (!rule) {
      out.push({ ...match, weak: false });
      continue;
    }
    const before = text.slice(Math.max(0, match.start - WINDOW - 8), match.start);
    const after = text.slice(match.end, match.end + WINDOW + 8);
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
        out.push({ ...inner, start: match.start + inner.start, end: match.start + inner.end, weak: false });
      }
    }
  }
  return out;
}

/**
 * Weak mentions wait until their entity has a strong one on the page; then they all count.
 * One per page: it sees every run's detections in turn.
 */
export class WeakGate<T extends { entityId: string; weak: boolean }> {
  private strong = new Set<string>();
  private waiting = new Map<string, T[]>();

  /** The detections that count now, including earlier weak ones this run's strong ones release. */
  admit(detections: readonly T[]): T[] {
    const out: T[] = [];
    for (const d of detections) {
      if (!d.weak && !this.strong.has(d.entityId)) {
        this.strong.add(d.entityId);
        const held = this.waiting.get(d.entityId);
        if (held) {
          out.push(...held);
          this.waiting.delete(d.entityId);
        }
      }
      if (!d.weak || this.strong.has(d.entityId)) out.push(d);
      else {
        const list = this.waiting.get(d.entityId);
        if (list) list.push(d);
        else this.waiting.set(d.entityId, [d]);
      }
    }
    return out;
  }

  reset(): void {
    this.strong.clear();
    this.waiting.clear();
  }
}

/**
 * A matcher that applies the rules to each run it is given, for the page scan. A run's weak
 * mentions count once their entity has a strong one in this run or an earlier one; a weak one in
 * an earlier run than the entity's first strong mention stays unmarked (its run is done), which
 * changes that entity's count on the page, never whether it is found.
 */
export function withRules(matcher: Matcher, context: RuleContext): Matcher {
  const gate = new WeakGate<Detection>();
  return {
    aliasCount: matcher.aliasCount,
    find(text: string): Detection[] {
      const run = applyRules(text, matcher.find(text), context);
      const mine = new Set(run);
      return gate.admit(run).filter((d) => mine.has(d));
    },
  };
}

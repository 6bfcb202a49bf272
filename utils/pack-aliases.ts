import { aliasForms as formsOf } from '../data/inflect';
import type { Alias, Office, Pack } from '../data/schema';
import { foldWord, ruleKey, type AliasRule, type OfficeRule } from './context-rules';
import type { AliasInput } from './matcher';

/** A reader's "not this entity here": this alias no longer matches on this site. */
export interface RejectedAlias {
  site: string;
  entityId: string;
  alias: string;
}

export interface PackAliases {
  aliases: AliasInput[];
  /** Context rules by `ruleKey(entityId, form)`: only aliases that have any are listed. */
  rules: Map<string, AliasRule>;
  /** The aliases of entities that other aliases contain, for the small matcher that finds them inside. */
  inner: AliasInput[];
}

/** An office title's matches carry this id until the rules resolve them to the holder. */
export const officeEntityId = (office: Office) => `office:${office.id}`;

function ruleOf(alias: Alias, office?: OfficeRule): AliasRule | undefined {
  if (typeof alias === 'string') return office ? { office } : undefined;
  const fold = (words?: readonly string[]) => words?.map(foldWord);
  const rule: AliasRule = {
    notAfter: fold(alias.notAfter),
    notBefore: fold(alias.notBefore),
    onlyBefore: fold(alias.onlyBefore),
    weak: alias.weak,
    when: alias.when,
    office,
    contains: alias.contains,
  };
  return Object.values(rule).some((v) => v !== undefined) ? rule : undefined;
}

/** Flattens the aliases of the enabled packs (entities and office titles) into the matcher's input. */
export function packAliases(packs: readonly Pack[], rejected: readonly RejectedAlias[] = []): PackAliases {
  const skip = new Set(rejected.map((r) => ruleKey(r.entityId, r.alias)));
  const aliases: AliasInput[] = [];
  const rules = new Map<string, AliasRule>();
  const add = (entityId: string, lang: string, alias: Alias, office?: OfficeRule) => {
    const rule = ruleOf(alias, office);
    const caseSensitive = typeof alias === 'string' ? false : alias.caseSensitive === true;
    for (const text of formsOf(alias)) {
      const key = ruleKey(entityId, text);
      if (skip.has(key)) continue;
      aliases.push({ text, entityId, lang, caseSensitive });
      if (rule && !rules.has(key)) rules.set(key, rule);
    }
  };
  for (const pack of packs) {
    for (const entity of pack.entities) {
      for (const [lang, list] of Object.entries(entity.aliases)) for (const alias of list) add(entity.id, lang, alias);
    }
    for (const office of pack.offices ?? []) {
      const rule: OfficeRule = { holders: office.holders, contains: office.contains, former: office.former?.map(foldWord) };
      for (const [lang, list] of Object.entries(office.aliases)) for (const alias of list) add(officeEntityId(office), lang, alias, rule);
    }
  }
  const contained = new Set([...rules.values()].flatMap((rule) => rule.office?.contains ?? rule.contains ?? []));
  return { aliases, rules, inner: aliases.filter((alias) => contained.has(alias.entityId)) };
}

/** The matcher's input alone, for callers that apply no rules (the bench's scan, tests). */
export const aliasesOf = (packs: readonly Pack[], rejected: readonly RejectedAlias[] = []): AliasInput[] =>
  packAliases(packs, rejected).aliases;

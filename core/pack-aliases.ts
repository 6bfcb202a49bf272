import { aliasForms as formsOf } from '../data/inflect';
import type { Alias, Entity, Office, Pack } from '../data/schema';
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

/**
 * Flattens the aliases of the enabled packs (entities and office titles) into the matcher's input;
 * `tagOf` gives each its entity's tag (an office title, its first holder's).
 */
export function packAliases(
  packs: readonly Pack[],
  rejected: readonly RejectedAlias[] = [],
  tagOf?: (entity: Entity) => number,
): PackAliases {
  const skip = new Set(rejected.map((r) => ruleKey(r.entityId, r.alias)));
  const aliases: AliasInput[] = [];
  const rules = new Map<string, AliasRule>();
  const add = (entityId: string, lang: string, alias: Alias, tag: number | undefined, office?: OfficeRule) => {
    const rule = ruleOf(alias, office);
    const caseSensitive = typeof alias === 'string' ? false : alias.caseSensitive === true;
    for (const text of formsOf(alias)) {
      const key = ruleKey(entityId, text);
      // A title rejected for the person it meant is rejected for every holder: the reader saw it wrong.
      if (skip.has(key) || office?.holders.some((h) => skip.has(ruleKey(h.entityId, text)))) continue;
      aliases.push(
        tag === undefined ? { text, entityId, lang, caseSensitive } : { text, entityId, lang, caseSensitive, tag },
      );
      if (rule && !rules.has(key)) rules.set(key, rule);
    }
  };
  for (const pack of packs) {
    const byId = new Map(pack.entities.map((entity) => [entity.id, entity]));
    for (const entity of pack.entities) {
      const tag = tagOf?.(entity);
      for (const [lang, list] of Object.entries(entity.aliases))
        for (const alias of list) add(entity.id, lang, alias, tag);
    }
    for (const office of pack.offices ?? []) {
      const rule: OfficeRule = {
        holders: office.holders,
        contains: office.contains,
        former: office.former?.map(foldWord),
      };
      const holder = byId.get(office.holders[0].entityId);
      const tag = holder && tagOf?.(holder);
      for (const [lang, list] of Object.entries(office.aliases))
        for (const alias of list) add(officeEntityId(office), lang, alias, tag, rule);
    }
  }
  const contained = new Set([...rules.values()].flatMap((rule) => rule.office?.contains ?? rule.contains ?? []));
  return { aliases, rules, inner: aliases.filter((alias) => contained.has(alias.entityId)) };
}

/** The matcher's input alone, for callers that apply no rules (the bench's scan, tests). */
export const aliasesOf = (
  packs: readonly Pack[],
  rejected: readonly RejectedAlias[] = [],
  tagOf?: (entity: Entity) => number,
): AliasInput[] => packAliases(packs, rejected, tagOf).aliases;

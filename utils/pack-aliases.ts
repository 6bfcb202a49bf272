import type { Entity, Pack } from '../data/schema';
import type { AliasInput } from './matcher';

/** A reader's "not this entity here": this alias no longer matches on this site. */
export interface RejectedAlias {
  site: string;
  entityId: string;
  alias: string;
}

/** Flattens the aliases of the enabled packs into the matcher's input; `tagOf` gives each its entity's tag. */
export function aliasesOf(packs: readonly Pack[], rejected: readonly RejectedAlias[] = [], tagOf?: (entity: Entity) => number): AliasInput[] {
  const skip = new Set(rejected.map((r) => `${r.entityId}\u0000${r.alias}`));
  const out: AliasInput[] = [];
  for (const pack of packs) {
    for (const entity of pack.entities) {
      const tag = tagOf?.(entity);
      for (const [lang, list] of Object.entries(entity.aliases)) {
        for (const alias of list) {
          const text = typeof alias === 'string' ? alias : alias.text;
          if (skip.has(`${entity.id}\u0000${text}`)) continue;
          const caseSensitive = typeof alias === 'string' ? false : alias.caseSensitive === true;
          out.push(tag === undefined ? { text, entityId: entity.id, lang, caseSensitive } : { text, entityId: entity.id, lang, caseSensitive, tag });
        }
      }
    }
  }
  return out;
}

/**
 * What the schema cannot check: quotes are verbatim in their source paragraph, related ids
 * resolve, alias strings are not shared by accident, and no alias is a common word on its own.
 * Pure: the caller supplies the source texts.
 */
import { COMMON_WORDS } from './common-words';
import { foldAlias } from './fold';
import { aliasForms } from './inflect';
import type { Pack } from './schema';

/** Blank-line separated blocks of a source text, 1-based as the pack's `paragraph` counts them. */
export function paragraphsOf(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** Two aliases are the same when the matcher cannot tell them apart: the one fold (data/fold.ts). */
export const aliasKey = foldAlias;

/**
 * Returns one line per problem, each naming the pack, the entity and the field path.
 * `sourceTexts` maps a source's `file` (e.g. `sources/x.txt`) to its content.
 */
export function checkPack(pack: Pack, sourceTexts: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  const at = (entityId: string, path: string, message: string) =>
    problems.push(`${pack.id}: entity "${entityId}": ${path}: ${message}`);

  const paragraphs = new Map<string, string[]>();
  for (const source of pack.sources) {
    if (!source.file) continue;
    const text = sourceTexts.get(source.file);
    if (text === undefined) problems.push(`${pack.id}: source "${source.id}": file: ${source.file} not found`);
    else paragraphs.set(source.id, paragraphsOf(text));
  }

  const ids = new Set(pack.entities.map((e) => e.id));
  const owners = new Map<string, { entityId: string; shared: boolean }[]>();

  for (const entity of pack.entities) {
    entity.analysis.forEach((point, i) => {
      const blocks = paragraphs.get(point.source);
      if (!blocks) {
        at(entity.id, `analysis[${i}].source`, `source "${point.source}" has no text to check the quote against`);
        return;
      }
      const block = blocks[point.paragraph - 1];
      if (block === undefined) {
        at(
          entity.id,
          `analysis[${i}].paragraph`,
          `paragraph ${point.paragraph} does not exist (the source has ${blocks.length})`,
        );
      } else if (!block.includes(point.quote)) {
        const elsewhere = blocks.findIndex((b) => b.includes(point.quote));
        at(
          entity.id,
          `analysis[${i}].quote`,
          elsewhere >= 0
            ? `quote is in paragraph ${elsewhere + 1}, not ${point.paragraph}`
            : 'quote does not appear verbatim in the source',
        );
      }
    });

    entity.related.forEach((rel, i) => {
      if (!ids.has(rel.id)) at(entity.id, `related[${i}].id`, `unknown entity "${rel.id}"`);
      if (rel.id === entity.id) at(entity.id, `related[${i}].id`, 'an entity cannot be related to itself');
    });

    checkAliases(entity.id, entity.aliases, (path, message) => at(entity.id, path, message));
  }
  for (const office of pack.offices ?? []) {
    checkAliases(`office:${office.id}`, office.aliases, (path, message) =>
      problems.push(`${pack.id}: office "${office.id}": ${path}: ${message}`),
    );
  }

  /** Every form of every alias: common words and forms two owners share are problems. */
  function checkAliases(
    owner: string,
    aliases: Pack['entities'][number]['aliases'],
    report: (path: string, message: string) => void,
  ) {
    for (const [lang, list] of Object.entries(aliases)) {
      list.forEach((alias, i) => {
        let forms: string[];
        try {
          forms = aliasForms(alias);
        } catch (error) {
          report(`aliases.${lang}[${i}]`, (error as Error).message);
          return;
        }
        const caseSensitive = typeof alias !== 'string' && alias.caseSensitive === true;
        for (const text of forms) {
          const key = aliasKey(text);
          // "US" matched case-sensitively is not the word "us": only lower-case forms can collide.
          const caseSafe = caseSensitive && text !== text.toLowerCase();
          if (!caseSafe && COMMON_WORDS.has(key))
            report(`aliases.${lang}[${i}]`, `"${text}" is a common word on its own`);
          const entry = { entityId: owner, shared: typeof alias !== 'string' && alias.shared !== undefined };
          const list2 = owners.get(key);
          const mine = list2?.find((o) => o.entityId === owner);
          if (!list2) owners.set(key, [entry]);
          else if (!mine) list2.push(entry);
          else mine.shared ||= entry.shared;
        }
      });
    }
  }

  for (const [key, list] of owners) {
    if (list.length < 2 || list.every((o) => o.shared)) continue;
    problems.push(
      `${pack.id}: alias "${key}" belongs to ${list.map((o) => `"${o.entityId}"`).join(' and ')}: give a "shared" reason on each or remove it`,
    );
  }
  return problems;
}

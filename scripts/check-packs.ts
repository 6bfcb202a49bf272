/**
 * `npm run packs:check`: every pack in data/packs/ against the schema and the checker rules.
 * `npm run packs:check -- <file>…` checks the named pack files instead: a pack file the pack editor
 * exported (pack and source texts in one JSON, data/pack-file.ts) or a bare pack.
 * `npm run packs:check -- --forms` also lists the forms each inflected alias expands to.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkPackFileAt, checkPacksIn } from '../data/check-files';
import { aliasForms } from '../data/inflect';
import { parsePackFile } from '../data/pack-file';

const dataDir = resolve(import.meta.dirname, '../data');
const named = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const files = named.length
  ? named.map((file) => resolve(file))
  : readdirSync(join(dataDir, 'packs'))
      .filter((f) => f.endsWith('.json'))
      .map((f) => join(dataDir, 'packs', f));
const problems = named.length ? files.flatMap((file) => checkPackFileAt(file)) : checkPacksIn(dataDir);
for (const line of problems) console.log(line);
if (problems.length) {
  console.log(`packs:check: ${problems.length} problem(s) in ${files.length} pack(s)`);
  process.exit(1);
}
if (process.argv.includes('--forms')) {
  for (const file of files) {
    const parsed = parsePackFile(readFileSync(file, 'utf8'));
    if (!parsed.ok) continue;
    const owners = [...parsed.pack.entities, ...parsed.pack.offices];
    for (const owner of owners) {
      for (const [lang, list] of Object.entries(owner.aliases)) {
        for (const alias of list) {
          if (typeof alias === 'string' || !alias.inflect) continue;
          console.log(
            `${file.split('/').pop()}: ${owner.id}: ${lang}: ${alias.text} [${alias.inflect}] → ${aliasForms(alias).join(' | ')}`,
          );
        }
      }
    }
  }
}
console.log(`packs:check: ${files.length} pack(s) OK`);

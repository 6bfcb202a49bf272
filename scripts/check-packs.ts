/**
 * `npm run packs:check`: every pack in data/packs/ against the schema and the checker rules.
 * `npm run packs:check -- --forms` also lists the forms each inflected alias expands to.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkPacksIn } from '../data/check-files';
import { aliasForms } from '../data/inflect';
import { parsePackText } from '../data/load';

const dataDir = resolve(import.meta.dirname, '../data');
const files = readdirSync(join(dataDir, 'packs')).filter((f) => f.endsWith('.json'));
const problems = checkPacksIn(dataDir);
for (const line of problems) console.log(line);
if (problems.length) {
  console.log(`packs:check: ${problems.length} problem(s) in ${files.length} pack(s)`);
  process.exit(1);
}
if (process.argv.includes('--forms')) {
  for (const file of files) {
    const parsed = parsePackText(readFileSync(join(dataDir, 'packs', file), 'utf8'));
    if (!parsed.ok) continue;
    const owners = [...parsed.pack.entities, ...parsed.pack.offices];
    for (const owner of owners) {
      for (const [lang, list] of Object.entries(owner.aliases)) {
        for (const alias of list) {
          if (typeof alias === 'string' || !alias.inflect) continue;
          console.log(
            `${file}: ${owner.id}: ${lang}: ${alias.text} [${alias.inflect}] → ${aliasForms(alias).join(' | ')}`,
          );
        }
      }
    }
  }
}
console.log(`packs:check: ${files.length} pack(s) OK`);

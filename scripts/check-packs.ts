/** `npm run packs:check`: every pack in data/packs/ against the schema and the checker rules. */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkPacksIn } from '../data/check-files';

const dataDir = resolve(import.meta.dirname, '../data');
const problems = checkPacksIn(dataDir);
for (const line of problems) console.log(line);
const count = readdirSync(join(dataDir, 'packs')).filter((f) => f.endsWith('.json')).length;
if (problems.length) {
  console.log(`packs:check: ${problems.length} problem(s) in ${count} pack(s)`);
  process.exit(1);
}
console.log(`packs:check: ${count} pack(s) OK`);

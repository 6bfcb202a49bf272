/** Node side of the checker: reads packs and their source texts from a data directory. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkPack } from './check';
import { parsePackText } from './load';
import { checkReferences } from './references';

export function checkPackFile(dataDir: string, file: string): string[] {
  const result = parsePackText(readFileSync(join(dataDir, 'packs', file), 'utf8'));
  if (!result.ok) return result.errors.map((e) => `${file}: ${e}`);
  const texts = new Map<string, string>();
  for (const source of result.pack.sources) {
    if (!source.file) continue;
    const path = join(dataDir, source.file);
    if (existsSync(path)) texts.set(source.file, readFileSync(path, 'utf8'));
  }
  // A shipped pack must keep the reference policy; an imported one is only warned (shared/packs.ts).
  return [...checkPack(result.pack, texts), ...checkReferences(result.pack)].map((p) => `${file}: ${p}`);
}

export function checkPacksIn(dataDir: string): string[] {
  const files = readdirSync(join(dataDir, 'packs'))
    .filter((f) => f.endsWith('.json'))
    .sort();
  if (!files.length) return [`${join(dataDir, 'packs')}: no pack found`];
  return files.flatMap((file) => checkPackFile(dataDir, file));
}

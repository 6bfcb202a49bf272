/** Node side of the checker: reads packs and their source texts from a data directory. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { checkPack } from './check';
import { parsePackText } from './load';
import { checkParsedPackFile, parsePackFile } from './pack-file';
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

/**
 * One pack file named on the command line (`npm run packs:check -- <file>`): a pack file with its
 * source texts inside (data/pack-file.ts), or a bare pack whose texts lie in `dataDir` as in
 * data/ (by default the folder above the file's own, as data/packs/ sits beside data/sources/).
 */
export function checkPackFileAt(path: string, dataDir = dirname(dirname(path))): string[] {
  const name = basename(path);
  if (!existsSync(path)) return [`${path}: not found`];
  const parsed = parsePackFile(readFileSync(path, 'utf8'));
  if (!parsed.ok) return parsed.errors.map((e) => `${name}: ${e}`);
  const texts = new Map(parsed.texts);
  if (!parsed.bundled) {
    for (const source of parsed.pack.sources) {
      if (source.file && existsSync(join(dataDir, source.file)))
        texts.set(source.file, readFileSync(join(dataDir, source.file), 'utf8'));
    }
  }
  return checkParsedPackFile({ pack: parsed.pack, texts }).map((p) => `${name}: ${p}`);
}

/**
 * A pack file: what the pack editor exports and Options and `npm run packs:check -- <file>` read.
 * A shipped pack's source texts lie beside it (data/sources/); a curator's pack travels alone, so
 * its file carries them inside, and the checker can still prove every quote:
 *
 *   { "format": "gloss-pack-file", "version": 1,
 *     "pack": { …the pack JSON (data/schema.ts)… },
 *     "sources": { "sources/<source-id>.txt": "the source's text, paragraphs split by blank lines" } }
 *
 * A bare pack JSON is still a pack file (without texts, its quotes cannot be checked). Pure.
 */
import { checkPack } from './check';
import { parsePack } from './load';
import { checkReferences } from './references';
import { isRecord } from './records';
import type { Pack, PackInput } from './schema';

export const PACK_FILE_FORMAT = 'gloss-pack-file';
export const PACK_FILE_VERSION = 1;

export interface PackFileJson {
  format: typeof PACK_FILE_FORMAT;
  version: typeof PACK_FILE_VERSION;
  pack: PackInput;
  sources: Record<string, string>;
}

export type PackFileResult =
  | {
      ok: true;
      pack: Pack;
      /** Source texts by the sources' `file` path; empty for a bare pack. */
      texts: Map<string, string>;
      /** Whether the file carried source texts (a bundle), so the quotes could be checked. */
      bundled: boolean;
    }
  | { ok: false; errors: string[] };

/** Text of a pack file, as the editor exports it (stable key order, two-space indent). */
export function packFileText(pack: PackInput, texts: ReadonlyMap<string, string> | Record<string, string>): string {
  const sources = texts instanceof Map ? Object.fromEntries(texts) : { ...texts };
  const file: PackFileJson = { format: PACK_FILE_FORMAT, version: PACK_FILE_VERSION, pack, sources };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Whether a JSON syntax error is the file stopping short (cut off while saving or copying) rather
 * than a mistake inside it: the parser ran out of text. V8 says "Unexpected end of JSON input" or
 * names the position of the last character; Firefox says "end of data".
 */
function endsTooEarly(text: string, message: string): boolean {
  if (/end of (JSON )?input|end of data|Unterminated string/i.test(message)) return true;
  const at = /position (\d+)/.exec(message);
  return at !== null && Number(at[1]) >= text.trimEnd().length - 1;
}

/**
 * Parses a pack file (a bundle or a bare pack). Never throws: a truncated or damaged file gives
 * errors that say so, a schema error names the entity and field as `packs:check` does.
 */
export function parsePackFile(text: string): PackFileResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const truncated = endsTooEarly(text, (error as Error).message);
    const why = truncated ? ' (the file ends too early: cut off while saving or copying?)' : '';
    return { ok: false, errors: [`(pack): not valid JSON: ${(error as Error).message}${why}`] };
  }
  if (!isRecord(json) || !('pack' in json)) {
    const result = parsePack(json);
    return result.ok ? { ok: true, pack: result.pack, texts: new Map(), bundled: false } : result;
  }
  const errors: string[] = [];
  if (json.format !== PACK_FILE_FORMAT) errors.push(`(file): format: must be "${PACK_FILE_FORMAT}"`);
  if (json.version !== PACK_FILE_VERSION)
    errors.push(`(file): version: must be ${PACK_FILE_VERSION} (a newer Gloss may have written it)`);
  const texts = new Map<string, string>();
  if (!isRecord(json.sources)) errors.push('(file): sources: must map each source file to its text');
  else {
    for (const [path, value] of Object.entries(json.sources)) {
      if (typeof value !== 'string') errors.push(`(file): sources["${path}"]: must be the source's text`);
      else texts.set(path, value);
    }
  }
  const result = parsePack(json.pack);
  if (!result.ok) errors.push(...result.errors);
  if (errors.length || !result.ok) return { ok: false, errors };
  return { ok: true, pack: result.pack, texts, bundled: true };
}

/** Every checker rule, quotes against the file's own texts, and the reference policy as errors. */
export function checkParsedPackFile(file: { pack: Pack; texts: ReadonlyMap<string, string> }): string[] {
  return [...checkPack(file.pack, file.texts), ...checkReferences(file.pack)];
}

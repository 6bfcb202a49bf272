import type { z } from 'zod';
import { packSchema, type Pack } from './schema';

export type PackResult = { ok: true; pack: Pack } | { ok: false; errors: string[] };

/**
 * Names a zod issue path the way a pack author looks for it: the entity by its id where the
 * path runs through one, then the field path, e.g. `entity "csto": aliases.en[0]`.
 */
export function describePath(path: readonly PropertyKey[], input: unknown): string {
  let where = '';
  let rest = path;
  if (path[0] === 'entities' && typeof path[1] === 'number') {
    const raw = (input as { entities?: unknown[] } | null)?.entities?.[path[1]];
    const id = (raw as { id?: unknown } | null)?.id;
    where = typeof id === 'string' && id ? `entity "${id}"` : `entities[${path[1]}]`;
    rest = path.slice(2);
  }
  const field = rest.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i ? '.' : ''}${String(key)}`)).join('');
  if (where && field) return `${where}: ${field}`;
  return where || field || '(pack)';
}

export function formatIssues(issues: readonly z.core.$ZodIssue[], input: unknown): string[] {
  return issues.map((issue) => {
    const message = issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message;
    return `${describePath(issue.path, input)}: ${message}`;
  });
}

/** Validates parsed JSON as a pack. Never throws: bad input gives errors that name where. */
export function parsePack(input: unknown): PackResult {
  // zod 4 leaves the offending value out of issues unless asked; without it a value of the wrong
  // type ("name": 5, or null) could not be told from a missing one.
  const result = packSchema.safeParse(input, { reportInput: true });
  if (result.success) return { ok: true, pack: result.data };
  return { ok: false, errors: formatIssues(result.error.issues, input) };
}

/** Parses JSON text first, so a syntax error is reported the same way as a schema error. */
export function parsePackText(text: string): PackResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [`(pack): not valid JSON: ${(error as Error).message}`] };
  }
  return parsePack(json);
}

/** A JSON object (not an array, not null): the one test the pack file, the drafts and the editor use. */
export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

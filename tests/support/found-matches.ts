import { expect } from 'vitest';
import type { Match } from '../../core/matcher';

/** [matched slice, entityId] pairs, checking on the way that offsets slice the text. */
export function found(matches: Match[], text: string): [string, string][] {
  return matches.map((m) => {
    expect(m.start).toBeGreaterThanOrEqual(0);
    expect(m.end).toBeLessThanOrEqual(text.length);
    expect(m.start).toBeLessThan(m.end);
    return [text.slice(m.start, m.end), m.entityId];
  });
}

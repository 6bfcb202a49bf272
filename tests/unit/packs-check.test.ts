import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkPacksIn } from '../../data/check-files';

describe('bundled packs', () => {
  it('pass the schema and the checker (npm run packs:check)', () => {
    expect(checkPacksIn(resolve(import.meta.dirname, '../../data'))).toEqual([]);
  });
});

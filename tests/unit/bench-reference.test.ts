/** The reference content scripts each do what their name says, and no more (bench/reference-content.ts). */
import { describe, expect, it } from 'vitest';
import { bundleScript } from '../../bench/bundle';
import { REFERENCES } from '../../bench/summary';

describe('bench reference content scripts', () => {
  it.each(REFERENCES)('"%s" messages and walks only as its name says', async (reference) => {
    const script = await bundleScript('reference-content.ts', { REFERENCE: JSON.stringify(reference) });
    // esbuild drops the branches the define rules out: what is left is what the browser runs.
    expect(script.includes('sendMessage')).toBe(reference.includes('message'));
    expect(script.includes('getComputedStyle')).toBe(reference.includes('walk'));
  });
});

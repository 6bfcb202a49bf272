/**
 * The sources zip (`npm run zip`) holds what a reviewer needs to rebuild and nothing else: every
 * file the build reads, none of the tests, bench, fixtures, demo or store material.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { SOURCES } from '../../wxt.config';

const ROOT = resolve(import.meta.dirname, '../..');
const tracked = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n');

describe('the sources zip', () => {
  it('has every tracked file under the folders the build reads, and the files that drive it', async () => {
    const zipped = new Set(await glob(SOURCES, { cwd: ROOT, onlyFiles: true, ignore: ['**/node_modules/**'] }));
    const needed = tracked.filter(
      (f) =>
        /^(entrypoints|components|core|page|shared|background|data|public|assets)\//.test(f) &&
        !/\.(test|spec)\.tsx?$/.test(f),
    );
    expect(needed.length).toBeGreaterThan(50);
    expect(needed.filter((f) => !zipped.has(f))).toEqual([]);
    for (const file of [
      'package.json',
      'package-lock.json',
      'tsconfig.json',
      'wxt.config.ts',
      'LICENSE',
      'README.md',
    ]) {
      expect(zipped.has(file), file).toBe(true);
    }
  });

  it('leaves out tests, fixtures, the bench, CI and the demo and store scripts', async () => {
    const zipped = await glob(SOURCES, { cwd: ROOT, onlyFiles: true, dot: false, ignore: ['**/node_modules/**'] });
    expect(zipped.filter((f) => /^(tests|bench|store|demo-output|\.ci|\.github)\//.test(f))).toEqual([]);
    expect(zipped.filter((f) => f.startsWith('scripts/'))).toEqual(['scripts/icons.ts']);
  });
});

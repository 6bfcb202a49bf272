/** What a browser checks before it loads the build, checked here with a clear message. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROME_BUILD } from './harness';

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });

describe('the Chrome build', () => {
  it('has only strictly valid UTF-8 scripts, without noncharacters (Chromium refuses those)', () => {
    const bad = files(CHROME_BUILD)
      .filter((f) => /\.(js|css|html|json)$/.test(f))
      .filter((f) => {
        const bytes = readFileSync(f);
        const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
        return text.includes('\uFFFD') || /[\uFDD0-\uFDEF\uFFFE\uFFFF]/u.test(text);
      });
    expect(bad).toEqual([]);
  });
});

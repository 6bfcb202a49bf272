/** The store listing: texts in every language with every section the stores ask for, and the images. */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCREENSHOT, STORE_IMAGES, STORE_SHOTS, STORE_TILE, TILE } from '../../scripts/store';

const STORE = resolve(import.meta.dirname, '../../store');
const SECTIONS = ['Summary', 'Description', 'Category', 'Single purpose', 'Permission justifications', 'Privacy'];
/** The permissions the manifests ask for (tests/e2e/firefox-lint.test.ts keeps that list closed). */
const PERMISSIONS = ['scripting', 'storage', 'sidePanel', 'contextMenus'];

function sections(markdown: string): Map<string, string> {
  const parts = markdown.split(/^## /m).slice(1);
  return new Map(
    parts.map((part) => [part.slice(0, part.indexOf('\n')).trim(), part.slice(part.indexOf('\n')).trim()]),
  );
}

/** Width, height and colour type from a PNG's IHDR chunk (2: RGB, 6: RGB with alpha). */
const png = (path: string) => {
  const bytes = readFileSync(path);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), colourType: bytes[25] };
};

describe('store texts', () => {
  for (const lang of ['en', 'de', 'ru']) {
    it(`${lang}: every section, a summary that fits both stores, every permission justified`, () => {
      const text = readFileSync(resolve(STORE, `${lang}.md`), 'utf8');
      const found = sections(text);
      expect([...found.keys()]).toEqual(SECTIONS);
      for (const [name, body] of found) expect(body.length, `${lang} ${name}`).toBeGreaterThan(20);
      // Chrome's summary field takes 132 characters, AMO's 250.
      expect(found.get('Summary')!.split('\n')).toHaveLength(1);
      expect([...found.get('Summary')!].length).toBeLessThanOrEqual(132);
      for (const permission of PERMISSIONS)
        expect(found.get('Permission justifications'), permission).toContain(`**${permission}**`);
    });
  }
});

describe('store images', () => {
  it('five 1280×800 screenshots and the 440×280 tile, 24-bit without alpha', () => {
    for (const name of STORE_SHOTS) {
      const path = resolve(STORE_IMAGES, name);
      expect(existsSync(path), `${path}: npm run store`).toBe(true);
      expect(png(path)).toEqual({ ...SCREENSHOT, colourType: 2 });
    }
    expect(png(resolve(STORE_IMAGES, STORE_TILE))).toEqual({ ...TILE, colourType: 2 });
  });
});

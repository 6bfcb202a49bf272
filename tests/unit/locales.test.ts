/** Every string the UI asks for exists in English, German and Russian, with the same placeholders. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../..', import.meta.url).pathname;
type Messages = Record<string, { message: string }>;
const locale = (lang: string): Messages =>
  JSON.parse(readFileSync(join(ROOT, 'public/_locales', lang, 'messages.json'), 'utf8'));
const LOCALES = { en: locale('en'), de: locale('de'), ru: locale('ru') };
const placeholders = (text: string) => [...new Set(text.match(/\$\d/g) ?? [])].sort();

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.tsx?$/.test(name) ? [path] : [];
  });

describe('locales', () => {
  it('have the same keys and placeholders in every language', () => {
    const keys = Object.keys(LOCALES.en).sort();
    for (const [lang, messages] of Object.entries(LOCALES)) {
      expect(Object.keys(messages).sort(), lang).toEqual(keys);
      for (const key of keys) {
        expect(messages[key].message.trim(), `${lang}.${key}`).not.toBe('');
        expect(placeholders(messages[key].message), `${lang}.${key}`).toEqual(placeholders(LOCALES.en[key].message));
      }
    }
  });

  it('have every key the code asks for, plural forms included', () => {
    const code = ['components', 'core', 'page', 'shared', 'background', 'entrypoints']
      .flatMap((d) => sources(join(ROOT, d)))
      .map((f) => readFileSync(f, 'utf8'));
    const asked = new Set(code.flatMap((text) => [...text.matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)].map((m) => m[1])));
    const plurals = new Set(
      code.flatMap((text) => [...text.matchAll(/\bplural\(\s*'([A-Za-z0-9_]+)'/g)].map((m) => m[1])),
    );
    expect(asked.size).toBeGreaterThan(50);
    expect([...asked].filter((key) => !(key in LOCALES.en))).toEqual([]);
    for (const base of plurals) {
      expect(`${base}_other` in LOCALES.en, base).toBe(true);
      // Russian counts need one, few and many.
      for (const form of ['one', 'few', 'many']) expect(`${base}_${form}` in LOCALES.ru, `${base}_${form}`).toBe(true);
    }
  });
});

/** What a browser or a store checks before it loads the build, checked here with a clear message. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CHROME_BUILD } from './harness';

const FIREFOX_BUILD = resolve(import.meta.dirname, '../../.output/firefox-mv2');

const files = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });

const manifestOf = (build: string) => JSON.parse(readFileSync(join(build, 'manifest.json'), 'utf8'));
/** Width and height from a PNG's IHDR chunk. */
const pngSize = (path: string) => {
  const png = readFileSync(path);
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
};

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

  it('asks for Chrome 116, the first with sidePanel.open()', () => {
    expect(manifestOf(CHROME_BUILD).minimum_chrome_version).toBe('116');
  });

  it('keeps the content script small, without zod or Preact (the card view comes on first use)', () => {
    const script = readFileSync(join(CHROME_BUILD, 'content-scripts/content.js'));
    expect(gzipSync(script, { level: 9 }).length).toBeLessThanOrEqual(30 * 1024);
    const text = script.toString('utf8');
    // zod's and Preact's own error texts, which survive minification.
    expect(text).not.toContain('Invalid input');
    expect(text).not.toContain('dangerouslySetInnerHTML');
    // Storage items read their value as they are defined: the page gets its settings from the background.
    expect(text).not.toContain('defineItem(');
  });
});

describe('both builds', () => {
  for (const build of [CHROME_BUILD, FIREFOX_BUILD]) {
    it(`${build.split('/').pop()}: names the toolbar button and the sidebar with the localized name`, () => {
      const manifest = manifestOf(build);
      expect((manifest.action ?? manifest.browser_action).default_title).toBe('__MSG_extName__');
      if (manifest.sidebar_action) expect(manifest.sidebar_action.default_title).toBe('__MSG_extName__');
    });

    it(`${build.split('/').pop()}: lists its icons, each a PNG of its size, for the add-on and the toolbar`, () => {
      const manifest = manifestOf(build);
      expect(Object.keys(manifest.icons)).toEqual(['16', '32', '48', '96', '128']);
      const action = manifest.action ?? manifest.browser_action;
      const all = {
        ...manifest.icons,
        ...Object.fromEntries(Object.entries(action.default_icon).map(([k, v]) => [`action-${k}`, v])),
      };
      for (const [key, path] of Object.entries(all) as [string, string][]) {
        const size = Number(key.replace('action-', ''));
        const file = join(build, path);
        expect(existsSync(file), file).toBe(true);
        expect(pngSize(file), file).toEqual({ width: size, height: size });
        // The dimmed variant the background switches to must ship beside it.
        expect(existsSync(join(build, path.replace(/^icon\//, 'icon-off/'))), path).toBe(true);
      }
    });
  }

  it('the Firefox build has a permanent add-on id in the form AMO accepts, and asks for Firefox 140', () => {
    const gecko = manifestOf(FIREFOX_BUILD).browser_specific_settings.gecko;
    expect(gecko.id).toMatch(/^\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}$/);
    expect(gecko.strict_min_version).toBe('140.0');
  });
});

/**
 * All settings as one file: what export writes reads back the same; a bad file (not JSON, cut
 * short, wrong shape, a newer format) is refused with the field path of each problem, and a
 * refused file changes nothing.
 */
import { siteErrorText } from '../../components/options/site-errors';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applySettingsFile, parseSettingsFile, settingsFileText } from '../../components/options/settings-file';
import { DEFAULT_PREFS, getPrefs, getRejected, getSites, setSites, updatePrefs } from '../../shared/settings';

const SITES = { mode: 'only' as const, sites: ['news.example', '*.blog.example'], otherSites: ['old.example'] };
const PREFS = { ...DEFAULT_PREFS, density: 'first' as const, textSize: 'large' as const, showCount: false };
const REJECTED = [{ site: 'news.example', entityId: 'nato', alias: 'NATO' }];

describe('settings file', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads back what export writes, and applies it', async () => {
    const text = settingsFileText(SITES, PREFS, REJECTED);
    expect(JSON.parse(text)).toMatchObject({ format: 'gloss-settings', version: 1 });
    const parsed = parseSettingsFile(text);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    await applySettingsFile(parsed.settings);
    expect(await getSites()).toEqual(SITES);
    expect(await getPrefs()).toEqual(PREFS);
    expect(await getRejected()).toEqual(REJECTED);
  });

  it('keeps the current preferences a file does not name, and drops a newer Gloss’s fields', async () => {
    await updatePrefs({ hoverDelayMs: 900 });
    const file = JSON.parse(settingsFileText(SITES, PREFS, []));
    file.prefs = { textSize: 'small', futureThing: true };
    const parsed = parseSettingsFile(JSON.stringify(file));
    if (!parsed.ok) throw new Error(parsed.errors.join());
    await applySettingsFile(parsed.settings);
    expect(await getPrefs()).toEqual({ ...DEFAULT_PREFS, hoverDelayMs: 900, textSize: 'small' });
  });

  it('refuses a file that is not JSON or is cut short', () => {
    const text = settingsFileText(SITES, PREFS, REJECTED);
    for (const bad of ['hello', text.slice(0, text.length / 2), '']) {
      const parsed = parseSettingsFile(bad);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.errors[0]).toMatch(/^not valid JSON/);
    }
  });

  it('names the field of each problem', () => {
    const file = JSON.parse(settingsFileText(SITES, PREFS, REJECTED));
    file.sites.sites[1] = 'https://x.example/path';
    file.prefs.hoverDelayMs = 5;
    file.rejected[0].alias = '';
    const parsed = parseSettingsFile(JSON.stringify(file));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toHaveLength(3);
    // The parser's reason in the reader's language, as the Sites section says it.
    expect(parsed.errors[0]).toBe(`sites.sites.1: "https://x.example/path" ${siteErrorText('scheme')}`);
    expect(parsed.errors[1]).toMatch(/^prefs\.hoverDelayMs: /);
    expect(parsed.errors[2]).toMatch(/^rejected\.0\.alias: /);
  });

  it('names a toolbar-count setting that is not true or false', () => {
    const file = JSON.parse(settingsFileText(SITES, PREFS, REJECTED));
    file.prefs.showCount = 'yes';
    const parsed = parseSettingsFile(JSON.stringify(file));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors).toEqual([expect.stringMatching(/^prefs\.showCount: /)]);
  });

  it('refuses another kind of file and one from a newer Gloss', () => {
    const pack = parseSettingsFile(JSON.stringify({ id: 'a-pack', entities: [] }));
    expect(pack.ok).toBe(false);
    if (!pack.ok) expect(pack.errors[0]).toMatch(/^format: .*not a Gloss settings file/);
    const newer = JSON.parse(settingsFileText(SITES, PREFS, REJECTED));
    newer.version = 2;
    const parsed = parseSettingsFile(JSON.stringify(newer));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors).toEqual(['version: this file was made by a newer Gloss: update Gloss first']);
  });

  it('changes nothing when a file is refused', async () => {
    await setSites({ mode: 'except', sites: ['mine.example'], otherSites: [] });
    const before = await fakeBrowser.storage.local.get();
    const file = JSON.parse(settingsFileText(SITES, PREFS, REJECTED));
    delete file.rejected;
    const parsed = parseSettingsFile(JSON.stringify(file));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors).toEqual(['rejected: Invalid input: expected array, received undefined']);
    expect(await fakeBrowser.storage.local.get()).toEqual(before);
  });
});

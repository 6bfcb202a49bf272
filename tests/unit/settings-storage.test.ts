/**
 * Stored settings as a reader's browser may hold them: from an older version, corrupt, or written
 * by a newer version before a downgrade. Each field migrates or falls back on its own; the site
 * lists are never lost. Storage is `fakeBrowser`; the items are defined afresh after seeding it,
 * the way the extension defines them at start-up over whatever is stored.
 */
import { storage } from '@wxt-dev/storage';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  DEFAULT_PREFS,
  getPrefs,
  getRejected,
  getSites,
  prefsItemOptions,
  setSiteOn,
  sitesItemOptions,
} from '../../shared/settings';

/** Seeds raw storage (value and version meta), then starts the item as the extension would. */
async function startWith(key: 'sites' | 'prefs', value: unknown, version?: number) {
  await fakeBrowser.storage.local.set({ [key]: value, ...(version ? { [`${key}$`]: { v: version } } : {}) });
  const item =
    key === 'sites'
      ? storage.defineItem(`local:${key}`, sitesItemOptions)
      : storage.defineItem(`local:${key}`, prefsItemOptions);
  await item.getValue();
}

const raw = async (key: string) => (await fakeBrowser.storage.local.get(key))[key];

describe('stored settings', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    // A future version makes @wxt-dev/storage log an error and skip the migration: expected here.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  describe('sites', () => {
    it('v1 { mode, sites } gains an empty otherSites, the list untouched', async () => {
      await startWith('sites', { mode: 'only', sites: ['example.com', '*.news.example'] }, 1);
      expect(await getSites()).toEqual({ mode: 'only', sites: ['example.com', '*.news.example'], otherSites: [] });
      expect(await raw('sites$')).toEqual({ v: 2 });
    });

    it('v1 without a version mark, as a bare list or as text', async () => {
      await startWith('sites', ['example.com', 'not a host!', 42, 'example.com', 'file://']);
      expect(await getSites()).toEqual({ mode: 'except', sites: ['example.com', 'file://'], otherSites: [] });
      fakeBrowser.reset();
      await startWith('sites', 'example.com\r\nexample.org\n\n');
      expect((await getSites()).sites).toEqual(['example.com', 'example.org']);
    });

    it('corrupt values fall back field by field', async () => {
      await startWith(
        'sites',
        { mode: 'sometimes', sites: ['example.com', null, { host: 'x' }], otherSites: 'b.example' },
        2,
      );
      expect(await getSites()).toEqual({ mode: 'except', sites: ['example.com'], otherSites: ['b.example'] });
      for (const junk of [42, true, null, { sites: 7 }, '']) {
        fakeBrowser.reset();
        await startWith('sites', junk, 2);
        expect(await getSites()).toEqual({ mode: 'except', sites: [], otherSites: [] });
      }
    });

    it('a future version is read field by field, its lists kept, and survives the next change', async () => {
      const future = {
        mode: 'only',
        sites: ['example.com'],
        otherSites: ['old.example'],
        schedule: { weekdays: true },
      };
      await startWith('sites', future, 9);
      expect(await getSites()).toEqual({ mode: 'only', sites: ['example.com'], otherSites: ['old.example'] });
      // Not migrated or rewritten behind the reader's back.
      expect(await raw('sites')).toEqual(future);
      expect(await raw('sites$')).toEqual({ v: 9 });
      await setSiteOn('example.org', true);
      expect((await getSites()).sites).toEqual(['example.com', 'example.org']);
      expect((await getSites()).otherSites).toEqual(['old.example']);
    });
  });

  describe('prefs', () => {
    it('v1 gains highlightStyle, textSize and showCount, the rest kept', async () => {
      await startWith('prefs', { hoverDelayMs: 600, density: 'first' }, 1);
      const migrated = {
        hoverDelayMs: 600,
        density: 'first',
        highlightStyle: 'both',
        textSize: 'normal',
        showCount: true,
      };
      expect(await getPrefs()).toEqual(migrated);
      expect(await raw('prefs')).toEqual(migrated);
      expect(await raw('prefs$')).toEqual({ v: 4 });
    });

    it('v2 gains textSize, its own fields untouched', async () => {
      await startWith('prefs', { hoverDelayMs: 700, density: 'all', highlightStyle: 'tint' }, 2);
      expect(await raw('prefs')).toEqual({
        hoverDelayMs: 700,
        density: 'all',
        highlightStyle: 'tint',
        textSize: 'normal',
        showCount: true,
      });
      expect(await raw('prefs$')).toEqual({ v: 4 });
    });

    it('corrupt fields fall back one by one', async () => {
      await startWith('prefs', { hoverDelayMs: 'fast', density: 'first', highlightStyle: 'neon' }, 2);
      expect(await getPrefs()).toEqual({ ...DEFAULT_PREFS, density: 'first' });
      for (const hoverDelayMs of [-1, 0, 99, 2001, 350.5, Number.NaN, null, '500']) {
        fakeBrowser.reset();
        await startWith('prefs', { hoverDelayMs, density: 'first', highlightStyle: 'tint' }, 2);
        expect(await getPrefs()).toEqual({
          hoverDelayMs: DEFAULT_PREFS.hoverDelayMs,
          density: 'first',
          highlightStyle: 'tint',
          textSize: 'normal',
          showCount: true,
        });
      }
      for (const junk of [null, [], 'x', 5]) {
        fakeBrowser.reset();
        await startWith('prefs', junk, 1);
        expect(await getPrefs()).toEqual(DEFAULT_PREFS);
      }
    });

    it('a future version keeps the fields this version knows', async () => {
      await startWith(
        'prefs',
        { hoverDelayMs: 800, density: 'first', highlightStyle: 'underline', showCount: false, theme: 'sepia' },
        5,
      );
      expect(await getPrefs()).toEqual({
        hoverDelayMs: 800,
        density: 'first',
        highlightStyle: 'underline',
        textSize: 'normal',
        showCount: false,
      });
    });
  });

  it('the "not this entity here" list keeps its valid entries', async () => {
    await fakeBrowser.storage.local.set({
      rejected: [
        { site: 'example.com', entityId: 'nato', alias: 'NATO' },
        { site: 'example.com', entityId: 7, alias: 'x' },
        null,
        'nato',
      ],
    });
    expect(await getRejected()).toEqual([{ site: 'example.com', entityId: 'nato', alias: 'NATO' }]);
    await fakeBrowser.storage.local.set({ rejected: { not: 'a list' } });
    expect(await getRejected()).toEqual([]);
  });
});

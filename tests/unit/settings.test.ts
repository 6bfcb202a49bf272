/**
 * Settings as stored: migrations from older versions, corrupt and future values read field by
 * field, and the site lists never lost. Each test writes raw storage first, then loads a fresh
 * copy of the settings module, because @wxt-dev/storage runs migrations when an item is defined.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

type Settings = typeof import('../../shared/settings');

async function settingsWith(raw: Record<string, unknown>): Promise<Settings> {
  await fakeBrowser.storage.local.set(raw);
  vi.resetModules();
  return import('../../shared/settings');
}

const stored = async (key: string) => (await fakeBrowser.storage.local.get(key))[key];

beforeEach(() => {
  fakeBrowser.reset();
});

describe('sites', () => {
  it('defaults to "on everywhere" with empty lists', async () => {
    const settings = await settingsWith({});
    expect(await settings.getSites()).toEqual({ mode: 'except', sites: [], otherSites: [] });
  });

  it('migrates v1 { mode, sites } to v2, keeping the list and adding the other mode’s list', async () => {
    const settings = await settingsWith({
      sites: { mode: 'only', sites: ['news.example.com', '*.wire.example'] },
      sites$: { v: 1 },
    });
    expect(await settings.getSites()).toEqual({
      mode: 'only',
      sites: ['news.example.com', '*.wire.example'],
      otherSites: [],
    });
    expect(await stored('sites$')).toEqual({ v: 2 });
    expect(await stored('sites')).toEqual({
      mode: 'only',
      sites: ['news.example.com', '*.wire.example'],
      otherSites: [],
    });
  });

  it('keeps a bare list stored by hand or by a very old version', async () => {
    const settings = await settingsWith({ sites: ['a.example', 'b.example'], sites$: { v: 1 } });
    expect(await settings.getSites()).toEqual({ mode: 'except', sites: ['a.example', 'b.example'], otherSites: [] });
  });

  it('falls back field by field: a broken mode or a bad entry does not cost the rest of the list', async () => {
    const settings = await settingsWith({
      sites: {
        mode: 'sometimes',
        sites: ['good.example', 42, 'https://bad.example/', 'good.example', ' spaced.example '],
        otherSites: 'x.example\ny.example',
      },
      sites$: { v: 2 },
    });
    expect(await settings.getSites()).toEqual({
      mode: 'except',
      sites: ['good.example', 'spaced.example'],
      otherSites: ['x.example', 'y.example'],
    });
  });

  it('reads a value from a newer version (after a downgrade) without losing its lists', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const settings = await settingsWith({
      sites: { mode: 'only', sites: ['kept.example'], otherSites: ['also.example'], schedule: { weekdays: true } },
      sites$: { v: 9 },
    });
    expect(await settings.getSites()).toEqual({ mode: 'only', sites: ['kept.example'], otherSites: ['also.example'] });
  });

  it('treats values that are not settings at all as the defaults', async () => {
    for (const junk of [null, 7, true, 'not a list\n\n', { sites: null }]) {
      fakeBrowser.reset();
      const settings = await settingsWith({ sites: junk, sites$: { v: 2 } });
      const sites = await settings.getSites();
      expect(sites.mode).toBe('except');
      expect(sites.otherSites).toEqual([]);
    }
  });

  it('keeps one list per mode when the reader switches mode and back', async () => {
    const settings = await settingsWith({});
    const except = { mode: 'except' as const, sites: ['noisy.example'], otherSites: [] };
    const only = settings.switchSiteMode(except, 'only');
    expect(only).toEqual({ mode: 'only', sites: [], otherSites: ['noisy.example'] });
    expect(settings.switchSiteMode(only, 'except')).toEqual(except);
  });

  it('switches one site from the popup or the shortcut, and tells watchers', async () => {
    const settings = await settingsWith({});
    const seen: unknown[] = [];
    const off = settings.watchSites((value) => seen.push(value));
    await settings.setSiteOn('news.example.com', false);
    expect(await settings.getSites()).toEqual({ mode: 'except', sites: ['news.example.com'], otherSites: [] });
    await settings.setSiteOn('news.example.com', true);
    expect((await settings.getSites()).sites).toEqual([]);
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    off();
  });
});

describe('prefs', () => {
  it('migrates v1 to v4 by adding the highlight style the v1 look had, the normal text size and the toolbar count, on', async () => {
    const settings = await settingsWith({ prefs: { hoverDelayMs: 500, density: 'first' }, prefs$: { v: 1 } });
    const v4 = { hoverDelayMs: 500, density: 'first', highlightStyle: 'both', textSize: 'normal', showCount: true };
    expect(await settings.getPrefs()).toEqual(v4);
    expect(await stored('prefs')).toEqual(v4);
    expect(await stored('prefs$')).toEqual({ v: 4 });
  });

  it('migrates v3 to v4, keeping every v3 field', async () => {
    const v3 = { hoverDelayMs: 800, density: 'first', highlightStyle: 'tint', textSize: 'large' };
    const settings = await settingsWith({ prefs: v3, prefs$: { v: 3 } });
    expect(await settings.getPrefs()).toEqual({ ...v3, showCount: true });
    expect(await stored('prefs$')).toEqual({ v: 4 });
  });

  it('falls back per field on corrupt values', async () => {
    const settings = await settingsWith({
      prefs: { hoverDelayMs: -5, density: 'first', highlightStyle: '<b>', textSize: 'huge', showCount: 'yes' },
      prefs$: { v: 4 },
    });
    expect(await settings.getPrefs()).toEqual({
      hoverDelayMs: 350,
      density: 'first',
      highlightStyle: 'both',
      textSize: 'normal',
      showCount: true,
    });
  });

  it('keeps the other preferences when one changes, and refuses an out-of-range delay', async () => {
    const settings = await settingsWith({
      prefs: { hoverDelayMs: 800, density: 'first', highlightStyle: 'tint' },
      prefs$: { v: 2 },
    });
    expect(await settings.updatePrefs({ highlightStyle: 'underline' })).toEqual({
      hoverDelayMs: 800,
      density: 'first',
      highlightStyle: 'underline',
      textSize: 'normal',
      showCount: true,
    });
    expect((await settings.updatePrefs({ textSize: 'large' })).textSize).toBe('large');
    expect((await settings.updatePrefs({ showCount: false })).showCount).toBe(false);
    expect((await settings.updatePrefs({ hoverDelayMs: 99_999 })).hoverDelayMs).toBe(350);
  });

  it("keeps a newer version's fields (synced from another device) when this one changes a preference", async () => {
    const settings = await settingsWith({
      prefs: { hoverDelayMs: 800, density: 'first', highlightStyle: 'tint', cardWidth: 'wide' },
      prefs$: { v: 2 },
    });
    await settings.updatePrefs({ hoverDelayMs: 500 });
    expect(await settings.prefsItem.getValue()).toMatchObject({ hoverDelayMs: 500, cardWidth: 'wide' });
    expect(await settings.getPrefs()).not.toHaveProperty('cardWidth');
  });
});

describe('rejected aliases', () => {
  it('keeps the well-formed entries of a corrupt list, and adds and restores without duplicates', async () => {
    const entry = { site: 'news.example.com', entityId: 'putin', alias: 'Putin' };
    const settings = await settingsWith({ rejected: [entry, { site: 1 }, 'junk', null] });
    expect(await settings.getRejected()).toEqual([entry]);
    const other = { site: 'news.example.com', entityId: 'nato', alias: 'NATO' };
    await settings.rejectAlias(other);
    await settings.rejectAlias(other);
    expect(await settings.getRejected()).toEqual([entry, other]);
    await settings.restoreAlias(entry);
    expect(await settings.getRejected()).toEqual([other]);
  });
});

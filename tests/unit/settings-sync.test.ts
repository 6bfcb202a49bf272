/**
 * Settings that follow the reader (shared/synced-item.ts): kept in storage.sync and mirrored in
 * local; a value sync refuses (its quota) stays in local with a mark saying why; a value an older
 * Gloss left in local is read from there until it is copied to sync. Storage is `fakeBrowser`;
 * a quota error is simulated by making `storage.sync.set` reject with Chrome's message.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  adoptLocalSettings,
  getRejected,
  getSites,
  rejectAlias,
  setSites,
  sitesItem,
  watchSites,
  type SiteSettings,
} from '../../shared/settings';
import { getSyncFallbacks } from '../../shared/synced-item';

const area = async (name: 'local' | 'sync', key: string) => (await fakeBrowser.storage[name].get(key))[key];
const settle = () => new Promise((r) => setTimeout(r, 10));
const sites = (...list: string[]): SiteSettings => ({ mode: 'except', sites: list, otherSites: [] });

function refuseSync(message = 'QUOTA_BYTES_PER_ITEM quota exceeded') {
  return vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(new Error(message));
}

describe('settings in storage.sync', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('writes to sync and local, and reads what sync holds', async () => {
    await setSites(sites('a.example'));
    expect(await area('sync', 'sites')).toEqual(sites('a.example'));
    expect(await area('local', 'sites')).toEqual(sites('a.example'));
    // Another device's change arrives through sync.
    await fakeBrowser.storage.sync.set({ sites: sites('b.example') });
    expect((await getSites()).sites).toEqual(['b.example']);
  });

  it('keeps reading an older version’s local list, then copies it to sync once', async () => {
    await fakeBrowser.storage.local.set({ sites: sites('kept.example'), sites$: { v: 2 }, rejected: [] });
    expect((await getSites()).sites).toEqual(['kept.example']);
    await adoptLocalSettings();
    expect(await area('sync', 'sites')).toEqual(sites('kept.example'));
    expect(await area('sync', 'sites$')).toEqual({ v: 2 });
    // A second run changes nothing, and sync's value is not overwritten by a stale local one.
    await fakeBrowser.storage.sync.set({ sites: sites('newer.example') });
    await adoptLocalSettings();
    expect((await getSites()).sites).toEqual(['newer.example']);
    // Nothing stored locally (a fresh install beside a synced profile): nothing copied.
    expect(await area('sync', 'prefs')).toBeUndefined();
  });

  it('falls back to local when sync refuses the value, says why, and returns when it fits', async () => {
    await setSites(sites('old.example'));
    const set = refuseSync();
    await setSites(sites('long.example'));
    expect((await getSites()).sites).toEqual(['long.example']);
    expect(await area('sync', 'sites')).toEqual(sites('old.example'));
    expect(await getSyncFallbacks()).toEqual({
      sites: { reason: 'quota', message: 'QUOTA_BYTES_PER_ITEM quota exceeded', at: expect.any(Number) },
    });
    // The other settings are unaffected until they too are refused.
    await rejectAlias({ site: 'x.example', entityId: 'nato', alias: 'NATO' });
    expect(Object.keys(await getSyncFallbacks()).sort()).toEqual(['rejected', 'sites']);
    expect(await getRejected()).toHaveLength(1);
    set.mockRestore();
    await setSites(sites('short.example'));
    expect(await getSyncFallbacks()).toEqual({ rejected: expect.anything() });
    expect(await area('sync', 'sites')).toEqual(sites('short.example'));
  });

  it('calls watchers once per change, with the value from the area that holds it', async () => {
    const seen: string[][] = [];
    const off = watchSites((value) => seen.push(value.sites));
    await settle();
    await setSites(sites('one.example'));
    await settle();
    refuseSync('MAX_WRITE_OPERATIONS_PER_MINUTE quota exceeded');
    await setSites(sites('two.example'));
    await settle();
    off();
    await setSites(sites('three.example'));
    await settle();
    expect(seen).toEqual([['one.example'], ['two.example']]);
    // Written too often is not "too large": the notice says which.
    expect((await getSyncFallbacks()).sites.reason).toBe('rate');
  });

  it('passes the value before the change to watchers that compare (registration)', async () => {
    await setSites(sites('before.example'));
    const changes: [string[], string[]][] = [];
    const off = sitesItem.watch((value, old) => changes.push([old.sites as string[], value.sites as string[]]));
    await settle();
    await setSites(sites('after.example'));
    await settle();
    off();
    expect(changes).toEqual([[['before.example'], ['after.example']]]);
  });

  it('keeps everything in local where the browser has no storage.sync', async () => {
    vi.resetModules();
    const sync = fakeBrowser.storage.sync;
    Object.defineProperty(fakeBrowser.storage, 'sync', { value: undefined, configurable: true });
    try {
      const fresh = await import('../../shared/settings');
      await fresh.setSites(sites('here.example'));
      expect((await fresh.getSites()).sites).toEqual(['here.example']);
      expect(await area('local', 'sites')).toEqual(sites('here.example'));
      await fresh.adoptLocalSettings();
      expect(await (await import('../../shared/synced-item')).getSyncFallbacks()).toEqual({});
    } finally {
      Object.defineProperty(fakeBrowser.storage, 'sync', { value: sync, configurable: true });
    }
  });
});

/**
 * Pause: stored as `local:paused`, read field by field; over by itself at its time; the background
 * clears it by alarm or on the browser's restart; the toolbar says so.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { followPause, handleAlarm, handleStartup, RESUME_ALARM } from '../../background/pause';
import { toolbarState } from '../../background/toolbar';
import {
  getPause,
  getSites,
  isPaused,
  PAUSE_HOUR_MS,
  pauseGloss,
  pauseItem,
  resumeGloss,
  sanitizePause,
} from '../../shared/settings';

const stored = async () => (await fakeBrowser.storage.local.get('paused')).paused;

beforeEach(() => {
  fakeBrowser.reset();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('the stored pause', () => {
  it('reads a time or "restart", and nothing else', () => {
    expect(sanitizePause({ until: 1234 })).toEqual({ until: 1234 });
    expect(sanitizePause({ until: 'restart' })).toEqual({ until: 'restart' });
    for (const junk of [null, 'restart', { until: 'later' }, { until: Number.NaN }, { until: Infinity }, []]) {
      expect(sanitizePause(junk)).toBeNull();
    }
  });

  it('is over at its time; a pause until the restart lasts', () => {
    expect(isPaused({ until: 2000 }, 1999)).toBe(true);
    expect(isPaused({ until: 2000 }, 2000)).toBe(false);
    expect(isPaused({ until: 'restart' }, Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(isPaused(null)).toBe(false);
  });

  it('pauses for an hour or until the restart, resumes, and leaves the site lists alone', async () => {
    await fakeBrowser.storage.local.set({ sites: { mode: 'only', sites: ['news.example'], otherSites: [] } });
    const before = await getSites();
    const now = Date.now();
    const { until } = await pauseGloss(PAUSE_HOUR_MS);
    expect(until).toBeGreaterThanOrEqual(now + PAUSE_HOUR_MS);
    expect(await getPause()).toEqual({ until });
    await pauseGloss('restart');
    expect(await stored()).toEqual({ until: 'restart' });
    await resumeGloss();
    expect(await getPause()).toBeNull();
    expect(await getSites()).toEqual(before);
  });

  it('a corrupt or past value is no pause', async () => {
    await fakeBrowser.storage.local.set({ paused: { until: 'soon' } });
    expect(await getPause()).toBeNull();
    await fakeBrowser.storage.local.set({ paused: { until: Date.now() - 1 } });
    expect(await getPause()).toBeNull();
  });
});

describe('automatic resume (background)', () => {
  it('sets an alarm at the end of a timed pause, and the alarm resumes', async () => {
    const off = followPause();
    const until = Date.now() + 60_000;
    await pauseItem.setValue({ until });
    await vi.waitFor(async () => expect((await fakeBrowser.alarms.get(RESUME_ALARM))?.scheduledTime).toBe(until));
    // Rung early (the reader paused again for longer): the pause stays, the alarm is set anew.
    await handleAlarm({ name: RESUME_ALARM });
    expect(await stored()).toEqual({ until });
    vi.useFakeTimers({ now: until + 1, toFake: ['Date'] });
    await handleAlarm({ name: RESUME_ALARM });
    expect(await stored()).toBeUndefined();
    await vi.waitFor(async () => expect(await fakeBrowser.alarms.get(RESUME_ALARM)).toBeUndefined());
    off();
  });

  it('clears a pause "until the browser restarts" when the browser starts, and only that one', async () => {
    const off = followPause();
    await pauseItem.setValue({ until: 'restart' });
    await fakeBrowser.runtime.onStartup.trigger();
    await vi.waitFor(async () => expect(await stored()).toBeUndefined());
    const until = Date.now() + 60_000;
    await pauseItem.setValue({ until });
    await handleStartup();
    expect(await stored()).toEqual({ until });
    off();
  });

  it('clears a pause that ended while the background was asleep, when it starts', async () => {
    await pauseItem.setValue({ until: Date.now() - 5_000 });
    const off = followPause();
    await vi.waitFor(async () => expect(await stored()).toBeUndefined());
    off();
  });
});

describe('the toolbar while paused', () => {
  const rules = { mode: 'except' as const, sites: [] };
  it('shows the dimmed mark and says until when', () => {
    expect(toolbarState(rules, 'https://news.example/', { until: 'restart' })).toEqual({
      on: false,
      title: 'toolbarPausedRestart',
    });
    expect(toolbarState(rules, 'https://news.example/', { until: Date.now() + 1000 }).title).toBe('toolbarPaused');
    expect(toolbarState(rules, 'https://news.example/', null)).toMatchObject({ on: true });
    // A page Gloss cannot read says so, paused or not.
    expect(toolbarState(rules, 'chrome://settings', { until: 'restart' }).title).toBe('toolbarCannotRead');
  });
});

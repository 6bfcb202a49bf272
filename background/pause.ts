/**
 * Pause's automatic resume. A timed pause ends by itself everywhere it is read (a time in the past
 * is no pause, and content scripts set their own timer), but the stored value and the toolbar are
 * the background's: an alarm at the end clears it, and a pause "until the browser restarts" is
 * cleared when the browser starts again. A pause found already over when the background starts
 * (it slept through the alarm) is cleared then.
 */
import { reportError } from '../shared/error-log';
import { inSeries } from '../core/in-series';
import { browser } from 'wxt/browser';
import { pauseItem, resumeGloss, sanitizePause, watchPause, type Pause } from '../shared/settings';

export const RESUME_ALARM = 'gloss-resume';

/** Sets or clears the resume alarm for a pause; clears a pause that is over already. */
export async function scheduleResume(pause: Pause | null, now = Date.now()): Promise<void> {
  if (pause && typeof pause.until === 'number' && pause.until <= now) {
    await resumeGloss();
    return;
  }
  if (pause && typeof pause.until === 'number') browser.alarms.create(RESUME_ALARM, { when: pause.until });
  else await browser.alarms.clear(RESUME_ALARM);
}

const resuming = inSeries();

/** Follows the stored pause, one call after the other: an alarm set must never be cleared by an older call. */
export function syncResume(): Promise<void> {
  return resuming(async () => scheduleResume(sanitizePause(await pauseItem.getValue())));
}

/** The alarm rang: resume, unless the reader paused again for longer meanwhile (the alarm is then set anew). */
export async function handleAlarm(alarm: { name: string }): Promise<void> {
  if (alarm.name === RESUME_ALARM) await syncResume();
}

/** The browser started: a pause until the restart is over. */
export async function handleStartup(): Promise<void> {
  const pause = sanitizePause(await pauseItem.getValue());
  if (pause?.until === 'restart') await resumeGloss();
}

/** From the background's start; the listeners are registered at once, as event pages need. */
export function followPause(): () => void {
  const failed = (error: unknown) => reportError('pause', error, 'Gloss: could not resume after the pause.');
  const onAlarm = (alarm: { name: string }) => void handleAlarm(alarm).catch(failed);
  const onStartup = () => void handleStartup().catch(failed);
  browser.alarms.onAlarm.addListener(onAlarm);
  browser.runtime.onStartup.addListener(onStartup);
  void syncResume().catch(failed);
  const unwatch = watchPause(() => void syncResume().catch(failed));
  return () => {
    browser.alarms.onAlarm.removeListener(onAlarm);
    browser.runtime.onStartup.removeListener(onStartup);
    unwatch();
  };
}

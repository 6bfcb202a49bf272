/**
 * "Pause Gloss": the stored pause, kept current (it ends by itself at its time, so the view
 * re-renders then), and the popup's controls: pause for an hour or until the browser restarts, or
 * say until when it is paused and resume. The side panel shows the same notice.
 */
import { useEffect, useState } from 'preact/hooks';
import { formatTime } from '../shared/format';
import { t } from '../shared/i18n';
import {
  isPaused,
  PAUSE_HOUR_MS,
  pauseGloss,
  pauseItem,
  resumeGloss,
  sanitizePause,
  type Pause,
} from '../shared/settings';
import { useStoredItem } from './use-stored-item';

/** The pause in force, or null; null again the moment a timed pause ends. */
export function usePause(): Pause | null {
  const stored = useStoredItem(pauseItem, sanitizePause) ?? null;
  const [, setNow] = useState(0);
  const until = stored?.until;
  useEffect(() => {
    if (typeof until !== 'number' || until <= Date.now()) return;
    const timer = setTimeout(() => setNow(Date.now()), until - Date.now() + 20);
    return () => clearTimeout(timer);
  }, [until]);
  return isPaused(stored) ? stored : null;
}

export const pausedText = (pause: Pause) =>
  pause.until === 'restart' ? t('pausedUntilRestart') : t('pausedUntil', formatTime(pause.until));

/** Paused: until when, and Resume. */
export function PauseNotice({ pause }: { pause: Pause }) {
  const [failed, setFailed] = useState(false);
  return (
    <div class="notice pause-notice" data-testid="paused">
      <p role="status">{pausedText(pause)}</p>
      <button type="button" onClick={() => resumeGloss().catch(() => setFailed(true))}>
        {t('pauseResume')}
      </button>
      {failed && (
        <p class="error" role="alert">
          {t('popupSaveFailed')}
        </p>
      )}
    </div>
  );
}

/** The popup's pause: the two choices, or the notice while paused. */
export function PauseControls({ pause }: { pause: Pause | null }) {
  const [failed, setFailed] = useState(false);
  if (pause) return <PauseNotice pause={pause} />;
  const pauseFor = (duration: number | 'restart') => pauseGloss(duration).catch(() => setFailed(true));
  return (
    <section class="pause" aria-labelledby="pause-title">
      <h2 id="pause-title" class="sr-only">
        {t('pauseTitle')}
      </h2>
      <button type="button" onClick={() => void pauseFor(PAUSE_HOUR_MS)}>
        {t('pauseHour')}
      </button>
      <button type="button" onClick={() => void pauseFor('restart')}>
        {t('pauseRestart')}
      </button>
      {failed && (
        <p class="error" role="alert">
          {t('popupSaveFailed')}
        </p>
      )}
    </section>
  );
}

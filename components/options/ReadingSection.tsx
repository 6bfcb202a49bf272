/**
 * Reading preferences: hover delay, density, highlight style, the card's and panel's text size,
 * the count on the toolbar icon. Each saves as soon as it is valid.
 */
import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../shared/i18n';
import {
  HIGHLIGHT_STYLES,
  HOVER_DELAY_RANGE,
  prefsItem,
  sanitizePrefs,
  TEXT_SIZES,
  updatePrefs,
  type Prefs,
} from '../../shared/settings';
import { useStoredItem } from '../use-stored-item';
import { Choices } from './controls';

const DENSITIES: readonly Prefs['density'][] = ['all', 'first'];

const STYLE_KEYS: Record<Prefs['highlightStyle'], MessageKey> = {
  both: 'styleBoth',
  underline: 'styleUnderline',
  tint: 'styleTint',
};

const SIZE_KEYS: Record<Prefs['textSize'], MessageKey> = {
  small: 'textSizeSmall',
  normal: 'textSizeNormal',
  large: 'textSizeLarge',
  larger: 'textSizeLarger',
};

export function ReadingSection() {
  const prefs = useStoredItem(prefsItem, sanitizePrefs);
  const [delayText, setDelayText] = useState('');
  const [delayError, setDelayError] = useState<string | null>(null);
  const [status, setStatus] = useState('');

  // The field shows the stored delay when it loads and when it changes elsewhere.
  const storedDelay = prefs?.hoverDelayMs;
  useEffect(() => {
    if (storedDelay !== undefined) setDelayText(String(storedDelay));
  }, [storedDelay]);

  if (!prefs) return <p class="muted">{t('panelLoading')}</p>;

  const save = async (patch: Partial<Prefs>) => {
    try {
      await updatePrefs(patch);
      setStatus(t('prefsSaved'));
    } catch {
      setStatus(t('saveFailed'));
    }
  };

  const commitDelay = (value: string) => {
    const n = Number(value.trim());
    if (!/^\d+$/.test(value.trim()) || n < HOVER_DELAY_RANGE.min || n > HOVER_DELAY_RANGE.max) {
      setDelayError(t('delayError', [String(HOVER_DELAY_RANGE.min), String(HOVER_DELAY_RANGE.max)]));
      return;
    }
    setDelayError(null);
    if (n !== prefs.hoverDelayMs) void save({ hoverDelayMs: n });
  };

  return (
    <div class="field">
      <div class="field">
        <label for="hover-delay">{t('delayLabel')}</label>
        <p id="hover-delay-help" class="small muted">
          {t('delayHelp', [String(HOVER_DELAY_RANGE.min), String(HOVER_DELAY_RANGE.max)])}
        </p>
        <div class="row">
          <input
            id="hover-delay"
            type="number"
            inputMode="numeric"
            min={HOVER_DELAY_RANGE.min}
            max={HOVER_DELAY_RANGE.max}
            step={50}
            value={delayText}
            aria-describedby={delayError ? 'hover-delay-help hover-delay-error' : 'hover-delay-help'}
            aria-invalid={delayError ? 'true' : 'false'}
            onInput={(e) => setDelayText((e.target as HTMLInputElement).value)}
            onChange={(e) => commitDelay((e.target as HTMLInputElement).value)}
          />
          <span class="muted">{t('milliseconds')}</span>
        </div>
        {delayError && (
          <p id="hover-delay-error" class="error small">
            {delayError}
          </p>
        )}
      </div>

      <Choices
        legend={t('densityLegend')}
        name="density"
        options={DENSITIES}
        value={prefs.density}
        label={(density) => t(density === 'all' ? 'densityAll' : 'densityFirst')}
        onChange={(density) => void save({ density })}
      />

      <Choices
        legend={t('styleLegend')}
        name="highlight-style"
        options={HIGHLIGHT_STYLES}
        value={prefs.highlightStyle}
        label={(style) => t(STYLE_KEYS[style])}
        onChange={(highlightStyle) => void save({ highlightStyle })}
      />
      <Choices
        legend={t('textSizeLegend')}
        name="text-size"
        options={TEXT_SIZES}
        value={prefs.textSize}
        label={(size) => t(SIZE_KEYS[size])}
        onChange={(textSize) => void save({ textSize })}
      />

      <div class="field">
        <label class="choice" for="show-count">
          <input
            id="show-count"
            type="checkbox"
            checked={prefs.showCount}
            aria-describedby="show-count-help"
            onChange={(e) => void save({ showCount: (e.target as HTMLInputElement).checked })}
          />
          <span>{t('showCountLabel')}</span>
        </label>
        <p id="show-count-help" class="small muted">
          {t('showCountHelp')}
        </p>
      </div>
      <p role="status" class="small ok" data-testid="prefs-status">
        {status}
      </p>
    </div>
  );
}

/**
 * Where the settings live (sync, or this device only and why) and all of them as one file:
 * export, and an import that is checked whole first, so a bad file changes nothing.
 */
import { useState } from 'preact/hooks';
import { t, type MessageKey } from '../../shared/i18n';
import { getPrefs, getRejected, getSites } from '../../shared/settings';
import { hasSyncArea, sanitizeFallbacks, syncFallbackItem, type SyncFallback } from '../../shared/synced-item';
import { useStoredItem } from '../use-stored-item';
import { FileButton } from './controls';
import { downloadText, readFileText } from './files';
import { applySettingsFile, MAX_SETTINGS_BYTES, parseSettingsFile, settingsFileText } from './settings-file';

const SETTING_NAMES: Record<string, MessageKey | undefined> = {
  sites: 'syncNameSites',
  prefs: 'syncNamePrefs',
  rejected: 'syncNameRejected',
};

const settingName = (name: string) => {
  const key = SETTING_NAMES[name];
  return key ? t(key) : name;
};

const FALLBACK_KEYS: Record<SyncFallback['reason'], MessageKey> = {
  quota: 'syncFallbackQuota',
  rate: 'syncFallbackRate',
  error: 'syncFallbackError',
};

const FILE_NAME = 'gloss-settings.json';

export function SyncSection() {
  const fallbacks = useStoredItem(syncFallbackItem, sanitizeFallbacks);
  const [status, setStatus] = useState<{ text: string; kind: 'ok' | 'error' } | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const available = hasSyncArea();
  const local = Object.entries(fallbacks ?? {});

  const exportAll = async () => {
    setProblems([]);
    try {
      const [sites, prefs, rejected] = await Promise.all([getSites(), getPrefs(), getRejected()]);
      downloadText(FILE_NAME, settingsFileText(sites, prefs, rejected));
      setStatus({ text: t('settingsExported', FILE_NAME), kind: 'ok' });
    } catch {
      setStatus({ text: t('saveFailed'), kind: 'error' });
    }
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    setProblems([]);
    const text = await readFileText(file, MAX_SETTINGS_BYTES);
    if (text === null) {
      setStatus({ text: t('sitesImportUnreadable', file.name), kind: 'error' });
      return;
    }
    const parsed = parseSettingsFile(text);
    if (!parsed.ok) {
      setStatus({ text: t('settingsImportFailed', file.name), kind: 'error' });
      setProblems(parsed.errors);
      return;
    }
    try {
      await applySettingsFile(parsed.settings);
      setStatus({ text: t('settingsImported', file.name), kind: 'ok' });
    } catch {
      setStatus({ text: t('saveFailed'), kind: 'error' });
    }
  };

  return (
    <div class="field">
      {!available && (
        <p class="notice" data-testid="sync-state" data-state="unavailable">
          {t('syncUnavailable')}
        </p>
      )}
      {available && fallbacks && !local.length && (
        <p class="muted" data-testid="sync-state" data-state="sync">
          {t('syncOn')}
        </p>
      )}
      {available && local.length > 0 && (
        <div class="notice warn" data-testid="sync-state" data-state="fallback">
          <p>
            <strong>{t('syncFallbackTitle')}</strong>
          </p>
          <ul>
            {local.map(([name, fallback]) => (
              <li key={name} data-setting={name}>
                {t(FALLBACK_KEYS[fallback.reason], [settingName(name), fallback.message])}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div class="row">
        <button type="button" onClick={exportAll}>
          {t('settingsExport')}
        </button>
        <FileButton
          label={t('settingsImport')}
          accept=".json,application/json"
          testId="settings-file"
          onFile={importFile}
        />
      </div>
      <p role="status" class={status?.kind === 'error' ? 'error' : 'ok'} data-testid="settings-status">
        {status?.text ?? ''}
      </p>
      {problems.length > 0 && (
        <ul class="errors" data-testid="settings-errors">
          {problems.slice(0, 20).map((problem) => (
            <li key={problem}>{problem}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Authoring: the switch for "Quote in a pack…" on selections, and the way into the pack editor. */
import { useEffect, useState } from 'preact/hooks';
import { extensionUrl } from '../../shared/extension-url';
import { t } from '../../shared/i18n';
import { getAuthoring, setAuthoring, watchAuthoring } from '../../shared/settings';

export function AuthoringSection() {
  const [enabled, setEnabled] = useState<boolean | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    void getAuthoring().then(({ enabled }) => setEnabled(enabled));
    return watchAuthoring(({ enabled }) => setEnabled(enabled));
  }, []);
  if (enabled === null) return <p class="muted">{t('panelLoading')}</p>;
  return (
    <div class="field">
      <label class="choice" for="authoring-on">
        <input
          id="authoring-on"
          type="checkbox"
          checked={enabled}
          data-testid="authoring-on"
          onChange={(e) => {
            const on = (e.target as HTMLInputElement).checked;
            setAuthoring(on).then(
              () => setFailed(false),
              () => setFailed(true),
            );
          }}
        />
        <span>{t('authoringSwitch')}</span>
      </label>
      <p class="small muted">{t('authoringHelp')}</p>
      <p>
        <a href={extensionUrl('/editor.html')} target="_blank" rel="noopener" data-testid="open-editor">
          {t('authoringOpenEditor')}
        </a>
      </p>
      {failed && (
        <p role="alert" class="small error">
          {t('saveFailed')}
        </p>
      )}
    </div>
  );
}

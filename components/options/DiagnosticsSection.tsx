/** "Copy troubleshooting info": shown first, copied only when the reader asks; nothing is sent. */
import { useEffect, useState } from 'preact/hooks';
import { clearErrorLog, errorLogItem } from '../../shared/error-log';
import { t } from '../../shared/i18n';
import { watchPacks } from '../../shared/packs';
import { sitesItem } from '../../shared/settings';
import { syncFallbackItem } from '../../shared/synced-item';
import { gatherDiagnostics, troubleshootingText } from './diagnostics';

export function DiagnosticsSection() {
  const [text, setText] = useState<string | null>(null);
  const [status, setStatus] = useState<{ text: string; kind: 'ok' | 'error' } | null>(null);

  // Gathered afresh whenever something it reports changes, so the preview is what gets copied.
  useEffect(() => {
    let live = true;
    const gather = () =>
      void gatherDiagnostics().then(
        (d) => live && setText(troubleshootingText(d)),
        () => undefined,
      );
    gather();
    const offs = [
      errorLogItem.watch(gather),
      sitesItem.watch(gather),
      syncFallbackItem.watch(gather),
      watchPacks(gather),
    ];
    return () => {
      live = false;
      offs.forEach((off) => off());
    };
  }, []);

  if (text === null) return <p class="muted">{t('panelLoading')}</p>;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus({ text: t('diagCopied'), kind: 'ok' });
    } catch {
      setStatus({ text: t('diagCopyFailed'), kind: 'error' });
    }
  };

  const clear = async () => {
    try {
      await clearErrorLog();
      setStatus({ text: t('diagCleared'), kind: 'ok' });
    } catch {
      setStatus({ text: t('saveFailed'), kind: 'error' });
    }
  };

  return (
    <div class="field">
      <label for="diagnostics-text">{t('diagPreviewLabel')}</label>
      <textarea
        id="diagnostics-text"
        data-testid="diagnostics-text"
        rows={10}
        readOnly
        spellcheck={false}
        value={text}
      />
      <div class="row">
        <button type="button" class="primary" onClick={copy}>
          {t('diagCopy')}
        </button>
        <button type="button" onClick={clear}>
          {t('diagClear')}
        </button>
      </div>
      <p role="status" class={status?.kind === 'error' ? 'error' : 'ok'} data-testid="diagnostics-status">
        {status?.text ?? ''}
      </p>
    </div>
  );
}

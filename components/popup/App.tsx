/**
 * The toolbar popup: this site's switch, the mention count, pause, the sidebar, the options.
 * The switch writes the site list; the open tab's content script follows it live.
 */
import { useEffect, useState } from 'preact/hooks';
import { extensionUrl } from '../../shared/extension-url';
import { browser } from 'wxt/browser';
import { t } from '../../shared/i18n';
import { setSiteOn, takeWhatsNew, type WhatsNew } from '../../shared/settings';
import { startSidebarOpen } from '../../shared/sidebar';
import type { TargetTab } from '../tab-target';
import { useTargetPage } from '../use-target-page';
import { isFirefox, plural } from '../panel/common';
import { PauseControls, usePause } from '../pause';

/** Straight from the click: nothing may be awaited before the browser is asked. */
export const openSidebarFromClick = (target: TargetTab | null): Promise<void> =>
  startSidebarOpen({ tabId: target?.tabId ?? undefined, windowId: target?.windowId ?? undefined }, 'window');

export function PopupApp() {
  const { target, page, setPage } = useTargetPage();
  const [busy, setBusy] = useState(false);
  const [hint, setHint] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [whatsNew, setWhatsNew] = useState<WhatsNew | null>(null);
  const pause = usePause();

  // Taking it marks it seen: the note shows in this popup and not in the next one.
  useEffect(() => {
    takeWhatsNew().then(setWhatsNew, () => undefined);
  }, []);

  const ready = page.status === 'ready' ? page : null;
  const site = ready?.site ?? null;
  const on = ready?.reply.enabled ?? false;
  const count = ready?.reply.mentions.length ?? 0;

  const toggle = async () => {
    if (!site) return;
    setBusy(true);
    setError(null);
    try {
      await setSiteOn(site, !on);
      // Shown at once; the page's own report (a broadcast) follows and confirms the count.
      setPage((prev) =>
        prev.status === 'ready'
          ? { ...prev, reply: { ...prev.reply, enabled: !on, mentions: on ? [] : prev.reply.mentions } }
          : prev,
      );
    } catch {
      setError(t('popupSaveFailed'));
    } finally {
      setBusy(false);
    }
  };

  const openSidebar = () => {
    setHint(null);
    openSidebarFromClick(target).then(
      () => {
        if (!target?.pinned) window.close();
      },
      () => setHint(isFirefox() ? t('popupSidebarHintFirefox') : t('sidebarHint')),
    );
  };

  const openOptions = (e: Event) => {
    e.preventDefault();
    void browser.runtime.openOptionsPage().then(() => {
      if (!target?.pinned) window.close();
    });
  };

  return (
    <main class="popup">
      <header>
        <h1>{t('extName')}</h1>
      </header>

      {whatsNew && (
        <section class="whats-new" aria-labelledby="whats-new-title" data-testid="whats-new">
          <h2 id="whats-new-title">{t('whatsNewTitle', whatsNew.version)}</h2>
          <p>{t('whatsNewBody')}</p>
        </section>
      )}

      {page.status === 'loading' && (
        <p role="status" class="muted">
          {t('panelReading')}
        </p>
      )}

      {page.status === 'unreachable' && (
        <p class="notice" data-state="unreachable">
          {page.webPage ? t('popupUnreachableWeb') : t('popupUnreachable')}
        </p>
      )}

      {ready && site === null && (
        <p class="notice" data-state="unreachable">
          {t('popupUnreachable')}
        </p>
      )}

      {ready && site !== null && (
        <>
          <button
            type="button"
            role="switch"
            class="switch"
            aria-checked={on ? 'true' : 'false'}
            disabled={busy}
            onClick={toggle}
          >
            <span class="track" aria-hidden="true" />
            <span class="label">{on ? t('popupOnFor', site) : t('popupOffFor', site)}</span>
          </button>
          <p role="status" data-testid="count">
            {!on
              ? t('popupOffExplain')
              : pause
                ? t('popupPausedExplain')
                : count > 0
                  ? plural('popupMentions', count)
                  : t('popupNoMentions')}
          </p>
        </>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}

      <PauseControls pause={pause} />

      <div class="actions">
        <button type="button" class="primary" onClick={openSidebar}>
          {t('popupOpenSidebar')}
        </button>
        {hint && (
          <p class="small muted" role="status">
            {hint}
          </p>
        )}
      </div>

      <footer>
        <a href={extensionUrl('/options.html')} onClick={openOptions}>
          {t('openOptions')}
        </a>
      </footer>
    </main>
  );
}

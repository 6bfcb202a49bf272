/**
 * The welcome page, opened once on install: what Gloss does, and a live paragraph to try the
 * card, the sidebar and the site switch on. In the browser's UI language, like every Gloss page.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../shared/i18n';
import { startSidebarOpen } from '../../shared/sidebar';
import { isFirefox } from '../panel/common';
import { startExample, type Example } from './example';

interface OwnTab {
  tabId?: number;
  windowId?: number;
}

export function WelcomeApp() {
  const [on, setOn] = useState(true);
  const onRef = useRef(on);
  const example = useRef<Example | null>(null);
  const [tab, setTab] = useState<OwnTab>({});
  const [hint, setHint] = useState<string | null>(null);

  useEffect(() => {
    example.current = startExample(() => onRef.current);
    void browser.tabs.getCurrent().then((own) => setTab({ tabId: own?.id, windowId: own?.windowId }));
    return () => example.current?.stop();
  }, []);

  const toggle = () => {
    onRef.current = !onRef.current;
    setOn(onRef.current);
    example.current?.refresh();
  };

  const openSidebar = () => {
    setHint(null);
    // Straight from the click: the browser opens a sidebar only while the gesture is fresh.
    startSidebarOpen(tab, 'tab').catch(() => setHint(isFirefox() ? t('popupSidebarHintFirefox') : t('sidebarHint')));
  };

  const openOptions = (e: Event) => {
    e.preventDefault();
    void browser.runtime.openOptionsPage();
  };

  return (
    <main class="welcome">
      <header>
        <img src="/icon/96.png" width={48} height={48} alt="" />
        <h1>{t('welcomeTitle')}</h1>
      </header>
      <p class="lead">{t('welcomeIntro')}</p>

      <section aria-labelledby="try">
        <h2 id="try">{t('welcomeTryHeading')}</h2>
        <blockquote class="example" data-testid="example">
          <p>{t('welcomeExample')}</p>
        </blockquote>
        <ol class="steps">
          <li>{t('welcomeStepCard')}</li>
          <li>
            {t('welcomeStepSidebar')}{' '}
            <button type="button" class="primary" onClick={openSidebar}>
              {t('welcomeOpenSidebar')}
            </button>
            {hint && (
              <span class="small muted" role="status">
                {' '}
                {hint}
              </span>
            )}
          </li>
          <li>
            {t('welcomeStepSwitch')}{' '}
            <button type="button" role="switch" class="switch" aria-checked={on ? 'true' : 'false'} onClick={toggle}>
              <span class="track" aria-hidden="true" />
              <span class="label">{on ? t('welcomeSwitchOn') : t('welcomeSwitchOff')}</span>
            </button>
          </li>
        </ol>
      </section>

      <p>{t('welcomeOpenTabs')}</p>
      <p>{t('welcomePrivacy')}</p>
      <p>
        {t('welcomeOptionsHint')}{' '}
        <a href="/options.html" onClick={openOptions}>
          {t('openOptions')}
        </a>
      </p>
    </main>
  );
}

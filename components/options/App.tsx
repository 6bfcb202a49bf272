/**
 * The options page: where Gloss runs, how it reads, which packs, what was switched off, keys,
 * where the settings live (sync, export, import) and the troubleshooting info.
 */
import { t } from '../../shared/i18n';
import { DiagnosticsSection } from './DiagnosticsSection';
import { AuthoringSection } from './AuthoringSection';
import { PacksSection } from './PacksSection';
import { ReadingSection } from './ReadingSection';
import { RejectedSection } from './RejectedSection';
import { ShortcutsSection } from './ShortcutsSection';
import { SitesSection } from './SitesSection';
import { SyncSection } from './SyncSection';

function Section({
  id,
  title,
  intro,
  children,
}: {
  id: string;
  title: string;
  intro?: string;
  children: preact.ComponentChildren;
}) {
  return (
    <section aria-labelledby={`${id}-title`} id={id}>
      <h2 id={`${id}-title`}>{title}</h2>
      {intro && <p class="muted">{intro}</p>}
      {children}
    </section>
  );
}

export function OptionsApp() {
  return (
    <main class="options">
      <header>
        <h1>{t('optionsTitle')}</h1>
        <p class="muted">{t('extDescription')}</p>
      </header>
      <Section id="sites" title={t('sitesTitle')} intro={t('sitesIntro')}>
        <SitesSection />
      </Section>
      <Section id="reading" title={t('readingTitle')}>
        <ReadingSection />
      </Section>
      <Section id="packs" title={t('packsTitle')} intro={t('packsIntro')}>
        <PacksSection />
      </Section>
      <Section id="authoring" title={t('authoringTitle')} intro={t('authoringIntro')}>
        <AuthoringSection />
      </Section>
      <Section id="rejected" title={t('rejectedTitle')} intro={t('rejectedIntro')}>
        <RejectedSection />
      </Section>
      <Section id="shortcuts" title={t('shortcutsTitle')}>
        <ShortcutsSection />
      </Section>
      <Section id="sync" title={t('syncTitle')}>
        <SyncSection />
      </Section>
      <Section id="diagnostics" title={t('diagTitle')} intro={t('diagIntro')}>
        <DiagnosticsSection />
      </Section>
    </main>
  );
}

/** The options page: where Gloss runs, how it reads, which packs, what was switched off, keys. */
import { t } from '../../shared/i18n';
import { AuthoringSection } from './AuthoringSection';
import { PacksSection } from './PacksSection';
import { ReadingSection } from './ReadingSection';
import { RejectedSection } from './RejectedSection';
import { ShortcutsSection } from './ShortcutsSection';
import { SitesSection } from './SitesSection';

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
    </main>
  );
}

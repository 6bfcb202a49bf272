/** @jsxRuntime classic */
/** @jsx h */
// Classic JSX: `h` is already in the card view for rendering, the automatic runtime would
// add preact/jsx-runtime on top of it.
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- the classic JSX pragma above calls it
import { h } from 'preact';
import { factsOn, today, type FactsOn } from '../../data/dated-facts';
import type { Entity, Source } from '../../data/schema';
import { t } from '../../shared/i18n';
import { formatDate, kindLabel, languageName, sourceLine } from '../../shared/format';

/** The card stays a glance: more than this many facts or changes are left to the sidebar. */
const CARD_ITEMS = 3;

export interface HoverCardProps {
  entity: Entity;
  sources: ReadonlyMap<string, Source>;
  /** What matched on the page, for "why this matched". */
  alias: string;
  lang: string;
  /** The page's publication date (YYYY-MM-DD), or null when it gives none: facts are then as of today. */
  pageDate: string | null;
  /** Set when the browser refused to open the sidebar: how to open it instead. */
  sidebarHint: string | null;
  onOpenSidebar: () => void;
  onReject: () => void;
  onClose: () => void;
}

/** The card's view only: the controller owns placement, timing and lifetime. Text only, no HTML. */
export function HoverCard(props: HoverCardProps) {
  const { entity, sources, alias, lang, sidebarHint, pageDate } = props;
  const point = entity.analysis[0];
  const dated = factsOn(entity, pageDate ?? today());
  const titleId = `gloss-card-title-${entity.id}`;
  return (
    <div
      class="card"
      // Our UI's language and direction, never the page's: an RTL page must not mirror the card.
      lang={t('@@ui_locale').replace('_', '-')}
      dir={t('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr'}
      role="dialog"
      aria-labelledby={titleId}
      tabIndex={-1}
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onClose();
      }}
    >
      <header>
        <h2 id={titleId}>{entity.name}</h2>
        <span class={`kind kind-${entity.kind}`}>{kindLabel(entity.kind)}</span>
      </header>
      <p class="summary">{entity.summary}</p>
      {point && (
        <section class="analysis" aria-label={t('cardAnalysis')}>
          <p class="point">{point.point}</p>
          <blockquote>
            <p>“{point.quote}”</p>
            <footer>— {sourceLine(sources.get(point.source), point.paragraph)}</footer>
          </blockquote>
        </section>
      )}
      <DatedFacts dated={dated} pageDated={pageDate !== null} />
      <p class="why">{t('cardWhyMatched', [alias, languageName(lang)])}</p>
      <div class="actions">
        <button type="button" class="primary" onClick={props.onOpenSidebar}>
          {t('cardOpenSidebar')}
        </button>
        <button type="button" class="quiet" onClick={props.onReject}>
          {t('cardReject')}
        </button>
      </div>
      {sidebarHint && (
        <p class="hint" role="status">
          {sidebarHint}
        </p>
      )}
    </div>
  );
}

/** The changeable facts as they stood on the page's date, and what changed after it. */
function DatedFacts({ dated, pageDated }: { dated: FactsOn; pageDated: boolean }) {
  if (!dated.changeable.length && !dated.since.length) return null;
  const more = dated.since.length - CARD_ITEMS;
  return (
    <section class="dated" aria-label={t('cardFacts')} data-testid="card-facts">
      <p class="as-of" data-testid="card-as-of">
        {pageDated ? t('cardFactsOnPageDate', formatDate(dated.day, true)) : t('cardFactsToday')}
      </p>
      {dated.changeable.length > 0 && (
        <ul class="facts" data-testid="card-current">
          {dated.changeable.slice(0, CARD_ITEMS).map((fact, i) => (
            <li key={i}>
              <span class="label">{fact.label}</span>: {fact.value}
            </li>
          ))}
        </ul>
      )}
      {dated.since.length > 0 && (
        <div>
          <p class="since-title">{t('cardSinceThen')}</p>
          <ul class="since" data-testid="card-since">
            {dated.since.slice(0, CARD_ITEMS).map((change, i) => (
              <li key={i}>
                <time dateTime={change.date}>{formatDate(change.date)}</time> {change.text}
              </li>
            ))}
            {more > 0 && <li class="more">{t('cardSinceMore', String(more))}</li>}
          </ul>
        </div>
      )}
    </section>
  );
}

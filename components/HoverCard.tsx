/** @jsxRuntime classic */
/** @jsx h */
// Classic JSX: `h` is already in the card view for rendering, the automatic runtime would
// add preact/jsx-runtime on top of it.
import { h } from 'preact';
import type { Entity, Source } from '../data/schema';
import { t } from '../utils/i18n';
import { kindLabel, languageName, sourceLine } from './format';

export interface HoverCardProps {
  entity: Entity;
  sources: ReadonlyMap<string, Source>;
  /** What matched on the page, for "why this matched". */
  alias: string;
  lang: string;
  /** Set when the browser refused to open the sidebar: how to open it instead. */
  sidebarHint: string | null;
  onOpenSidebar: () => void;
  onReject: () => void;
  onClose: () => void;
}

/** The card's view only: the controller owns placement, timing and lifetime. Text only, no HTML. */
export function HoverCard(props: HoverCardProps) {
  const { entity, sources, alias, lang, sidebarHint } = props;
  const point = entity.analysis[0];
  const titleId = `gloss-card-title-${entity.id}`;
  return (
    <div
      class="card"
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

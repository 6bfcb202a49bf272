/** One entity in full: every claim with where it comes from. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { factsOn, today } from '../../data/dated-facts';
import { groupOf } from '../../data/groups';
import { t } from '../../shared/i18n';
import type { JumpReply } from '../../core/messages';
import { rejectAlias, restoreAlias } from '../../shared/settings';
import { askTab } from '../../shared/tab-messages';
import { formatDate, kindLabel } from '../../shared/format';
import { formatSpan, plural } from './common';
import { asOf, dayOf, type Catalog, type CatalogEntry, type PageEntity } from './model';
import { FactLine, Reference, SourceCitation, SourceNotes } from './parts';

export interface PageContext {
  tabId: number;
  /** The page's site (host name or `file://`), for "not this entity here". */
  site: string | null;
  published: string | null;
  enabled: boolean;
}

export interface EntityViewProps {
  entry: CatalogEntry;
  catalog: Catalog;
  /** The entity's mentions on the page, when the page could be read. */
  onPage: PageEntity | undefined;
  /** Counts of every entity on the page, for the related list. */
  pageCounts: ReadonlyMap<string, PageEntity>;
  page: PageContext | null;
  onOpen: (id: string) => void;
  onBack: () => void;
  /** Move focus to the heading when shown (not on the first render of a freshly opened panel). */
  autoFocus: boolean;
}

export function EntityView(props: EntityViewProps) {
  const { entry, catalog, onPage, page, pageCounts } = props;
  const { entity, sources, pack } = entry;
  const heading = useRef<HTMLHeadingElement>(null);
  const [position, setPosition] = useState<JumpReply | null>(null);
  const [jumpMessage, setJumpMessage] = useState<string | null>(null);
  const [rejected, setRejected] = useState<{ alias: string; site: string } | null>(null);

  useEffect(() => {
    if (props.autoFocus) heading.current?.focus();
  }, [entity.id]);

  const dates = asOf(entry, page?.published ?? null);
  const dated = factsOn(entity, dayOf(dates.pageDate) ?? today());
  const count = onPage?.count ?? 0;

  const jump = async () => {
    if (!page) return;
    const index = position && position.count === count ? position.index + 1 : 0;
    try {
      const reply = await askTab(page.tabId, {
        type: 'gloss:jump-to-mention',
        entityId: entity.id,
        index,
      });
      if (reply && reply.count > 0) {
        setPosition(reply);
        setJumpMessage(null);
      } else {
        setPosition(null);
        setJumpMessage(t('panelJumpNone'));
      }
    } catch {
      setPosition(null);
      setJumpMessage(t('panelJumpFailed'));
    }
  };

  const [saveFailed, setSaveFailed] = useState(false);

  const reject = async (alias: string) => {
    if (!page?.site) return;
    try {
      await rejectAlias({ site: page.site, entityId: entity.id, alias });
      setSaveFailed(false);
      setRejected({ alias, site: page.site });
      setPosition(null);
    } catch {
      setSaveFailed(true);
    }
  };

  const undo = async () => {
    if (!rejected) return;
    try {
      await restoreAlias({ site: rejected.site, entityId: entity.id, alias: rejected.alias });
      setSaveFailed(false);
      setRejected(null);
    } catch {
      setSaveFailed(true);
    }
  };

  return (
    <article class="entity" aria-labelledby="entity-title">
      <div class="back-bar">
        <button type="button" onClick={props.onBack}>
          <span aria-hidden="true">← </span>
          {t('panelBack')}
        </button>
      </div>

      <header class="entity-head">
        <h2 id="entity-title" tabIndex={-1} ref={heading}>
          {entity.name}
        </h2>
        <p class="small">
          <span class={`dot dot-${groupOf(entity.kind)}`} aria-hidden="true" />{' '}
          <span class="kind">{kindLabel(entity.kind)}</span>
          <span class="muted">
            {' · '}
            {t('panelFromPack', [pack.title, pack.version])}
          </span>
        </p>
        <p class="summary">{entity.summary}</p>
      </header>

      <section class="as-of" aria-labelledby="as-of-title">
        <h3 id="as-of-title">{t('panelAsOf')}</h3>
        <dl>
          <dt>{dates.fromPack ? t('panelPackDate') : t('panelAnalysisDate')}</dt>
          <dd>
            <time dateTime={dates.analysisDate}>{formatDate(dates.analysisDate)}</time>
          </dd>
          <dt>{t('panelPageDate')}</dt>
          <dd>
            {dates.pageDate ? (
              <time dateTime={dates.pageDate}>{formatDate(dates.pageDate)}</time>
            ) : (
              <span class="muted">{t('panelPageDateUnknown')}</span>
            )}
          </dd>
        </dl>
        {dates.gap && (
          <p class="notice warn" data-testid="date-gap">
            {dates.gap.analysisOlder
              ? t('panelGapAnalysisOlder', formatSpan(dates.gap.months))
              : t('panelGapPageOlder', formatSpan(dates.gap.months))}
          </p>
        )}
      </section>

      <section aria-labelledby="here-title">
        <h3 id="here-title">{t('panelHere')}</h3>
        {!page ? (
          <p class="muted">{t('panelHereUnavailable')}</p>
        ) : !page.enabled ? (
          <p class="muted">{t('panelHereOff')}</p>
        ) : count === 0 ? (
          <p class="muted">{t('panelNotOnPage')}</p>
        ) : (
          <>
            <div class="jump">
              <button type="button" class="primary" onClick={jump}>
                {t('panelJump')}
              </button>
              <span role="status" class="muted" data-testid="jump-status">
                {position
                  ? t('panelJumpPosition', [String(position.index + 1), String(position.count)])
                  : (jumpMessage ?? plural('panelMentions', count))}
              </span>
            </div>
            {page.site && onPage && onPage.aliases.length > 0 && (
              <div class="field">
                <p class="small muted" id="reject-help">
                  {t('panelRejectHelp', [entity.name, page.site])}
                </p>
                <ul class="reject-list" aria-describedby="reject-help">
                  {onPage.aliases.map((alias) => (
                    <li key={alias}>
                      <button type="button" onClick={() => reject(alias)}>
                        {t('panelRejectAlias', alias)}
                      </button>
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </>
        )}
        {saveFailed && (
          <p class="notice error small" role="alert" data-testid="reject-failed">
            {t('saveFailed')}
          </p>
        )}
        {rejected && (
          <p class="notice small" role="status">
            {t('panelRejected', [rejected.alias, entity.name, rejected.site])}{' '}
            <button type="button" class="link" onClick={undo}>
              {t('panelUndo')}
            </button>
          </p>
        )}
      </section>

      {entity.analysis.length > 0 && (
        <section aria-labelledby="analysis-title">
          <h3 id="analysis-title">{t('cardAnalysis')}</h3>
          {entry.imported && <p class="notice small">{t('panelQuotesUnverified')}</p>}
          <SourceNotes sources={entity.analysis.map((point) => sources.get(point.source))} />
          <ul class="claims">
            {entity.analysis.map((point, i) => (
              <li key={i}>
                <p>{point.point}</p>
                <blockquote>
                  <p>“{point.quote}”</p>
                </blockquote>
                <p class="cite">
                  {t('panelSourceLabel')}{' '}
                  <SourceCitation source={sources.get(point.source)} paragraph={point.paragraph} id={point.source} />
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}

      {dated.current.length > 0 && (
        <section aria-labelledby="facts-title">
          <h3 id="facts-title">
            {dates.pageDate ? t('panelFactsOn', formatDate(dated.day, true)) : t('panelFactsToday')}
          </h3>
          <ul class="facts" data-testid="facts-current">
            {dated.current.map((fact, i) => (
              <li key={i}>
                <FactLine fact={fact} />
                <p>
                  <Reference reference={fact.ref} sourceId={fact.source} sources={sources} />
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}

      {dated.since.length > 0 && (
        <section aria-labelledby="since-title">
          <h3 id="since-title">{t('panelSinceThen')}</h3>
          <p class="small muted">{t('panelSinceHelp', formatDate(dated.day, true))}</p>
          <ul class="facts since" data-testid="facts-since">
            {dated.since.map((change, i) => (
              <li key={i}>
                <p>
                  <time dateTime={change.date}>{formatDate(change.date)}</time> {change.text}
                </p>
                <p>
                  <Reference reference={change.item.ref} sourceId={change.item.source} sources={sources} />
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}

      {entity.timeline.length > 0 && (
        <section aria-labelledby="timeline-title">
          <h3 id="timeline-title">{t('panelTimeline')}</h3>
          <ol class="timeline">
            {entity.timeline.map((item, i) => (
              <li key={i}>
                <time dateTime={item.date}>{formatDate(item.date)}</time>
                <p>{item.label}</p>
                <p>
                  <Reference reference={item.ref} sourceId={item.source} sources={sources} />
                </p>
              </li>
            ))}
          </ol>
        </section>
      )}

      {entity.related.length > 0 && (
        <section aria-labelledby="related-title">
          <h3 id="related-title">{t('panelRelated')}</h3>
          <ul class="related">
            {entity.related.map((rel) => {
              const other = catalog.get(rel.id);
              const here = pageCounts.get(rel.id)?.count ?? 0;
              return (
                <li key={rel.id}>
                  <span class="muted">{rel.relation}</span>
                  {other ? (
                    <button type="button" class="link" data-entity={rel.id} onClick={() => props.onOpen(rel.id)}>
                      {other.entity.name}
                    </button>
                  ) : (
                    <span>{rel.id}</span>
                  )}
                  <span class="small muted">
                    {here > 0 ? plural('panelMentionsHere', here) : t('panelRelatedNotHere')}
                  </span>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </article>
  );
}

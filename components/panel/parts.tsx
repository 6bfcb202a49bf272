/** Small view pieces shared by the side panel's views. Text only: pack strings are never HTML. */
import { groupOf } from '../../data/groups';
import type { Source } from '../../data/schema';
import { t } from '../../utils/i18n';
import { formatDate, kindLabel } from '../format';
import { hostOf, plural, safeHref } from './common';
import type { CatalogEntry } from './model';

/** A link out of the extension: http(s) only, no referrer, a new tab. */
export function ExternalLink({ href, children }: { href: string; children: preact.ComponentChildren }) {
  const safe = safeHref(href);
  if (!safe) return <>{children}</>;
  return (
    <a href={safe} target="_blank" rel="noreferrer noopener">
      {children}
    </a>
  );
}

/** "Title, 8 Jan 2022 · para. 4", the title linked where the source has a URL. */
export function SourceCitation({ source, paragraph, id }: { source: Source | undefined; paragraph?: number; id?: string }) {
  if (!source) return <span>{t('panelUnknownSource', id ?? '')}</span>;
  return (
    <span>
      {source.url ? <ExternalLink href={source.url}>{source.title}</ExternalLink> : source.title}
      {', '}
      <time dateTime={source.date}>{formatDate(source.date)}</time>
      {paragraph ? ` · ${t('paragraphN', String(paragraph))}` : ''}
    </span>
  );
}

/** Where a fact or timeline entry comes from: its reference URL and/or its pack source. */
export function Reference({ refUrl, sourceId, sources }: { refUrl?: string; sourceId?: string; sources: ReadonlyMap<string, Source> }) {
  const parts: preact.ComponentChildren[] = [];
  if (refUrl) {
    parts.push(
      <ExternalLink key="ref" href={refUrl}>
        {hostOf(refUrl)}
      </ExternalLink>,
    );
  }
  if (sourceId) parts.push(<SourceCitation key="src" source={sources.get(sourceId)} id={sourceId} />);
  if (!parts.length) return null;
  return (
    <span class="cite">
      {t('panelSourceLabel')} {parts.length === 2 ? [parts[0], '; ', parts[1]] : parts}
    </span>
  );
}

export function EntityRow({ entry, count, onOpen }: { entry: CatalogEntry; count?: number; onOpen: (id: string) => void }) {
  const { entity } = entry;
  return (
    <li>
      <button type="button" class="entity-row" data-entity={entity.id} onClick={() => onOpen(entity.id)}>
        <span class={`dot dot-${groupOf(entity.kind)}`} aria-hidden="true" />
        <span class="name">{entity.name}</span>
        <span class="kind">{kindLabel(entity.kind)}</span>
        {count !== undefined && count > 0 && (
          <span class="count">
            <span aria-hidden="true">{count}</span>
            <span class="sr-only">{plural('panelMentions', count)}</span>
          </span>
        )}
      </button>
    </li>
  );
}

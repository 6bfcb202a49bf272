/** Small view pieces shared by the side panel's views. Text only: pack strings are never HTML. */
import { groupOf } from '../../data/groups';
import type { Fact, Reference as ReferenceData, Source } from '../../data/schema';
import { t } from '../../shared/i18n';
import { attribution, formatDate, kindLabel } from '../../shared/format';
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

/** "Commentary, 8 January 2022 (translated from German) · para. 4", linked where the source has a URL. */
export function SourceCitation({
  source,
  paragraph,
  id,
}: {
  source: Source | undefined;
  paragraph?: number;
  id?: string;
}) {
  if (!source) return <span>{t('panelUnknownSource', id ?? '')}</span>;
  const name = attribution(source);
  return (
    <span data-testid="source-attribution">
      {source.url ? <ExternalLink href={source.url}>{name}</ExternalLink> : name}
      {paragraph ? ` · ${t('paragraphN', String(paragraph))}` : ''}
    </span>
  );
}

/** What is known about the quoted sources (author unknown, a translation, …), once per source. */
export function SourceNotes({ sources }: { sources: readonly (Source | undefined)[] }) {
  const notes = [...new Set(sources)].filter((s): s is Source & { provenance: string } => !!s?.provenance);
  if (!notes.length) return null;
  return (
    <details class="small source-notes">
      <summary>{t('panelAboutSource')}</summary>
      {notes.map((source) => (
        <p key={source.id}>
          <strong>{attribution(source)}</strong>: {source.provenance}
        </p>
      ))}
    </details>
  );
}

/** "Members: … (since Mar 2024)": a fact with its date or the period it held. */
export function FactLine({ fact }: { fact: Fact }) {
  const { held } = fact;
  const when = held
    ? held.from && held.until
      ? t('factPeriod', [formatDate(held.from), formatDate(held.until)])
      : held.from
        ? t('factSince', formatDate(held.from))
        : t('factUntil', formatDate(held.until!))
    : fact.date && formatDate(fact.date);
  return (
    <p>
      <span class="label">{fact.label}</span>
      {': '}
      {fact.value}
      {when && <span class="muted"> ({when})</span>}
    </p>
  );
}

/**
 * A page's title in quotes; a title the pack could not record is a description in brackets
 * ("[report from Vienna, …]") and is shown as one, never dressed up as a headline.
 */
const titleOf = (reference: ReferenceData) =>
  /^\[.*\]$/.test(reference.title) ? reference.title : `“${reference.title}”`;

/**
 * Where a fact or timeline entry comes from: "Source: NATO, “Title”, 12 Jan 2022" linked to the
 * original (and its archived copy), and/or its pack source. A bare URL (imported packs) shows its host.
 */
export function Reference({
  reference,
  sourceId,
  sources,
}: {
  reference?: string | ReferenceData;
  sourceId?: string;
  sources: ReadonlyMap<string, Source>;
}) {
  const parts: preact.ComponentChildren[] = [];
  if (typeof reference === 'string') {
    parts.push(
      <ExternalLink key="ref" href={reference}>
        {hostOf(reference)}
      </ExternalLink>,
    );
  } else if (reference) {
    parts.push(
      <span key="ref">
        {reference.publisher}, <ExternalLink href={reference.url}>{titleOf(reference)}</ExternalLink>
        {reference.date && (
          <>
            {', '}
            <time dateTime={reference.date}>{formatDate(reference.date)}</time>
          </>
        )}
        {reference.archive && (
          <>
            {' ('}
            <ExternalLink href={reference.archive}>{t('refArchive')}</ExternalLink>
            {')'}
          </>
        )}
      </span>,
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

export function EntityRow({
  entry,
  count,
  onOpen,
}: {
  entry: CatalogEntry;
  count?: number;
  onOpen: (id: string) => void;
}) {
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

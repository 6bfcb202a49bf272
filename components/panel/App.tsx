/**
 * The side panel: what the active tab mentions, grouped, and any entity in full. Follows the
 * reader across tabs, navigations and page changes; `?tabId=N` pins one tab.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { EntityGroup } from '../../data/groups';
import { focusItem } from '../../shared/focus';
import { t, type MessageKey } from '../../shared/i18n';
import { lookupFor, lookupItem } from '../../shared/lookup';
import { packLibrary } from '../../shared/packs';
import { prefsItem, sanitizePrefs, setSiteOn, TEXT_SCALE } from '../../shared/settings';
import type { PageState } from '../tab-target';
import { asIs, useStoredItem } from '../use-stored-item';
import { useTargetPage } from '../use-target-page';
import { PauseNotice, usePause } from '../pause';
import { browser } from 'wxt/browser';
import { plural } from './common';
import { EntityView, type PageContext } from './EntityView';
import {
  buildCatalog,
  GROUPS,
  groupPageEntities,
  pageEntities,
  searchCatalog,
  type Catalog,
  type PageEntity,
} from './model';
import { EntityRow } from './parts';

const GROUP_TITLE: Record<EntityGroup, MessageKey> = {
  actor: 'panelGroupActors',
  event: 'panelGroupEvents',
  concept: 'panelGroupConcepts',
};

/** How recent a sidebar focus must be to open its entity when the panel starts. */
const FOCUS_FRESH_MS = 60_000;

export function PanelApp() {
  const { target, page } = useTargetPage();
  const pause = usePause();
  const [stack, setStack] = useState<string[]>([]);
  const [query, setQuery] = useState('');
  const [switching, setSwitching] = useState(false);
  const interacted = useRef(false);
  const returnTo = useRef<string | null>(null);
  const appliedFocus = useRef(0);
  const appliedLookup = useRef(0);
  const searchBox = useRef<HTMLInputElement>(null);

  // The packs: enabled ones, rebuilt when the reader imports, removes or switches one.
  const library = useStoredItem(packLibrary, asIs);
  const catalog = useMemo(
    () =>
      library
        ? buildCatalog(
            library.all.filter((p) => !library.disabled.includes(p.id)),
            new Set(library.imported.map((p) => p.id)),
          )
        : null,
    [library],
  );
  const focus = useStoredItem(focusItem, asIs);
  const prefs = useStoredItem(prefsItem, sanitizePrefs);

  const open = (id: string, fromReader = true) => {
    if (fromReader) interacted.current = true;
    setStack((s) => (s[s.length - 1] === id ? s : [...s, id]));
  };

  // "Open in sidebar" from a card or the keyboard: show that entity (a stale request from before
  // the panel opened is not acted on).
  useEffect(() => {
    const tabId = target?.tabId;
    if (tabId === null || tabId === undefined || !focus || focus.tabId !== tabId || !focus.entityId) return;
    if (focus.at <= appliedFocus.current || Date.now() - focus.at > FOCUS_FRESH_MS) return;
    appliedFocus.current = focus.at;
    setQuery('');
    open(focus.entityId, false);
  }, [target?.tabId, focus]);

  // "Look up … in Gloss" (context menu, shortcut): the search for that text (as for the focus,
  // a stale request from before the panel opened is not acted on).
  const lookup = useStoredItem(lookupItem, asIs);
  useEffect(() => {
    const tabId = target?.tabId;
    if (tabId === null || tabId === undefined || !lookup) return;
    if (!lookupFor(lookup, tabId, appliedLookup.current, FOCUS_FRESH_MS)) return;
    appliedLookup.current = lookup.at;
    setStack([]);
    setQuery(lookup.query);
  }, [target?.tabId, lookup]);

  const ready = page.status === 'ready' ? page : null;
  const counts = useMemo(
    () => (catalog && ready ? pageEntities(ready.reply.mentions, catalog) : new Map<string, PageEntity>()),
    [catalog, ready],
  );

  const currentId = stack[stack.length - 1];
  const current = currentId ? catalog?.get(currentId) : undefined;

  // Back to the list: focus returns to the row the reader came from.
  useEffect(() => {
    if (current || !returnTo.current) return;
    const id = returnTo.current;
    returnTo.current = null;
    const row = document.querySelector<HTMLElement>(`.entity-row[data-entity="${CSS.escape(id)}"]`);
    (row ?? searchBox.current)?.focus();
  }, [current]);

  const back = () => {
    interacted.current = true;
    if (stack.length === 1) returnTo.current = stack[0];
    setStack((s) => s.slice(0, -1));
  };

  const pageContext: PageContext | null =
    ready && target?.tabId != null
      ? { tabId: target.tabId, site: ready.site, published: ready.reply.published, enabled: ready.reply.enabled }
      : null;

  const switchOn = async () => {
    if (!ready?.site) return;
    setSwitching(true);
    try {
      await setSiteOn(ready.site, true);
    } finally {
      setSwitching(false);
    }
  };

  let body: preact.ComponentChildren;
  if (!catalog) {
    body = <p role="status">{t('panelLoading')}</p>;
  } else if (current) {
    body = (
      <EntityView
        key={current.entity.id}
        entry={current}
        catalog={catalog}
        onPage={counts.get(current.entity.id)}
        pageCounts={counts}
        page={pageContext}
        onOpen={(id) => open(id)}
        onBack={back}
        autoFocus={interacted.current}
      />
    );
  } else if (query.trim()) {
    const results = searchCatalog(query, catalog);
    body = (
      <section aria-labelledby="results-title">
        <h2 id="results-title">{t('panelSearchResults')}</h2>
        <p class="muted small" role="status">
          {results.length ? plural('panelResults', results.length) : t('panelNoResults', query.trim())}
        </p>
        {results.length > 0 && (
          <ul class="entity-list">
            {results.map((entry) => (
              <EntityRow key={entry.entity.id} entry={entry} count={counts.get(entry.entity.id)?.count} onOpen={open} />
            ))}
          </ul>
        )}
      </section>
    );
  } else {
    body = (
      <PageView
        page={page}
        catalog={catalog}
        counts={counts}
        onOpen={open}
        onSwitchOn={switchOn}
        switching={switching}
        tabId={target?.tabId ?? null}
      />
    );
  }

  return (
    <div
      class="panel"
      data-text-size={prefs?.textSize ?? 'normal'}
      style={{ '--text-scale': String(TEXT_SCALE[prefs?.textSize ?? 'normal']) }}
    >
      <header>
        <div class="brand">
          <h1>{t('extName')}</h1>
          {ready?.site && <span class="muted small">{ready.site}</span>}
        </div>
        <div class="search" role="search">
          <label for="panel-search" class="sr-only">
            {t('panelSearchLabel')}
          </label>
          <input
            id="panel-search"
            ref={searchBox}
            type="search"
            placeholder={t('panelSearchPlaceholder')}
            autocomplete="off"
            spellcheck={false}
            value={query}
            onInput={(e) => {
              setQuery((e.target as HTMLInputElement).value);
              setStack([]);
            }}
          />
        </div>
      </header>
      <main
        onKeyDown={(e) => {
          const el = e.target as HTMLElement;
          if (e.key === 'Escape' && current && !el.matches('input, textarea')) back();
        }}
      >
        {pause && <PauseNotice pause={pause} />}
        {body}
      </main>
    </div>
  );
}

interface PageViewProps {
  page: PageState;
  catalog: Catalog;
  counts: Map<string, PageEntity>;
  onOpen: (id: string) => void;
  onSwitchOn: () => void;
  switching: boolean;
  tabId: number | null;
}

function PageView({ page, catalog, counts, onOpen, onSwitchOn, switching, tabId }: PageViewProps) {
  if (page.status === 'loading') {
    return (
      <section aria-labelledby="page-title">
        <h2 id="page-title">{t('panelOnThisPage')}</h2>
        <p role="status" class="muted">
          {t('panelReading')}
        </p>
      </section>
    );
  }
  if (page.status === 'unreachable') {
    return (
      <section aria-labelledby="page-title" class="empty" data-state="unreachable">
        <h2 id="page-title">{t('panelOnThisPage')}</h2>
        {page.webPage ? (
          <>
            <p>{t('panelUnreachableWeb')}</p>
            {tabId !== null && (
              <button type="button" onClick={() => void browser.tabs.reload(tabId)}>
                {t('panelReloadPage')}
              </button>
            )}
          </>
        ) : (
          <p>{t('panelUnreachable')}</p>
        )}
        <p class="muted">{t('panelSearchStillWorks')}</p>
      </section>
    );
  }
  const { reply, site } = page;
  if (!reply.enabled) {
    return (
      <section aria-labelledby="page-title" class="empty" data-state="off">
        <h2 id="page-title">{t('panelOnThisPage')}</h2>
        <p>{site ? t('panelSiteOff', site) : t('panelPageOff')}</p>
        {site && (
          <button type="button" class="primary" onClick={onSwitchOn} disabled={switching}>
            {t('panelSwitchOn', site)}
          </button>
        )}
      </section>
    );
  }
  if (catalog.size === 0) {
    return (
      <section aria-labelledby="page-title" class="empty" data-state="no-packs">
        <h2 id="page-title">{t('panelOnThisPage')}</h2>
        <p>{t('panelNoPacks')}</p>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openOptions')}
        </button>
      </section>
    );
  }
  if (counts.size === 0) {
    return (
      <section aria-labelledby="page-title" class="empty" data-state="none">
        <h2 id="page-title">{t('panelOnThisPage')}</h2>
        <p>{t('panelNoMentions')}</p>
        <p class="muted">{plural('panelKnownEntities', catalog.size)}</p>
      </section>
    );
  }
  const groups = groupPageEntities(counts.values());
  const total = [...counts.values()].reduce((n, item) => n + item.count, 0);
  return (
    <section aria-labelledby="page-title" data-state="mentions">
      <h2 id="page-title">{t('panelOnThisPage')}</h2>
      <p class="muted small">
        {plural('panelEntities', counts.size)} · {plural('panelMentions', total)}
      </p>
      {GROUPS.filter((g) => groups[g].length > 0).map((group) => (
        <section key={group} aria-labelledby={`group-${group}`} data-group={group}>
          <h3 id={`group-${group}`}>
            {t(GROUP_TITLE[group])} <span class="sr-only">({groups[group].length})</span>
          </h3>
          <ul class="entity-list">
            {groups[group].map((item) => (
              <EntityRow key={item.entry.entity.id} entry={item.entry} count={item.count} onOpen={onOpen} />
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}

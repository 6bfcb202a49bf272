/** "Not this entity here": every alias the reader switched off on a site, each restorable. */
import { useEffect, useState } from 'preact/hooks';
import type { Entity } from '../../data/schema';
import type { RejectedAlias } from '../../core/pack-aliases';
import { t } from '../../shared/i18n';
import { getAllPacks, watchPacks } from '../../shared/packs';
import { getRejected, restoreAlias, watchRejected } from '../../shared/settings';

export function RejectedSection() {
  const [list, setList] = useState<RejectedAlias[] | null>(null);
  const [names, setNames] = useState<Map<string, Entity>>(new Map());
  const [status, setStatus] = useState('');

  useEffect(() => {
    const loadNames = () =>
      void getAllPacks().then((packs) =>
        setNames(new Map(packs.flatMap((p) => p.entities.map((e) => [e.id, e] as const)))),
      );
    loadNames();
    void getRejected().then(setList);
    const offs = [watchRejected(setList), watchPacks(loadNames)];
    return () => offs.forEach((off) => off());
  }, []);

  if (!list) return <p class="muted">{t('panelLoading')}</p>;
  const sorted = [...list].sort((a, b) => a.site.localeCompare(b.site) || a.alias.localeCompare(b.alias));
  return (
    <div class="field">
      {!list.length && (
        <p class="muted" data-testid="rejected-empty">
          {t('rejectedEmpty')}
        </p>
      )}
      <ul class="rejected-list" data-testid="rejected-list" hidden={!list.length}>
        {sorted.map((entry) => {
          const name = names.get(entry.entityId)?.name ?? entry.entityId;
          const text = t('rejectedItem', [entry.alias, name, entry.site]);
          return (
            <li key={`${entry.site}\u0000${entry.entityId}\u0000${entry.alias}`}>
              <span>{text}</span>
              <button
                type="button"
                onClick={async () => {
                  try {
                    await restoreAlias(entry);
                    setStatus(t('rejectedRestored', [entry.alias, entry.site]));
                  } catch {
                    setStatus(t('saveFailed'));
                  }
                }}
              >
                {t('rejectedRestore')}
                <span class="sr-only">: {text}</span>
              </button>
            </li>
          );
        })}
      </ul>
      <p role="status" class="small ok">
        {status}
      </p>
    </div>
  );
}

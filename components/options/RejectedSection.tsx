/** "Not this entity here": every alias the reader switched off on a site, each restorable. */
import { useMemo, useState } from 'preact/hooks';
import type { Entity } from '../../data/schema';
import { t } from '../../shared/i18n';
import { packLibrary } from '../../shared/packs';
import { rejectedItem, restoreAlias, sanitizeRejected } from '../../shared/settings';
import { asIs, useStoredItem } from '../use-stored-item';

export function RejectedSection() {
  const list = useStoredItem(rejectedItem, sanitizeRejected);
  const library = useStoredItem(packLibrary, asIs);
  const names = useMemo(
    () => new Map<string, Entity>((library?.all ?? []).flatMap((p) => p.entities.map((e) => [e.id, e] as const))),
    [library],
  );
  const [status, setStatus] = useState('');

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

/** Context packs: switch each on or off, import one from a JSON file, remove an imported one. */
import { useState } from 'preact/hooks';
import { checkReferences } from '../../data/references';
import type { Pack } from '../../data/schema';
import { t, type MessageKey } from '../../shared/i18n';
import {
  importPackText,
  isBundledPack,
  MAX_PACK_BYTES,
  removeImportedPack,
  packLibrary,
  setPackEnabled,
  type PackImportFailure,
} from '../../shared/packs';
import { formatDate } from '../../shared/format';
import { plural } from '../panel/common';
import { asIs, useStoredItem } from '../use-stored-item';
import { FileButton } from './controls';
import { readFileText } from './files';

const FAILURE_KEYS: Record<PackImportFailure, MessageKey> = {
  'too-large': 'packErrorTooLarge',
  invalid: 'packErrorInvalid',
  checker: 'packErrorChecker',
  'bundled-id': 'packErrorBundledId',
  'entity-clash': 'packErrorClash',
};

/** Long error lists are cut here, with a count of the rest. */
const SHOWN_ERRORS = 40;

interface Failure {
  file: string;
  title: string;
  errors: string[];
}

export function PacksSection() {
  const library = useStoredItem(packLibrary, asIs);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [status, setStatus] = useState<string>('');
  /** A save that failed is said as an error, not as a quiet status line. */
  const [statusError, setStatusError] = useState(false);
  const say = (text: string, error = false) => {
    setStatus(text);
    setStatusError(error);
  };
  /** Runs a change to the stored packs; a failure is shown and nothing else claims success. */
  const saving = async (change: () => Promise<void>) => {
    try {
      await change();
    } catch {
      say(t('saveFailed'), true);
    }
  };
  const [removed, setRemoved] = useState<Pack | null>(null);

  if (!library) return <p class="muted">{t('panelLoading')}</p>;
  const { all: packs, disabled } = library;
  const imported = new Set(library.imported.map((p) => p.id));

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    say('');
    setRemoved(null);
    const text = await readFileText(file, MAX_PACK_BYTES);
    if (text === null) {
      setFailure({
        file: file.name,
        title: t('packErrorTooLarge', String(Math.round(MAX_PACK_BYTES / 1_000_000))),
        errors: [],
      });
      return;
    }
    let result: Awaited<ReturnType<typeof importPackText>>;
    try {
      result = await importPackText(text);
    } catch {
      setFailure({ file: file.name, title: t('saveFailed'), errors: [] });
      return;
    }
    if (!result.ok) {
      const title =
        result.reason === 'bundled-id'
          ? t('packErrorBundledId', result.errors[0] ?? '')
          : result.reason === 'too-large'
            ? t('packErrorTooLarge', String(Math.round(MAX_PACK_BYTES / 1_000_000)))
            : t(FAILURE_KEYS[result.reason]);
      const errors = result.reason === 'bundled-id' || result.reason === 'too-large' ? [] : result.errors;
      setFailure({ file: file.name, title, errors });
      return;
    }
    setFailure(null);
    const { pack, replaces } = result;
    say(
      replaces
        ? t('packReplaced', [pack.title, replaces.version, pack.version])
        : t('packImported', [pack.title, plural('packEntities', pack.entities.length)]),
    );
  };

  const remove = (pack: Pack) =>
    saving(async () => {
      await removeImportedPack(pack.id);
      setRemoved(pack);
      say(t('packRemoved', pack.title));
    });

  const undoRemove = () =>
    saving(async () => {
      if (!removed) return;
      const result = await importPackText(JSON.stringify(removed));
      // The pack may no longer pass (another pack took its entity ids meanwhile): say why.
      if (!result.ok) {
        setFailure({ file: removed.title, title: t(FAILURE_KEYS[result.reason]), errors: result.errors });
        return;
      }
      say(t('packRestored', removed.title));
      setRemoved(null);
    });

  const toggle = (pack: Pack, enabled: boolean) =>
    saving(async () => {
      await setPackEnabled(pack.id, enabled);
      say(t(enabled ? 'packEnabled' : 'packDisabled', pack.title));
    });

  return (
    <div class="field">
      <ul class="pack-list" data-testid="pack-list">
        {packs.map((pack) => {
          const on = !disabled.includes(pack.id);
          const mine = imported.has(pack.id) && !isBundledPack(pack.id);
          const checkId = `pack-on-${pack.id}`;
          return (
            <li key={pack.id} data-pack={pack.id}>
              <div class="pack-info">
                <strong>{pack.title}</strong>
                <span class="small muted">
                  {t('packMeta', [
                    pack.version,
                    formatDate(pack.updated),
                    plural('packEntities', pack.entities.length),
                    plural('packSources', pack.sources.length),
                  ])}
                </span>
                <span class="small muted">{mine ? t('packImportedNote') : t('packBundledNote')}</span>
                {mine && <PolicyWarnings pack={pack} />}
              </div>
              <div class="row">
                <label class="choice" for={checkId}>
                  <input
                    id={checkId}
                    type="checkbox"
                    checked={on}
                    onChange={(e) => void toggle(pack, (e.target as HTMLInputElement).checked)}
                  />
                  <span>
                    {t('packUse')}
                    <span class="sr-only"> {pack.title}</span>
                  </span>
                </label>
                {mine && (
                  <button type="button" onClick={() => void remove(pack)}>
                    {t('packRemove')}
                    <span class="sr-only"> {pack.title}</span>
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>

      <div class="row">
        <FileButton label={t('packImport')} accept=".json,application/json" testId="pack-file" onFile={importFile} />
      </div>
      <p class="small muted">{t('packImportHelp')}</p>

      {failure && (
        <div class="notice error" role="alert" data-testid="pack-errors">
          <p>
            <strong>{t('packImportFailed', failure.file)}</strong> {failure.title}
          </p>
          {failure.errors.length > 0 && (
            <ul class="errors">
              {failure.errors.slice(0, SHOWN_ERRORS).map((error, i) => (
                <li key={i}>{error}</li>
              ))}
              {failure.errors.length > SHOWN_ERRORS && (
                <li>{t('packMoreErrors', String(failure.errors.length - SHOWN_ERRORS))}</li>
              )}
            </ul>
          )}
          <p class="small">{t('packNothingChanged')}</p>
        </div>
      )}
      <p role="status" class={statusError ? 'small error' : 'small'} data-testid="packs-status">
        {status}
        {removed && (
          <>
            {' '}
            <button type="button" class="link" onClick={() => void undoRemove()}>
              {t('panelUndo')}
            </button>
          </>
        )}
      </p>
    </div>
  );
}

/** An imported pack's references outside the reference policy: the pack works, the reader is told. */
function PolicyWarnings({ pack }: { pack: Pack }) {
  const warnings = checkReferences(pack);
  if (!warnings.length) return null;
  return (
    <details class="notice warn small" data-testid="pack-warnings">
      <summary>{plural('packPolicyWarnings', warnings.length)}</summary>
      <ul class="errors">
        {warnings.slice(0, SHOWN_ERRORS).map((warning, i) => (
          <li key={i}>{warning}</li>
        ))}
        {warnings.length > SHOWN_ERRORS && <li>{t('packMoreErrors', String(warnings.length - SHOWN_ERRORS))}</li>}
      </ul>
    </details>
  );
}

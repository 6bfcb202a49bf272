/** Where Gloss runs: the mode and one site list per mode, saved together and only when valid. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import { sanitizeSites, setSites, sitesItem, type SiteSettings } from '../../shared/settings';
import { useStoredItem } from '../use-stored-item';
import { readSiteLines, type SiteMode } from '../../core/site-rules';
import { siteListErrors } from './site-errors';
import { Choices, FileButton } from './controls';
import { downloadText, readFileText } from './files';

const MODES: readonly SiteMode[] = ['except', 'only'];
const other = (mode: SiteMode): SiteMode => (mode === 'except' ? 'only' : 'except');

interface Draft {
  mode: SiteMode;
  text: Record<SiteMode, string>;
}

const draftOf = (s: SiteSettings): Draft => ({
  mode: s.mode,
  text: { [s.mode]: s.sites.join('\n'), [other(s.mode)]: s.otherSites.join('\n') } as Record<SiteMode, string>,
});

const sameList = (text: string, list: readonly string[]) => {
  const parsed = readSiteLines(text);
  return parsed.problems.length === 0 && parsed.sites.join('\n') === list.join('\n');
};

const isDirty = (draft: Draft, saved: SiteSettings) =>
  draft.mode !== saved.mode ||
  !sameList(draft.text[saved.mode], saved.sites) ||
  !sameList(draft.text[other(saved.mode)], saved.otherSites);

export function SitesSection() {
  const saved = useStoredItem(sitesItem, sanitizeSites);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [status, setStatus] = useState<{ text: string; kind: 'ok' | 'error' | 'info' } | null>(null);
  const shown = useRef<SiteSettings | undefined>(undefined);

  // The stored lists show up here when they load or change elsewhere (the popup switch), unless
  // the reader is mid-edit.
  useEffect(() => {
    if (!saved) return;
    const before = shown.current;
    shown.current = saved;
    setDraft((d) => (!d || !before || !isDirty(d, before) ? draftOf(saved) : d));
  }, [saved]);

  if (!saved || !draft) return <p class="muted">{t('panelLoading')}</p>;

  const text = draft.text[draft.mode];
  const update = (next: Draft) => {
    setDraft(next);
    setErrors(siteListErrors(next.text[next.mode]));
    setStatus(null);
  };

  const save = async (e: Event) => {
    e.preventDefault();
    const current = siteListErrors(draft.text[draft.mode]);
    const hidden = siteListErrors(draft.text[other(draft.mode)]);
    setErrors(current);
    if (current.length || hidden.length) {
      setStatus({ text: t('sitesNotSaved', String(current.length + hidden.length)), kind: 'error' });
      return;
    }
    const sites = readSiteLines(draft.text[draft.mode]).sites;
    const otherSites = readSiteLines(draft.text[other(draft.mode)]).sites;
    try {
      await setSites({ mode: draft.mode, sites, otherSites });
      setDraft({
        mode: draft.mode,
        text: { [draft.mode]: sites.join('\n'), [other(draft.mode)]: otherSites.join('\n') } as Record<
          SiteMode,
          string
        >,
      });
      setStatus({ text: t('sitesSaved'), kind: 'ok' });
    } catch {
      setStatus({ text: t('saveFailed'), kind: 'error' });
    }
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const content = await readFileText(file, 1_000_000);
    if (content === null) {
      setStatus({ text: t('sitesImportUnreadable', file.name), kind: 'error' });
      return;
    }
    const lines = content
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    const joined = [text.trim(), ...lines].filter(Boolean).join('\n');
    update({ ...draft, text: { ...draft.text, [draft.mode]: joined } });
    setStatus({ text: t('sitesImported', [String(lines.length), file.name]), kind: 'info' });
  };

  const exportList = () => {
    const list = draft.mode === saved.mode ? saved.sites : saved.otherSites;
    downloadText(`gloss-sites-${draft.mode}.txt`, list.length ? `${list.join('\n')}\n` : '');
    setStatus({ text: t('sitesExported', String(list.length)), kind: 'info' });
  };

  const dirty = isDirty(draft, saved);

  return (
    <form onSubmit={save} class="field" aria-labelledby="sites-title" noValidate>
      <Choices
        legend={t('sitesModeLegend')}
        name="mode"
        options={MODES}
        value={draft.mode}
        label={(mode) => t(mode === 'except' ? 'sitesModeExcept' : 'sitesModeOnly')}
        onChange={(mode) => update({ ...draft, mode })}
      />

      <div class="field">
        <label for="site-list">{t(draft.mode === 'except' ? 'sitesListExcept' : 'sitesListOnly')}</label>
        <p id="site-list-help" class="small muted">
          {t('sitesListHelp')}
        </p>
        <textarea
          id="site-list"
          rows={8}
          spellcheck={false}
          autocomplete="off"
          aria-describedby={errors.length ? 'site-list-help site-list-errors' : 'site-list-help'}
          aria-invalid={errors.length ? 'true' : 'false'}
          value={text}
          onInput={(e) =>
            update({ ...draft, text: { ...draft.text, [draft.mode]: (e.target as HTMLTextAreaElement).value } })
          }
        />
        {errors.length > 0 && (
          <ul id="site-list-errors" class="errors" data-testid="site-errors">
            {errors.map((error) => (
              <li key={error}>{error}</li>
            ))}
          </ul>
        )}
        <p class="small muted">{t('sitesPerMode')}</p>
      </div>

      <div class="row">
        <button type="submit" class="primary">
          {t('sitesSave')}
        </button>
        <FileButton label={t('sitesImport')} accept=".txt,text/plain" testId="sites-file" onFile={importFile} />
        <button type="button" onClick={exportList}>
          {t('sitesExport')}
        </button>
        {dirty && !status && <span class="small muted">{t('sitesUnsaved')}</span>}
      </div>
      <p
        role="status"
        class={status?.kind === 'error' ? 'error' : status?.kind === 'ok' ? 'ok' : ''}
        data-testid="sites-status"
      >
        {status?.text ?? ''}
      </p>
    </form>
  );
}

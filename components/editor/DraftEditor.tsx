/**
 * One draft: the quote waiting to be added, the pack's fields and sources, its entities, what the
 * checker says, a live card, and undo, export, use on pages. Saved as it is edited (use-draft.ts).
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { QuoteCapture } from '../../core/messages';
import type { Entity, Pack, Source } from '../../data/schema';
import { clearPendingQuote, type Draft } from '../../shared/drafts';
import { t } from '../../shared/i18n';
import { importPackText } from '../../shared/packs';
import { plural } from '../panel/common';
import { downloadText } from '../options/files';
import { CardPreview } from './CardPreview';
import { addQuote, checkDraft, draftFileText, emptyEntity, type EntityInput } from './draft-model';
import { EntityForm } from './EntityForm';
import { Messages } from './fields';
import { PackForm } from './PackForm';
import { QuoteForm } from './QuoteForm';
import { useDraft } from './use-draft';

const aliasText = (entity: EntityInput) => {
  const first = entity.aliases.en?.[0] ?? Object.values(entity.aliases)[0]?.[0];
  return typeof first === 'string' ? first : (first?.text ?? entity.name);
};

export function DraftEditor(props: {
  initial: Draft;
  installed: Pack[];
  quote: QuoteCapture | null;
  onQuoteDone: () => void;
  onDelete: (id: string) => void;
}) {
  const editing = useDraft(props.initial);
  const { draft, edit } = editing;
  const [previewId, setPreviewId] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string; errors: string[] } | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const messages = useMemo(() => checkDraft(draft, props.installed), [draft, props.installed]);
  const entities = draft.pack.entities;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const inField = (event.target as Element | null)?.closest?.('input, textarea, select');
      if ((event.ctrlKey || event.metaKey) && event.key === 'z' && !event.shiftKey && !inField) {
        event.preventDefault();
        editing.undo();
      }
    };
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [editing.undo]);

  const entityMessages = (entity: EntityInput, i: number) =>
    messages.filter((m) => (entity.id && m.includes(`entity "${entity.id}"`)) || m.startsWith(`entities[${i}]`));
  const sourceMessages = (id: string) => {
    const i = draft.pack.sources.findIndex((s) => s.id === id);
    return messages.filter((m) => m.includes(`source "${id}"`) || m.startsWith(`sources[${i}]`));
  };
  const packMessages = messages.filter((m) => !/entity "|entities\[|source "|sources\[/.test(m));

  const addTheQuote: Parameters<typeof QuoteForm>[0]['onAdd'] = (target, point) => {
    if (!props.quote) return null;
    const result = addQuote(draft, props.quote, target, point, t('editorDefaultLicense', props.quote.publisher));
    if (!result.ok) return result.error;
    editing.replace(result.draft);
    setPreviewId(result.entityId);
    void clearPendingQuote().then(props.onQuoteDone);
    return null;
  };

  const preview = entities.find((e) => e.id === previewId) ?? entities[entities.length - 1];
  const exportFile = () => downloadText(`${draft.pack.id || 'pack'}.gloss-pack.json`, draftFileText(draft));
  const useOnPages = async () => {
    await editing.flush();
    try {
      const result = await importPackText(draftFileText(draft));
      setOutcome(
        result.ok
          ? { ok: true, text: t('editorInUse', draft.pack.title), errors: result.warnings }
          : { ok: false, text: t('editorNotInUse'), errors: result.errors },
      );
    } catch {
      setOutcome({ ok: false, text: t('saveFailed'), errors: [] });
    }
  };

  return (
    <div class="draft">
      <div class="toolbar row" role="toolbar" aria-label={t('editorActions')}>
        <button type="button" onClick={editing.undo} disabled={!editing.canUndo} data-testid="undo">
          {t('panelUndo')}
        </button>
        <button type="button" onClick={exportFile} data-testid="export">
          {t('editorExport')}
        </button>
        <button type="button" class="primary" onClick={() => void useOnPages()} data-testid="use-on-pages">
          {t('editorUseOnPages')}
        </button>
        {confirmDelete ? (
          <button type="button" onClick={() => props.onDelete(draft.id)} data-testid="delete-confirm">
            {t('editorDeleteConfirm')}
          </button>
        ) : (
          <button type="button" onClick={() => setConfirmDelete(true)}>
            {t('editorDelete')}
          </button>
        )}
        <SaveStatus editing={editing} />
      </div>
      {outcome && (
        <div
          class={outcome.ok ? 'notice' : 'notice error'}
          role={outcome.ok ? 'status' : 'alert'}
          data-testid="use-outcome"
        >
          <p>{outcome.text}</p>
          <Messages messages={outcome.errors} />
        </div>
      )}
      {props.quote && (
        <QuoteForm
          capture={props.quote}
          entities={entities}
          onAdd={addTheQuote}
          onDiscard={() => void clearPendingQuote().then(props.onQuoteDone)}
        />
      )}
      <section class="checker" aria-labelledby="checker-title">
        <h2 id="checker-title">{t('editorChecker')}</h2>
        <p role="status" data-testid="checker-status" class={messages.length ? 'small error' : 'small ok'}>
          {messages.length ? plural('editorProblems', messages.length) : t('editorNoProblems')}
        </p>
      </section>
      <PackForm
        pack={draft.pack}
        texts={draft.texts}
        messages={packMessages}
        sourceMessages={sourceMessages}
        onChange={edit}
      />
      <h2>{t('editorEntities')}</h2>
      {entities.map((entity, i) => (
        <EntityForm
          key={i}
          entity={entity}
          index={i}
          others={entities.filter((_, j) => j !== i)}
          sources={draft.pack.sources}
          messages={entityMessages(entity, i)}
          onChange={(key, change) => edit(key, (pack) => change(pack.entities[i]!))}
          onRemove={() => edit('entities', (pack) => pack.entities.splice(i, 1))}
        />
      ))}
      <button type="button" onClick={() => edit('entities', (pack) => pack.entities.push(emptyEntity()))}>
        {t('editorAddEntity')}
      </button>
      {preview && (
        <section class="preview" aria-labelledby="preview-title">
          <h2 id="preview-title">{t('editorPreview')}</h2>
          <CardPreview
            entity={{ analysis: [], facts: [], timeline: [], related: [], ...preview } as Entity}
            sources={draft.pack.sources as Source[]}
            alias={aliasText(preview)}
          />
        </section>
      )}
    </div>
  );
}

function SaveStatus({ editing }: { editing: ReturnType<typeof useDraft> }) {
  const state = editing.save;
  if (state.kind === 'saved' || state.kind === 'pending')
    return (
      <span role="status" class="small muted" data-testid="save-status">
        {state.kind === 'saved' ? t('editorSaved') : t('editorSaving')}
      </span>
    );
  return (
    <span role="alert" class="small error" data-testid="save-status">
      {state.reason === 'quota' ? t('editorQuotaFull') : t('editorSaveFailed', state.message)}{' '}
      <button type="button" class="link" onClick={() => void editing.flush()}>
        {t('editorRetry')}
      </button>
    </span>
  );
}

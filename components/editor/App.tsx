/** The pack editor: the drafts, one open at a time, a new one, or one from a pack file. */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isToEditor, type QuoteCapture } from '../../core/messages';
import { today } from '../../data/dated-facts';
import type { Pack } from '../../data/schema';
import { deleteDraft, getDrafts, getPendingQuote, saveDraft, watchDrafts, type Draft } from '../../shared/drafts';
import { t } from '../../shared/i18n';
import { getAllPacks, MAX_PACK_BYTES } from '../../shared/packs';
import { FileButton } from '../options/controls';
import { readFileText } from '../options/files';
import { DraftEditor } from './DraftEditor';
import { draftFromFile, newDraft } from './draft-model';
import { Messages } from './fields';

const draftId = () => `draft-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

export function EditorApp() {
  const [drafts, setDrafts] = useState<Draft[] | null>(null);
  const [current, setCurrent] = useState<string | null>(null);
  const [installed, setInstalled] = useState<Pack[]>([]);
  const [quote, setQuote] = useState<QuoteCapture | null>(null);
  const [problem, setProblem] = useState<{ title: string; errors: string[] } | null>(null);

  const load = async () => setDrafts(await getDrafts());

  useEffect(() => {
    void (async () => {
      const [list, packs, pending] = await Promise.all([getDrafts(), getAllPacks(), getPendingQuote()]);
      setInstalled(packs);
      setQuote(pending);
      let open = list[list.length - 1]?.id ?? null;
      if (pending && !open) {
        const draft = newDraft(draftId(), today());
        await saveDraft(draft);
        list.push(draft);
        open = draft.id;
      }
      setDrafts(list);
      setCurrent(open);
    })();
    const offDrafts = watchDrafts(() => void load());
    // A quote that arrives while the editor is open (the background asks it to show it).
    const onMessage = (message: unknown, sender: { id?: string }) => {
      if (sender.id !== browser.runtime.id || !isToEditor(message)) return undefined;
      return (async () => {
        setQuote(await getPendingQuote());
        const tab = await browser.tabs.getCurrent();
        if (tab?.id !== undefined) await browser.tabs.update(tab.id, { active: true });
        if (tab?.windowId !== undefined)
          await browser.windows?.update(tab.windowId, { focused: true }).catch(() => undefined);
        return { shown: true };
      })();
    };
    browser.runtime.onMessage.addListener(onMessage);
    return () => {
      offDrafts();
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, []);

  if (!drafts) return <p class="muted">{t('panelLoading')}</p>;

  const create = async (draft: Draft) => {
    const saved = await saveDraft(draft);
    if (!saved.ok) {
      setProblem({
        title: saved.reason === 'quota' ? t('editorQuotaFull') : t('editorSaveFailed', saved.message),
        errors: [],
      });
      return;
    }
    setProblem(null);
    await load();
    setCurrent(draft.id);
  };

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const text = await readFileText(file, MAX_PACK_BYTES);
    if (text === null) {
      setProblem({ title: t('packErrorTooLarge', String(Math.round(MAX_PACK_BYTES / 1_000_000))), errors: [] });
      return;
    }
    const result = draftFromFile(text, draftId());
    if (!result.ok) {
      setProblem({ title: t('editorImportFailed', file.name), errors: result.errors });
      return;
    }
    await create(result.draft);
  };

  const open = drafts.find((d) => d.id === current) ?? null;
  return (
    <main class="editor">
      <header>
        <h1>{t('editorTitle')}</h1>
        <p class="muted">{t('editorIntro')}</p>
      </header>
      <nav aria-label={t('editorDrafts')} class="drafts row">
        {drafts.map((d) => (
          <button
            key={d.id}
            type="button"
            aria-current={d.id === current ? 'page' : undefined}
            onClick={() => setCurrent(d.id)}
          >
            {d.pack.title || d.pack.id}
          </button>
        ))}
        <button type="button" onClick={() => void create(newDraft(draftId(), today()))} data-testid="new-draft">
          {t('editorNewDraft')}
        </button>
        <FileButton label={t('editorImport')} accept=".json,application/json" testId="draft-file" onFile={importFile} />
      </nav>
      {problem && (
        <div class="notice error" role="alert" data-testid="editor-problem">
          <p>
            <strong>{problem.title}</strong>
          </p>
          <Messages messages={problem.errors} />
          <p class="small">{t('editorNothingLost')}</p>
        </div>
      )}
      {open ? (
        <DraftEditor
          key={open.id}
          initial={open}
          installed={installed}
          quote={quote}
          onQuoteDone={() => setQuote(null)}
          onDelete={(id) =>
            void deleteDraft(id).then(async () => {
              setCurrent(null);
              await load();
            })
          }
        />
      ) : (
        <p class="muted">{t('editorNoDraft')}</p>
      )}
    </main>
  );
}

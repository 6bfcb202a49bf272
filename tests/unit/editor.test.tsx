// @vitest-environment happy-dom
/**
 * The pack editor's page: autosave, a full store said plainly with nothing lost, undo, and a bad
 * pack file refused on import with the drafts unchanged.
 */
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { EditorApp } from '../../components/editor/App';
import { DraftEditor } from '../../components/editor/DraftEditor';
import { draftFileText, emptyEntity, newDraft } from '../../components/editor/draft-model';
import { draftsItem, getDrafts, saveDraft, type Draft } from '../../shared/drafts';

const wait = (ms: number) => act(async () => new Promise((r) => setTimeout(r, ms)));

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any component's element
async function mount(node: preact.VNode<any>): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  await act(async () => render(node, root));
  await wait(10);
  return root;
}

/** The editor of one draft, with no installed packs and no quote waiting. */
const mountEditor = (draft: Draft) =>
  mount(
    h(DraftEditor, {
      initial: draft,
      installed: [],
      quote: null,
      onQuoteDone: () => undefined,
      onDelete: () => undefined,
    }),
  );

const byTestId = (root: HTMLElement, id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`)!;

async function type(input: HTMLInputElement, value: string) {
  await act(async () => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

/** The control a label (its text, the i18n key here) is tied to. */
const fieldOf = (root: HTMLElement, label: string, nth = 0) =>
  document.getElementById([...root.querySelectorAll('label')].filter((l) => l.textContent === label)[nth]!.htmlFor)!;
/** A group of the form by its legend. */
const groupOf = (root: HTMLElement, legend: string) =>
  [...root.querySelectorAll('fieldset')].find((f) => f.querySelector('legend')?.textContent === legend)!;
const buttonOf = (root: HTMLElement, text: string) =>
  [...root.querySelectorAll('button')].find((b) => b.textContent === text)!;

describe('pack editor', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('adds, edits and removes an entity’s facts and timeline entries, each saved under its own fields', async () => {
    const draft = newDraft('d1', '2026-01-01', 1);
    draft.pack.entities.push({ ...emptyEntity(), id: 'csto', name: 'CSTO' });
    await saveDraft(draft, 1);
    const root = await mountEditor(draft);
    const click = (text: string) => act(async () => buttonOf(root, text).click());
    await click('editorAddFact');
    await click('editorAddFact');
    await type(fieldOf(root, 'editorFactLabel', 1) as HTMLInputElement, 'Members');
    await type(fieldOf(root, 'editorFactValue', 1) as HTMLInputElement, 'Six states');
    await click('editorAddTimeline');
    // The entry's own date, not its citation's (which has a date field of the same label).
    await type(fieldOf(groupOf(root, 'editorTimeline'), 'editorRefDate') as HTMLInputElement, '2022-01-06');
    await type(fieldOf(root, 'editorTimelineLabel') as HTMLInputElement, 'Troops sent');
    await wait(500);
    const [entity] = (await getDrafts())[0]!.pack.entities;
    const blank = { publisher: '', title: '', url: '' };
    expect(entity!.facts).toEqual([
      { label: '', value: '', ref: blank },
      { label: 'Members', value: 'Six states', ref: blank },
    ]);
    expect(entity!.timeline).toEqual([{ date: '2022-01-06', label: 'Troops sent', ref: blank }]);
    // The first fact's remove button: the second fact stays, with its text.
    await click('editorRemove');
    await wait(500);
    expect((await getDrafts())[0]!.pack.entities[0]!.facts).toEqual([
      { label: 'Members', value: 'Six states', ref: blank },
    ]);
  });

  it('autosaves; a full store is said, the edit stays on screen, the saved draft is kept; retry saves it', async () => {
    const draft = newDraft('d1', '2026-01-01', 1);
    await saveDraft(draft, 1);
    const root = await mountEditor(draft);
    const title = byTestId(root, 'pack-title') as HTMLInputElement;

    await type(title, 'Autosaved');
    await wait(500);
    expect((await getDrafts())[0]!.pack.title).toBe('Autosaved');
    expect(byTestId(root, 'save-status').textContent).toBe('editorSaved');

    const set = vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    await type(title, 'Too big to save');
    await wait(500);
    const status = byTestId(root, 'save-status');
    expect(status.getAttribute('role')).toBe('alert');
    expect(status.textContent).toContain('editorQuotaFull');
    expect(title.value).toBe('Too big to save');
    expect((await getDrafts())[0]!.pack.title).toBe('Autosaved');

    set.mockRestore();
    await act(async () => status.querySelector('button')!.click());
    await wait(20);
    expect((await getDrafts())[0]!.pack.title).toBe('Too big to save');
    expect(byTestId(root, 'save-status').textContent).toBe('editorSaved');
  });

  it('undo takes back the last change', async () => {
    const draft = newDraft('d1', '2026-01-01', 1);
    const root = await mountEditor(draft);
    const undo = byTestId(root, 'undo') as HTMLButtonElement;
    expect(undo.disabled).toBe(true);
    await type(byTestId(root, 'pack-id') as HTMLInputElement, 'renamed');
    await type(byTestId(root, 'pack-title') as HTMLInputElement, 'Renamed');
    await act(async () => undo.click());
    expect((byTestId(root, 'pack-title') as HTMLInputElement).value).toBe('My pack');
    expect((byTestId(root, 'pack-id') as HTMLInputElement).value).toBe('renamed');
    await act(async () => undo.click());
    expect((byTestId(root, 'pack-id') as HTMLInputElement).value).toBe('my-pack');
  });

  it('a truncated pack file is refused on import with a clear error; the drafts are unchanged', async () => {
    const draft = newDraft('d1', '2026-01-01', 1);
    await saveDraft(draft, 1);
    const before = await draftsItem.getValue();
    const root = await mount(h(EditorApp, {}));
    const text = draftFileText(draft);
    const input = byTestId(root, 'draft-file') as HTMLInputElement;
    const file = new File([text.slice(0, text.length - 40)], 'cut.gloss-pack.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    await act(async () => void input.dispatchEvent(new Event('change', { bubbles: true })));
    await wait(20);
    const problem = byTestId(root, 'editor-problem');
    expect(problem.getAttribute('role')).toBe('alert');
    expect(problem.textContent).toMatch(/not valid JSON: .*the file ends too early/);
    expect(await draftsItem.getValue()).toEqual(before);

    // The whole file opens as a second draft.
    Object.defineProperty(input, 'files', { value: [new File([text], 'ok.json')], configurable: true });
    await act(async () => void input.dispatchEvent(new Event('change', { bubbles: true })));
    await wait(20);
    expect((await getDrafts()).length).toBe(2);
  });
});

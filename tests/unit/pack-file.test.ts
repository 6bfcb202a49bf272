/**
 * Pack files (data/pack-file.ts): the pack editor's export with its source texts inside, as
 * `npm run packs:check -- <file>`, Options and the editor's own import read it. A bad or truncated
 * file gives a clear error and changes nothing stored.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { checkPackFileAt } from '../../data/check-files';
import { packFileText, parsePackFile } from '../../data/pack-file';
import type { PackInput } from '../../data/schema';
import { addQuote, checkDraft, draftFileText, draftFromFile, newDraft } from '../../components/editor/draft-model';
import { draftsItem, getDrafts, saveDraft } from '../../shared/drafts';
import { getImportedPacks, importedPacksItem, importPackText } from '../../shared/packs';
import type { QuoteCapture } from '../../core/messages';

const TEXT = 'A headline\n\nThe bloc’s “peacekeepers” — 2,000 of them — left within days.\n\nAnother paragraph.';

const capture = (exact: string): QuoteCapture => ({
  url: 'https://news.example/story',
  title: 'The bloc leaves',
  publisher: 'Example News',
  published: '2022-01-20',
  lang: 'en',
  text: TEXT,
  selector: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
});

const ENTITY = {
  id: 'example-bloc',
  kind: 'organization' as const,
  name: 'Example Bloc',
  summary: 'A military alliance of the example.',
  aliases: { en: ['Example Bloc'], de: [{ text: 'Beispielbund', inflect: 'de-es' }], ru: ['Блок-пример'] },
};

/** A draft made the way the editor makes it: a quote selected with straight quotes and single spaces. */
function curatedDraft() {
  const result = addQuote(
    newDraft('d1', '2026-01-01'),
    capture('The bloc\'s "peacekeepers" - 2,000 of them - left'),
    { entity: ENTITY },
    'The bloc presented the mission as brief.',
    'Quoted briefly with attribution.',
  );
  if (!result.ok) throw new Error(result.error);
  return result.draft;
}

describe('pack files', () => {
  beforeEach(() => fakeBrowser.reset());

  it('a curated draft exports a pack file the checker accepts, with the quote verbatim from the saved text', () => {
    const draft = curatedDraft();
    expect(checkDraft(draft, [])).toEqual([]);
    const point = draft.pack.entities[0]!.analysis![0]!;
    expect(point.quote).toBe('The bloc’s “peacekeepers” — 2,000 of them — left');
    expect(point.paragraph).toBe(2);
    expect(draft.selectors['example-bloc/0']?.exact).toContain('"peacekeepers"');

    const dir = mkdtempSync(join(tmpdir(), 'gloss-pack-file-'));
    const file = join(dir, 'my-pack.gloss-pack.json');
    writeFileSync(file, draftFileText(draft));
    expect(checkPackFileAt(file)).toEqual([]);
    // The command line the issue names, on the same file.
    const out = execFileSync('npx', ['tsx', resolve(import.meta.dirname, '../../scripts/check-packs.ts'), file], {
      encoding: 'utf8',
    });
    expect(out).toContain('packs:check: 1 pack(s) OK');
  });

  it('the checker proves quotes against the texts inside: an altered quote fails', () => {
    const draft = curatedDraft();
    const pack = structuredClone(draft.pack) as PackInput;
    pack.entities[0]!.analysis![0]!.quote = 'The bloc stayed for years';
    const parsed = parsePackFile(packFileText(pack, draft.texts));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const dir = mkdtempSync(join(tmpdir(), 'gloss-pack-file-'));
    writeFileSync(join(dir, 'x.json'), packFileText(pack, draft.texts));
    expect(checkPackFileAt(join(dir, 'x.json'))).toEqual([
      'x.json: my-pack: entity "example-bloc": analysis[0].quote: quote does not appear verbatim in the source',
    ]);
  });

  it('a truncated pack file: a clear error, and neither drafts nor imported packs change', async () => {
    const draft = curatedDraft();
    await saveDraft(draft);
    expect((await importPackText(draftFileText(draft))).ok).toBe(true);
    const before = { drafts: await draftsItem.getValue(), packs: await importedPacksItem.getValue() };
    const text = draftFileText(draft);
    const truncated = text.slice(0, Math.floor(text.length / 2));

    const editor = draftFromFile(truncated, 'd2');
    expect(editor.ok).toBe(false);
    if (!editor.ok) expect(editor.errors[0]).toMatch(/^\(pack\): not valid JSON: .*the file ends too early/);
    const options = await importPackText(truncated);
    expect(options.ok).toBe(false);
    if (!options.ok) expect(options.errors[0]).toMatch(/the file ends too early/);
    expect({ drafts: await draftsItem.getValue(), packs: await importedPacksItem.getValue() }).toEqual(before);
  });

  it('a damaged pack file names what is wrong: format, texts that are not text, the pack field', () => {
    const draft = curatedDraft();
    const json = JSON.parse(draftFileText(draft));
    json.format = 'something-else';
    json.sources['sources/example-news-2022-01-20.txt'] = 42;
    delete json.pack.entities[0].summary;
    const result = parsePackFile(JSON.stringify(json));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      '(file): format: must be "gloss-pack-file"',
      '(file): sources["sources/example-news-2022-01-20.txt"]: must be the source\'s text',
      'entity "example-bloc": summary: is required',
    ]);
  });

  it('imports a pack file in Options with its quotes checked, and opens it again as a draft', async () => {
    const draft = curatedDraft();
    const result = await importPackText(draftFileText(draft));
    expect(result.ok && result.quotesUnverified).toBe(false);
    expect((await getImportedPacks()).map((p) => p.id)).toEqual(['my-pack']);
    const again = draftFromFile(draftFileText(draft), 'd3');
    expect(again.ok).toBe(true);
    if (again.ok) {
      expect(again.draft.texts).toEqual(draft.texts);
      expect(checkDraft(again.draft, [])).toEqual([]);
    }
  });

  it('an unfinished draft exported as it was opens again in the editor, the checker saying what is left', () => {
    const unfinished = newDraft('d1', '2026-01-01');
    const again = draftFromFile(draftFileText(unfinished), 'd2');
    expect(again.ok).toBe(true);
    if (!again.ok) return;
    expect(again.draft.pack).toEqual(unfinished.pack);
    expect(checkDraft(again.draft, [])).toEqual([
      'sources: must list at least one source',
      'entities: must list at least one entity',
    ]);
    // Options never takes it: a pack in use must pass.
    expect(parsePackFile(draftFileText(unfinished)).ok).toBe(false);
  });

  it('a damaged draft in storage is kept as stored when another draft is saved', async () => {
    await draftsItem.setValue([{ id: 'broken', pack: 'not a pack' }, 'garbage']);
    expect(await getDrafts()).toEqual([]);
    expect((await saveDraft(curatedDraft(), 5)).ok).toBe(true);
    const raw = await draftsItem.getValue();
    expect(raw.slice(0, 2)).toEqual([{ id: 'broken', pack: 'not a pack' }, 'garbage']);
    expect((await getDrafts()).map((d) => d.id)).toEqual(['d1']);
  });
});

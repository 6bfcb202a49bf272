/** Draft packs in storage (shared/drafts.ts): saved whole or not at all, a full store said plainly. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { newDraft } from '../../components/editor/draft-model';
import {
  clearPendingQuote,
  deleteDraft,
  draftsItem,
  getDrafts,
  getPendingQuote,
  pendingQuoteItem,
  saveDraft,
} from '../../shared/drafts';

describe('drafts in storage', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('saves, replaces and deletes one draft without touching the others', async () => {
    const a = newDraft('a', '2026-01-01');
    const b = newDraft('b', '2026-01-01');
    await saveDraft(a, 1);
    await saveDraft(b, 2);
    await saveDraft({ ...a, pack: { ...a.pack, title: 'Renamed' } }, 3);
    expect((await getDrafts()).map((d) => [d.id, d.pack.title, d.savedAt])).toEqual([
      ['a', 'Renamed', 3],
      ['b', 'My pack', 2],
    ]);
    await deleteDraft('a');
    expect((await getDrafts()).map((d) => d.id)).toEqual(['b']);
  });

  it('overlapping saves and deletes all land: each reads the list the one before wrote', async () => {
    const drafts = ['a', 'b', 'c', 'd'].map((id) => newDraft(id, '2026-01-01'));
    await Promise.all([...drafts.map((d, i) => saveDraft(d, i)), deleteDraft('b')]);
    expect((await getDrafts()).map((d) => d.id)).toEqual(['a', 'c', 'd']);
  });

  it('a full store (QUOTA_BYTES) is reported as such and the last saved draft stays', async () => {
    const draft = newDraft('a', '2026-01-01');
    await saveDraft(draft, 1);
    const before = await draftsItem.getValue();
    // The store refuses the write as a browser does: the write fails and nothing of it is kept.
    const set = fakeBrowser.storage.local.set.bind(fakeBrowser.storage.local);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockImplementation(async (items) => {
      if (JSON.stringify(items).length > 1000) throw new Error('QUOTA_BYTES quota exceeded');
      return set(items);
    });
    const result = await saveDraft({ ...draft, texts: { 'sources/big.txt': 'x'.repeat(2000) } }, 2);
    expect(result).toEqual({ ok: false, reason: 'quota', message: 'QUOTA_BYTES quota exceeded' });
    expect(await draftsItem.getValue()).toEqual(before);
    // A later edit that fits is saved as usual.
    expect(await saveDraft({ ...draft, pack: { ...draft.pack, title: 'Small' } }, 3)).toEqual({ ok: true, savedAt: 3 });
    expect((await getDrafts())[0]!.pack.title).toBe('Small');
  });

  it('another failure is reported as a failed save, not as a full store', async () => {
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('IO error'));
    expect(await saveDraft(newDraft('a', '2026-01-01'))).toMatchObject({ ok: false, reason: 'failed' });
  });

  it('the pending quote stays until cleared, and a damaged one reads as none', async () => {
    const capture = {
      url: 'https://x.example/',
      title: 'T',
      publisher: 'X',
      published: null,
      lang: null,
      text: 'Some text.',
      selector: { type: 'TextQuoteSelector' as const, exact: 'Some', prefix: '', suffix: ' text.' },
    };
    await pendingQuoteItem.setValue(capture);
    expect(await getPendingQuote()).toEqual(capture);
    await clearPendingQuote();
    expect(await getPendingQuote()).toBeNull();
    await pendingQuoteItem.setValue({ url: 5 } as never);
    expect(await getPendingQuote()).toBeNull();
  });
});

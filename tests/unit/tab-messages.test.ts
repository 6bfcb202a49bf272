/** Messages to a page are typed request → reply: a caller gets the reply of the message it sends. */
import { beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { JumpReply, MentionsReply } from '../../core/messages';
import { askTab, tellTab } from '../../shared/tab-messages';

describe('tab messages', () => {
  beforeEach(() => fakeBrowser.reset());

  it('type the reply by the message (checked by tsc in npm run lint)', () => {
    expectTypeOf(askTab).returns.resolves.not.toBeAny();
    expectTypeOf<ReturnType<typeof askTab<{ type: 'gloss:get-mentions' }>>>().resolves.toEqualTypeOf<MentionsReply>();
    expectTypeOf<
      ReturnType<typeof askTab<{ type: 'gloss:step-mention'; direction: 1 }>>
    >().resolves.toEqualTypeOf<JumpReply>();
  });

  it('askTab rejects where no content script answers; tellTab does not', async () => {
    vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockRejectedValue(new Error('Could not establish connection'));
    await expect(askTab(7, { type: 'gloss:get-mentions' })).rejects.toThrow('Could not establish connection');
    await expect(tellTab(7, { type: 'gloss:packs-changed' })).resolves.toBeUndefined();
  });
});

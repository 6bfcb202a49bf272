/** Messages to the background are typed request → reply, and the background answers each with its own type. */
import { beforeEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { EntityReply, LoadCardReply, MatcherReply } from '../../core/messages';
import { askBackground, broadcast } from '../../shared/runtime-messages';
import { handleMessage } from '../../background/handlers';

describe('runtime messages', () => {
  beforeEach(() => fakeBrowser.reset());

  it('type the reply by the message (checked by tsc in npm run lint)', () => {
    expectTypeOf(askBackground).returns.resolves.not.toBeAny();
    expectTypeOf<
      ReturnType<typeof askBackground<{ type: 'gloss:get-matcher'; site: string }>>
    >().resolves.toEqualTypeOf<MatcherReply>();
    expectTypeOf<
      ReturnType<typeof askBackground<{ type: 'gloss:get-entity'; entityId: string }>>
    >().resolves.toEqualTypeOf<EntityReply>();
    expectTypeOf<
      ReturnType<typeof askBackground<{ type: 'gloss:load-card' }>>
    >().resolves.toEqualTypeOf<LoadCardReply>();
  });

  it('a broadcast nobody listens to is no error', async () => {
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockRejectedValue(new Error('Receiving end does not exist'));
    expect(() => broadcast({ type: 'gloss:mentions-changed', url: 'u', count: 0, entities: 0 })).not.toThrow();
    await Promise.resolve();
  });

  it('the background answers our own requests and ignores others', async () => {
    const own = { id: fakeBrowser.runtime.id };
    expect(handleMessage({ type: 'gloss:get-matcher', site: 'x' }, { id: 'someone-else' })).toBeUndefined();
    expect(handleMessage({ type: 'gloss:unknown' }, own)).toBeUndefined();
    const reply = (await handleMessage({ type: 'gloss:load-card' }, own)) as LoadCardReply;
    expect(reply).toEqual({ loaded: false });
  });
});

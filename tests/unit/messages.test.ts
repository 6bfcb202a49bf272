/**
 * Receivers accept the typed protocol only, and only from the extension itself. (Web pages cannot
 * reach `runtime.onMessage` at all; `window.postMessage` is never listened to: see
 * pack-rendering.test.ts and the hostile-page E2E.)
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '../../background/handlers';
import { isBroadcast, isToBackground, isToPage, type EntityReply } from '../../core/messages';

const junk: unknown[] = [
  null,
  undefined,
  0,
  'gloss:get-mentions',
  [],
  {},
  { type: 'gloss:unknown' },
  { type: 42 },
  { type: 'get-mentions' },
  { type: 'GLOSS:GET-MENTIONS' },
  { type: ['gloss:get-mentions'] },
];

describe('message guards', () => {
  it('reject anything outside the protocol', () => {
    for (const message of junk) {
      expect(isToPage(message)).toBe(false);
      expect(isToBackground(message)).toBe(false);
      expect(isBroadcast(message)).toBe(false);
    }
  });

  it('check the fields of each message, not only its type', () => {
    expect(isToPage({ type: 'gloss:get-mentions' })).toBe(true);
    expect(isToPage({ type: 'gloss:jump-to-mention', entityId: 'nato', index: 2 })).toBe(true);
    expect(isToPage({ type: 'gloss:jump-to-mention' })).toBe(false);
    expect(isToPage({ type: 'gloss:jump-to-mention', entityId: { toString: () => 'x' } })).toBe(false);
    expect(isToPage({ type: 'gloss:jump-to-mention', entityId: 'nato', index: 1.5 })).toBe(false);
    expect(isToPage({ type: 'gloss:jump-to-mention', entityId: 'nato', index: '1' })).toBe(false);
    expect(isToPage({ type: 'gloss:step-mention', direction: 1 })).toBe(true);
    expect(isToPage({ type: 'gloss:step-mention', direction: 1e9 })).toBe(false);
    expect(isToBackground({ type: 'gloss:open-sidebar', entityId: 5 })).toBe(false);
    expect(isToBackground({ type: 'gloss:get-matcher', site: 'example.com' })).toBe(true);
    expect(isToBackground({ type: 'gloss:get-entity', entityId: 'putin' })).toBe(true);
    expect(isToBackground({ type: 'gloss:get-matcher' })).toBe(false);
    expect(isToBackground({ type: 'gloss:get-entity', entityId: 5 })).toBe(false);
    expect(isToBackground({ type: 'gloss:page-settings' })).toBe(true);
    expect(isToBackground({ type: 'gloss:toggle-site-of', url: 'https://example.com/' })).toBe(true);
    expect(isToBackground({ type: 'gloss:toggle-site-of' })).toBe(false);
    const entry = { site: 'example.com', entityId: 'putin', alias: 'Putin' };
    expect(isToBackground({ type: 'gloss:reject-alias', entry })).toBe(true);
    expect(isToBackground({ type: 'gloss:reject-alias', entry: { ...entry, alias: 5 } })).toBe(false);
    expect(isToBackground({ type: 'gloss:reject-alias' })).toBe(false);
    expect(isToBackground({ type: 'gloss:log-error', context: 'card', message: 'Error: gone' })).toBe(true);
    expect(isToBackground({ type: 'gloss:log-error', context: 'card' })).toBe(false);
    expect(isBroadcast({ type: 'gloss:mentions-changed', url: 'x', count: '3', entities: 1 })).toBe(false);
    expect(isBroadcast({ type: 'gloss:mentions-changed', url: 'x', count: 3, entities: 2 })).toBe(true);
    // The badge's number: a broadcast without it is not ours.
    expect(isBroadcast({ type: 'gloss:mentions-changed', url: 'x', count: 3 })).toBe(false);
    // Messages of the other direction are not accepted either.
    expect(isToBackground({ type: 'gloss:toggle-site' })).toBe(false);
    expect(isToPage({ type: 'gloss:get-matcher', site: 'example.com' })).toBe(false);
  });
});

describe('background', () => {
  beforeEach(() => fakeBrowser.reset());

  it('answers our own pages and content scripts', async () => {
    const reply = (await handleMessage(
      { type: 'gloss:get-entity', entityId: 'putin' },
      { id: browser.runtime.id },
    )) as EntityReply;
    expect(reply.entity?.id).toBe('putin');
  });

  it('ignores other extensions and anything off the protocol', () => {
    expect(handleMessage({ type: 'gloss:get-matcher', site: '' }, { id: 'another-extension' })).toBeUndefined();
    expect(handleMessage({ type: 'gloss:get-matcher', site: '' }, {})).toBeUndefined();
    for (const message of junk) expect(handleMessage(message, { id: browser.runtime.id })).toBeUndefined();
  });
});

// @vitest-environment happy-dom
/**
 * useStoredItem: the value once read (undefined before), every later change, sanitized; its
 * watcher removed with the view; a first read that lands after a change does not undo it.
 */
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from '@wxt-dev/storage';
import { useStoredItem, type StoredSource } from '../../components/use-stored-item';

const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));
const sanitize = (raw: unknown) => (typeof raw === 'number' ? raw : -1);

async function mount<R>(item: StoredSource<R>, seen: unknown[]) {
  function View() {
    const value = useStoredItem(item, sanitize);
    seen.push(value);
    return h('output', {}, value === undefined ? 'loading' : String(value));
  }
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  await act(async () => render(h(View, {}), root));
  return root;
}

describe('useStoredItem', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is undefined while loading, then the sanitized value, then each change', async () => {
    await fakeBrowser.storage.local.set({ count: 'corrupt' });
    const item = storage.defineItem<unknown>('local:count', { fallback: 0 });
    const seen: unknown[] = [];
    const root = await mount(item, seen);
    await flush();
    expect(root.textContent).toBe('-1');
    await act(async () => item.setValue(7));
    await flush();
    expect(root.textContent).toBe('7');
    expect(seen[0]).toBeUndefined();
  });

  it('removes its watcher with the view', async () => {
    let watchers = 0;
    const item: StoredSource<number> = {
      getValue: async () => 1,
      watch: () => {
        watchers++;
        return () => watchers--;
      },
    };
    const root = await mount(item, []);
    await flush();
    expect(watchers).toBe(1);
    await act(async () => render(null, root));
    expect(watchers).toBe(0);
  });

  it('keeps a change seen before the first read returns', async () => {
    let push: (value: number) => void = () => undefined;
    let answer: (value: number) => void = () => undefined;
    const item: StoredSource<number> = {
      getValue: () => new Promise((resolve) => (answer = resolve)),
      watch: (callback) => {
        push = callback;
        return () => undefined;
      },
    };
    const root = await mount(item, []);
    await act(async () => push(5));
    answer(1);
    await flush();
    expect(root.textContent).toBe('5');
  });
});

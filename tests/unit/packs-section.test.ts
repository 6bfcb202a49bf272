// @vitest-environment happy-dom
/**
 * Options' Packs section says when saving failed (switching a pack, removing, restoring) instead
 * of claiming success, and reports why a restore was refused.
 */
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { PacksSection } from '../../components/options/PacksSection';
import * as packs from '../../shared/packs';

const flush = () => act(async () => new Promise((r) => setTimeout(r, 0)));

async function mount(): Promise<HTMLElement> {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  await act(async () => render(h(PacksSection, {}), root));
  await flush();
  return root;
}

describe('Packs section', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('shows a failed switch as an error, not as "switched off"', async () => {
    vi.spyOn(packs, 'setPackEnabled').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    const root = await mount();
    const box = root.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    expect(box).not.toBeNull();
    await act(async () => box.click());
    await flush();
    const status = root.querySelector('[data-testid="packs-status"]')!;
    expect(status.textContent).toBe('saveFailed');
    expect(status.className).toContain('error');
  });

  it('switches a pack off and says so when saving works', async () => {
    const root = await mount();
    await act(async () => root.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click());
    await flush();
    expect(await packs.getDisabledPackIds()).toEqual(['kazakhstan-2022']);
    const status = root.querySelector('[data-testid="packs-status"]')!;
    expect(status.textContent).toBe('packDisabled');
    expect(status.className).not.toContain('error');
  });
});

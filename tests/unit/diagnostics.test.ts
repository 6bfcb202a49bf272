/**
 * Diagnostics that never leave the device: the error log keeps the last 20 errors Gloss caught
 * (the background's message handler among them), and the troubleshooting text says the version,
 * browser, site patterns, packs, where the settings live and those errors.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { gatherDiagnostics, troubleshootingText } from '../../components/options/diagnostics';
import { ERROR_LOG_SIZE, getErrorLog, logError, reportError } from '../../shared/error-log';
import { setSites } from '../../shared/settings';

const settle = () => new Promise((r) => setTimeout(r, 10));

describe('error log', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('keeps the last 20, oldest first, each with time, context and message', async () => {
    for (let i = 0; i < ERROR_LOG_SIZE + 5; i++) await logError('test', new Error(`number ${i}`), 1000 + i);
    const log = await getErrorLog();
    expect(log).toHaveLength(ERROR_LOG_SIZE);
    expect(log[0]).toEqual({ time: 1005, context: 'test', message: 'Error: number 5' });
    expect(log.at(-1)!.message).toBe('Error: number 24');
  });

  it('reads a corrupt log as its valid entries, and cuts long messages', async () => {
    await fakeBrowser.storage.local.set({ 'error-log': [{ time: 1, context: 'a', message: 'kept' }, 'junk', {}] });
    await logError('b', 'x'.repeat(1000));
    const log = await getErrorLog();
    expect(log.map((e) => e.context)).toEqual(['a', 'b']);
    expect(log[1].message.length).toBeLessThanOrEqual(300);
  });

  it('reportError still logs to the console', async () => {
    const console = vi.spyOn(globalThis.console, 'error').mockImplementation(() => undefined);
    reportError('toolbar', new Error('no tab'));
    await settle();
    expect(console).toHaveBeenCalledWith('Gloss: toolbar failed.', expect.any(Error));
    expect((await getErrorLog())[0]).toMatchObject({ context: 'toolbar', message: 'Error: no tab' });
  });

  it('keeps what the background failed to answer, and still rejects to the asker', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { handleMessage } = await import('../../background/handlers');
    vi.spyOn(fakeBrowser.scripting, 'executeScript').mockRejectedValue(new Error('Cannot access this page'));
    const sender = { id: fakeBrowser.runtime.id, tab: { id: 3 } };
    await expect(handleMessage({ type: 'gloss:load-card' }, sender)).rejects.toThrow('Cannot access');
    await settle();
    expect((await getErrorLog())[0]).toMatchObject({
      context: 'message gloss:load-card',
      message: 'Error: Cannot access this page',
    });
  });
});

describe('troubleshooting text', () => {
  beforeEach(() => fakeBrowser.reset());

  it('says the version, browser, patterns, packs, storage and errors', async () => {
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ version: '0.3.0' } as never);
    await setSites({ mode: 'only', sites: ['news.example'], otherSites: [] });
    await logError('registration', new Error('bad pattern'), Date.UTC(2026, 11, 1, 12));
    const text = troubleshootingText(await gatherDiagnostics());
    const lines = text.split('\n');
    expect(lines[0]).toBe('Gloss 0.3.0');
    expect(lines[1]).toMatch(/^Browser: ./);
    expect(text).toContain('Site mode: only on the listed sites');
    expect(text).toContain('Active site patterns: *://news.example/* *://www.news.example/*');
    expect(text).toMatch(/Enabled packs \(1\): kazakhstan-2022 \S+/);
    expect(text).toContain('Settings storage: sync');
    expect(text).toContain('Last errors (1):\n  2026-12-01T12:00:00.000Z [registration] Error: bad pattern');
  });
});

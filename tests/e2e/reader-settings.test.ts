/**
 * Settings that follow the reader, reading comfort and diagnostics, with the built extension in
 * Chromium: a site list too large for storage.sync stays on this device, Options says why and the
 * page still obeys it; all settings export to one file and a bad file imports nothing, naming
 * what is wrong; the troubleshooting info shows what a report needs; the card takes the reader's
 * text size and its dark theme on a dark page while the system is light; the new views pass axe.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PageServer } from '../../scripts/serve';
import { MENTIONS_PAGE } from '../fixtures/pages';
import { seriousViolations } from './a11y';
import {
  clearStorage,
  getMentions,
  hoverText,
  settledMentions,
  tabIdOf,
  waitFor,
  withGloss,
  type Gloss,
} from './harness';

/** Code passed to `worker.evaluate` runs in the extension's service worker, where `chrome` exists. */
declare const chrome: any;

const DARK_PAGE = MENTIONS_PAGE.replace('</head>', '<style>html,body{background:#111418;color:#e8e8e8}</style></head>');

let gloss: Gloss;
let server: PageServer;
withGloss({ '/mentions.html': MENTIONS_PAGE, '/dark.html': DARK_PAGE }, (g, s) => {
  gloss = g;
  server = s;
});

beforeEach(async () => {
  await clearStorage(gloss);
  for (const page of gloss.context.pages()) await page.close();
});

async function openOptions(): Promise<Page> {
  const page = await gloss.context.newPage();
  await page.setViewportSize({ width: 900, height: 800 });
  await page.goto(`chrome-extension://${gloss.extensionId}/options.html`);
  await page.getByTestId('sync-state').waitFor();
  return page;
}

const area = (name: 'local' | 'sync', key: string) =>
  gloss.worker.evaluate(async ({ name, key }) => (await chrome.storage[name].get(key))[key], { name, key });

/** Enough host names to pass storage.sync's 8 KB per item. */
const LONG_LIST = ['127.0.0.1', ...Array.from({ length: 400 }, (_, i) => `site-number-${i}.long-example.org`)];

describe('settings in sync storage', () => {
  it('keeps a list too large for sync on this device, says why, and the page still obeys it', async () => {
    const page = await gloss.context.newPage();
    await page.goto(server.origin + '/mentions.html');
    const tabId = await tabIdOf(gloss, page);
    await settledMentions(gloss, tabId, 14);
    const options = await openOptions();
    await expect(options.getByTestId('sync-state').getAttribute('data-state')).resolves.toBe('sync');
    await options.locator('#site-list').fill('short.example');
    await options.getByRole('button', { name: 'Save sites' }).click();
    await waitFor(
      () => area('sync', 'sites'),
      (v) => v?.sites?.[0] === 'short.example',
    );

    await options.locator('#site-list').fill(LONG_LIST.join('\n'));
    await options.getByRole('button', { name: 'Save sites' }).click();
    const state = options.locator('[data-testid="sync-state"][data-state="fallback"]');
    await state.waitFor();
    const said = (await state.textContent())!;
    expect(said).toContain('Kept on this device only');
    expect(said).toContain('Site lists: too large for the browser’s sync storage');
    expect(said).toMatch(/quota/i);
    expect((await area('local', 'sites')).sites).toHaveLength(LONG_LIST.length);
    expect((await area('sync', 'sites')).sites).toEqual(['short.example']);
    expect(Object.keys(await area('local', 'sync-fallback'))).toEqual(['sites']);
    // The open page reads the list from where it is kept: 127.0.0.1 is listed, so Gloss is off there.
    const off = await waitFor(
      () => getMentions(gloss, tabId),
      (r) => !r.enabled,
    );
    expect(off).toMatchObject({ enabled: false, mentions: [] });
    for (const scheme of ['light', 'dark'] as const) expect(await seriousViolations(options, scheme)).toEqual([]);

    // Short again: back in sync, the notice gone, the page on.
    await options.locator('#site-list').fill('short.example');
    await options.getByRole('button', { name: 'Save sites' }).click();
    await options.locator('[data-testid="sync-state"][data-state="sync"]').waitFor();
    expect((await area('sync', 'sites')).sites).toEqual(['short.example']);
    expect(await area('local', 'sync-fallback')).toEqual({});
    const on = await waitFor(
      () => getMentions(gloss, tabId),
      (r) => r.enabled && r.mentions.length === 14,
    );
    expect(on.mentions).toHaveLength(14);
  });
});

describe('settings file', () => {
  it('exports all settings as one file', async () => {
    const options = await openOptions();
    await options.locator('#site-list').fill('kept.example');
    await options.getByRole('button', { name: 'Save sites' }).click();
    await options.getByTestId('sites-status').filter({ hasText: 'Saved' }).waitFor();
    const [download] = await Promise.all([
      options.waitForEvent('download'),
      options.getByRole('button', { name: 'Export all settings' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('gloss-settings.json');
    const text = await (await download.createReadStream()).toArray();
    const file = JSON.parse(Buffer.concat(text).toString('utf8'));
    expect(file).toMatchObject({
      format: 'gloss-settings',
      version: 1,
      sites: { mode: 'except', sites: ['kept.example'] },
      prefs: { textSize: 'normal' },
      rejected: [],
    });
  });

  it('imports nothing from a bad file and names what is wrong, then imports a good one', async () => {
    const options = await openOptions();
    await options.locator('#site-list').fill('mine.example');
    await options.getByRole('button', { name: 'Save sites' }).click();
    await options.getByTestId('sites-status').filter({ hasText: 'Saved' }).waitFor();
    const before = await gloss.worker.evaluate(async () => ({
      local: await chrome.storage.local.get(['sites', 'prefs', 'rejected']),
      sync: await chrome.storage.sync.get(),
    }));
    const good = {
      format: 'gloss-settings',
      version: 1,
      sites: { mode: 'only', sites: ['news.example'], otherSites: [] },
      prefs: { hoverDelayMs: 600, density: 'first', highlightStyle: 'tint', textSize: 'large' },
      rejected: [{ site: 'news.example', entityId: 'nato', alias: 'NATO' }],
    };
    const upload = (name: string, text: string) =>
      options.getByTestId('settings-file').setInputFiles({
        name,
        mimeType: 'application/json',
        buffer: Buffer.from(text),
      });
    const status = options.getByTestId('settings-status');
    const errors = options.getByTestId('settings-errors');

    const whole = JSON.stringify(good);
    await upload('cut.json', whole.slice(0, whole.length - 20));
    await status.filter({ hasText: 'cut.json was not imported and nothing changed' }).waitFor();
    await expect(errors.textContent()).resolves.toMatch(/^not valid JSON/);

    await upload(
      'wrong.json',
      JSON.stringify({ ...good, sites: { ...good.sites, sites: ['https://news.example/'] }, rejected: 'none' }),
    );
    await status.filter({ hasText: 'wrong.json' }).waitFor();
    const listed = await errors.locator('li').allTextContents();
    expect(listed).toEqual([
      'sites.sites.0: "https://news.example/" write the host name only, without http:// or a path',
      expect.stringMatching(/^rejected: /),
    ]);
    for (const scheme of ['light', 'dark'] as const) expect(await seriousViolations(options, scheme)).toEqual([]);

    const after = await gloss.worker.evaluate(async () => ({
      local: await chrome.storage.local.get(['sites', 'prefs', 'rejected']),
      sync: await chrome.storage.sync.get(),
    }));
    expect(after).toEqual(before);
    await expect(options.locator('#site-list').inputValue()).resolves.toBe('mine.example');

    await upload('good.json', whole);
    await status.filter({ hasText: 'Settings imported from good.json' }).waitFor();
    expect(await errors.count()).toBe(0);
    await waitFor(
      () => options.locator('#site-list').inputValue(),
      (v) => v === 'news.example',
    );
    await expect(options.locator('input[name="text-size"][value="large"]').isChecked()).resolves.toBe(true);
    await options.getByTestId('rejected-list').locator('li').first().waitFor();
    expect((await area('sync', 'prefs')).hoverDelayMs).toBe(600);
  });
});

describe('troubleshooting info', () => {
  it('shows version, browser, site patterns, packs and the last errors, and copies it', async () => {
    await gloss.worker.evaluate(() =>
      chrome.storage.local.set({
        'error-log': [{ time: Date.UTC(2026, 11, 1, 9), context: 'registration', message: 'Error: Invalid host' }],
      }),
    );
    const options = await openOptions();
    const preview = options.getByTestId('diagnostics-text');
    await options.locator('#site-list').fill('skip.example');
    await options.getByRole('button', { name: 'Save sites' }).click();
    const text = await waitFor(
      () => preview.inputValue(),
      (v) => v.includes('skip.example'),
    );
    const version = await gloss.worker.evaluate(() => chrome.runtime.getManifest().version);
    expect(text.split('\n')[0]).toBe(`Gloss ${version}`);
    expect(text).toMatch(/^Browser: Mozilla\/5\.0 .*Chrome\/\d+/m);
    expect(text).toContain('Site mode: on everywhere except the listed sites');
    expect(text).toContain('Active site patterns: http://*/* https://*/* file:///*');
    expect(text).toContain('Excluded patterns: *://skip.example/* *://www.skip.example/*');
    expect(text).toMatch(/^Enabled packs \(1\): kazakhstan-2022 \S+$/m);
    expect(text).toContain('Settings storage: sync');
    expect(text).toContain('Last errors (1):\n  2026-12-01T09:00:00.000Z [registration] Error: Invalid host');

    // The clipboard cannot be granted to an extension origin here: what is handed to it is kept.
    await options.evaluate(() => {
      const w = window as unknown as { copied?: string };
      navigator.clipboard.writeText = async (value: string) => void (w.copied = value);
    });
    await options.getByRole('button', { name: 'Copy troubleshooting info' }).click();
    await options.getByTestId('diagnostics-status').filter({ hasText: 'Copied.' }).waitFor();
    expect(await options.evaluate(() => (window as unknown as { copied?: string }).copied)).toBe(text);
    for (const scheme of ['light', 'dark'] as const) expect(await seriousViolations(options, scheme)).toEqual([]);
  });
});

describe('reading comfort', () => {
  async function cardOn(path: string, scheme: 'light' | 'dark') {
    const page = await gloss.context.newPage();
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(server.origin + path);
    await settledMentions(gloss, await tabIdOf(gloss, page), 14);
    await hoverText(page, 'Almaty');
    const card = page.locator('gloss-ui .card');
    await card.waitFor();
    const look = await card.evaluate((el) => {
      const style = getComputedStyle(el);
      return { fontSize: style.fontSize, background: style.backgroundColor };
    });
    return { page, look };
  }

  it('the card takes the text size chosen in Options', async () => {
    const normal = await cardOn('/mentions.html', 'light');
    expect(normal.look.fontSize).toBe('14px');
    const options = await openOptions();
    await options.getByRole('radio', { name: 'Larger' }).check();
    await waitFor(
      () => area('sync', 'prefs'),
      (p) => p?.textSize === 'larger',
    );
    const larger = await cardOn('/mentions.html', 'light');
    expect(larger.look.fontSize).toBe('17.5px');
  });

  it('the side panel takes the text size too', async () => {
    const options = await openOptions();
    await options.getByRole('radio', { name: 'Large', exact: true }).check();
    const panel = await gloss.context.newPage();
    await panel.goto(`chrome-extension://${gloss.extensionId}/sidepanel.html`);
    await panel.locator('.panel[data-text-size="large"]').waitFor();
    await expect(panel.locator('.panel main').evaluate((el) => getComputedStyle(el).zoom)).resolves.toBe('1.125');
  });

  it('a dark page gets the dark card while the system is light; a light page the light one', async () => {
    const light = await cardOn('/mentions.html', 'light');
    expect(light.look.background).toBe('rgb(255, 255, 255)');
    const dark = await cardOn('/dark.html', 'light');
    expect(dark.look.background).toBe('rgb(27, 31, 36)');
    expect(await seriousViolations(dark.page, 'light', 'gloss-ui')).toEqual([]);
  });
});

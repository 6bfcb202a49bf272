/**
 * A curator builds a pack where they read (issue #16), with the built extension in Chromium: on a
 * served article, select a passage, "Quote in a pack…", create the entity with its aliases, write
 * the point, export; `packs:check` accepts the file; a fresh profile imports it in Options, and
 * another page that names the entity is marked, its card showing the point, the verbatim quote
 * and its source. axe on the editor.
 */
import { execFileSync } from 'node:child_process';
import { textInPage } from '../../scripts/text-in-page';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { PageServer } from '../../scripts/serve';
import { registrationSettled } from '../../scripts/chromium';
import { page as fixture } from '../fixtures/pages';
import { seriousViolations } from './a11y';
import {
  answeredMentions,
  hoverText,
  launchGloss,
  settledMentions,
  setStorage,
  tabIdOf,
  waitFor,
  withGloss,
  type Gloss,
} from './harness';

const QUOTE = 'It was a signal to the whole region — not a long stay,';

const ARTICLE = fixture(
  `<article>
    <h1>The deployment, explained</h1>
    <p>Analysts   said the deployment was brief.</p>
    <p>“${QUOTE}” wrote Dmitry Medvedev on Telegram after the troops left.</p>
    <p>The mission ended within two weeks.</p>
  </article>`,
  `<meta property="og:site_name" content="Example Herald">
   <meta property="og:title" content="The deployment, explained">
   <meta property="article:published_time" content="2022-01-20T09:00:00Z">`,
);

const OTHER = fixture(
  `<article><h1>Later</h1><p>Months later, Medvedev spoke again; in Moscow, Медведева quoted widely.</p></article>`,
);

let gloss: Gloss;
let server: PageServer;
withGloss({ '/article.html': ARTICLE, '/other.html': OTHER }, (g, s) => {
  gloss = g;
  server = s;
});

/** Selects `text` in the page as a reader's drag would, and lets go of the mouse. */
async function select(page: Page, text: string): Promise<void> {
  await page.evaluate(textInPage, { text, select: true, mouseup: true });
}

describe('curator: quote a page into a pack', () => {
  let exported = '';

  it('selects a passage, creates the entity, writes the point and exports a file packs:check accepts', async () => {
    await setStorage(gloss, { authoring: { enabled: true } });
    const article = await gloss.context.newPage();
    await article.goto(server.origin + '/article.html');
    await answeredMentions(gloss, await tabIdOf(gloss, article));

    await select(article, QUOTE);
    const button = article.getByTestId('gloss-quote-button');
    await button.waitFor();
    const [editor] = await Promise.all([
      gloss.context.waitForEvent('page', { predicate: (p) => p.url().includes('/editor.html') }),
      button.click(),
    ]);
    await editor.setViewportSize({ width: 1000, height: 900 });
    const form = editor.getByTestId('quote-form');
    await form.waitFor();
    expect(await editor.getByTestId('quote-exact').textContent()).toContain(QUOTE);
    expect(await seriousViolations(editor, 'light')).toEqual([]);

    // A new entity with aliases in English, German and Russian, inflected where the language needs it.
    await form.getByTestId('entity-name').fill('Dmitry Medvedev');
    expect(await form.getByTestId('entity-id').inputValue()).toBe('dmitry-medvedev');
    await form.getByLabel('Kind', { exact: true }).selectOption('person');
    await form.getByTestId('entity-summary').fill('Deputy chair of Russia’s Security Council, president 2008–2012.');
    const alias = async (lang: string, text: string, inflect?: string) => {
      await form.getByTestId(`aliases-${lang}-add`).click();
      await form.getByTestId(`aliases-${lang}-text`).last().fill(text);
      if (inflect) await form.getByTestId(`aliases-${lang}-inflect`).last().fill(inflect);
    };
    await alias('en', 'Dmitry Medvedev');
    await alias('en', 'Medvedev');
    await alias('de', 'Medwedew', 'de-s');
    await alias('ru', 'Медведев', 'ru-surname');

    // A quote alone is not a point.
    await form.getByTestId('quote-add').click();
    await editor.getByText('Write the point the quote makes').waitFor();
    await form.getByTestId('quote-point').fill('Medvedev framed the deployment as a short warning to the region.');
    await form.getByTestId('quote-add').click();
    await editor.getByTestId('quote-form').waitFor({ state: 'detached' });

    await editor.getByTestId('pack-title').fill('Medvedev watch');
    await editor.getByTestId('pack-id').fill('medvedev-watch');
    const status = await waitFor(
      () => editor.getByTestId('checker-status').textContent(),
      (s) => (s ?? '').includes('no problem'),
    );
    expect(status).toContain('no problem');
    // The quote is the saved text's own, typographic dash included, in its paragraph.
    const point = editor.getByTestId('analysis-point');
    expect(await point.textContent()).toContain(`“${QUOTE}”`);
    expect(await point.textContent()).toContain('paragraph 3');
    // The live card shows the point and the quote.
    const preview = await editor
      .getByTestId('card-preview')
      .evaluate((el) => el.shadowRoot?.querySelector('.card')?.textContent ?? '');
    expect(preview).toContain('Medvedev framed the deployment');
    expect(preview).toContain(QUOTE);

    // Undo takes back the last change, and autosave keeps the draft in storage.
    await editor.waitForTimeout(1100);
    await editor.getByTestId('pack-title').fill('Oops');
    await editor.getByTestId('undo').click();
    expect(await editor.getByTestId('pack-title').inputValue()).toBe('Medvedev watch');
    await waitFor(
      () => editor.getByTestId('save-status').textContent(),
      (s) => s === 'All changes saved',
    );
    const stored = await gloss.worker.evaluate(
      async () => (await chrome.storage.local.get('pack-drafts'))['pack-drafts'],
    );
    expect(stored[0].pack.title).toBe('Medvedev watch');

    for (const scheme of ['light', 'dark'] as const) expect(await seriousViolations(editor, scheme)).toEqual([]);

    const [download] = await Promise.all([editor.waitForEvent('download'), editor.getByTestId('export').click()]);
    expect(download.suggestedFilename()).toBe('medvedev-watch.gloss-pack.json');
    exported = join(mkdtempSync(join(tmpdir(), 'gloss-curator-')), download.suggestedFilename());
    await download.saveAs(exported);
    const out = execFileSync('npx', ['tsx', resolve(import.meta.dirname, '../../scripts/check-packs.ts'), exported], {
      encoding: 'utf8',
    });
    expect(out).toContain('packs:check: 1 pack(s) OK');
    const file = JSON.parse(readFileSync(exported, 'utf8'));
    expect(file.format).toBe('gloss-pack-file');
    expect(file.pack.sources[0]).toMatchObject({
      kind: 'news',
      date: '2022-01-20',
      url: server.origin + '/article.html',
    });
    await article.close();
    await editor.close();
  });

  it('the context menu quotes where Gloss is off, into the same draft and source; "Use on pages" marks pages', async () => {
    await setStorage(gloss, { sites: { mode: 'except', sites: ['127.0.0.1'], otherSites: [] } });
    await registrationSettled(gloss.worker);
    const article = await gloss.context.newPage();
    await article.goto(server.origin + '/article.html');
    const tabId = await tabIdOf(gloss, article);
    expect(await article.evaluate(() => document.querySelectorAll('gloss-ui').length)).toBe(0);
    await select(article, 'The mission ended within two weeks.');
    // What the menu's click does (a context menu cannot be clicked from here): capture.js in the frame.
    const [editor] = await Promise.all([
      gloss.context.waitForEvent('page', { predicate: (p) => p.url().includes('/editor.html') }),
      gloss.worker.evaluate(
        (tabId) => chrome.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: ['/capture.js'] }),
        tabId,
      ),
    ]);
    const form = editor.getByTestId('quote-form');
    await form.waitFor();
    expect(await form.getByTestId('quote-entity').inputValue()).toBe('dmitry-medvedev');
    await form.getByTestId('quote-point').fill('The deployment was over in a fortnight.');
    await form.getByTestId('quote-add').click();
    await form.waitFor({ state: 'detached' });
    expect(await editor.getByTestId('analysis-point').count()).toBe(2);
    expect(await editor.getByTestId('source').count()).toBe(1);

    // The next quote goes to the editor already open, not to a second one.
    const pages = gloss.context.pages().length;
    await select(article, 'Analysts');
    await gloss.worker.evaluate(
      (tabId) => chrome.scripting.executeScript({ target: { tabId, frameIds: [0] }, files: ['/capture.js'] }),
      tabId,
    );
    await form.waitFor();
    expect(await editor.getByTestId('quote-exact').textContent()).toContain('“Analysts”');
    expect(gloss.context.pages().length).toBe(pages);
    await form.getByRole('button', { name: 'Discard the quote' }).click();
    await form.waitFor({ state: 'detached' });

    await editor.getByTestId('use-on-pages').click();
    expect(await editor.getByTestId('use-outcome').textContent()).toContain('“Medvedev watch” is in use');
    await setStorage(gloss, { sites: { mode: 'except', sites: [], otherSites: [] } });
    await registrationSettled(gloss.worker);
    const other = await gloss.context.newPage();
    await other.goto(server.origin + '/other.html');
    const reply = await settledMentions(gloss, await tabIdOf(gloss, other), 2);
    expect(reply.mentions.filter((m) => m.entityId === 'dmitry-medvedev').map((m) => m.text)).toEqual([
      'Medvedev',
      'Медведева',
    ]);
    for (const p of [article, editor, other]) await p.close();
  });

  it('a fresh profile imports the file; another page that names the entity shows the point, quote and source', async () => {
    expect(exported).not.toBe('');
    const fresh = await launchGloss();
    try {
      const options = await fresh.context.newPage();
      await options.goto(`chrome-extension://${fresh.extensionId}/options.html`);
      await options.getByTestId('pack-file').setInputFiles(exported);
      await waitFor(
        () => options.getByTestId('packs-status').textContent(),
        (s) => (s ?? '').includes('Medvedev watch'),
      );

      const other = await fresh.context.newPage();
      await other.goto(server.origin + '/other.html');
      const tabId = await tabIdOf(fresh, other);
      const reply = await settledMentions(fresh, tabId, 2);
      const medvedev = reply.mentions.filter((m) => m.entityId === 'dmitry-medvedev').map((m) => m.text);
      expect(medvedev).toEqual(['Medvedev', 'Медведева']);

      await hoverText(other, 'Medvedev');
      const card = other.locator('gloss-ui .card');
      await card.waitFor();
      const text = (await card.textContent()) ?? '';
      expect(text).toContain('Dmitry Medvedev');
      expect(text).toContain('Medvedev framed the deployment as a short warning to the region.');
      expect(text).toContain(`“${QUOTE}”`);
      expect(text).toContain('The deployment, explained');
      // The source line: its title, kind and date, in the browser's locale, and the paragraph.
      expect(text).toMatch(/The deployment, explained \(News report\), (20 January 2022|January 20, 2022) · para\. 3/);
    } finally {
      await fresh.close();
    }
  });
});

declare const chrome: any;

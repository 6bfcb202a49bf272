/** Single-page apps: a history navigation that swaps the story is followed without a reload. */
import { describe, expect, it } from 'vitest';
import type { PageServer } from '../../scripts/serve';
import { MENTIONS_EXPECTED, MENTIONS_PAGE } from '../fixtures/pages';
import { getMentions, settledMentions, tabIdOf, waitFor, withGloss, type Gloss } from './harness';

let gloss: Gloss;
let server: PageServer;
withGloss({ '/mentions.html': MENTIONS_PAGE }, (g, s) => {
  gloss = g;
  server = s;
});

describe('history navigation', () => {
  it('reports the new URL and the new story’s mentions after pushState, and again after going back', async () => {
    const page = await gloss.context.newPage();
    await page.goto(`${server.origin}/mentions.html`);
    const tabId = await tabIdOf(gloss, page);
    await settledMentions(gloss, tabId, MENTIONS_EXPECTED.length);

    const first = await page.evaluate(() => document.body.innerHTML);
    await page.evaluate(() => {
      history.pushState({}, '', '/story/2');
      document.body.innerHTML = '<article><h1>Second story</h1><p>NATO and Belarus traded statements.</p></article>';
    });
    const second = await waitFor(
      () => getMentions(gloss, tabId),
      (r) => r.url.endsWith('/story/2') && r.mentions.length === 2,
    );
    expect(second.url).toBe(`${server.origin}/story/2`);
    expect(second.mentions.map((m) => m.entityId)).toEqual(['nato', 'belarus']);

    await page.evaluate((html) => {
      history.back();
      document.body.innerHTML = html;
    }, first);
    const back = await waitFor(
      () => getMentions(gloss, tabId),
      (r) => r.url.endsWith('/mentions.html') && r.mentions.length === MENTIONS_EXPECTED.length,
    );
    expect(back.mentions.map((m) => [m.entityId, m.text])).toEqual(MENTIONS_EXPECTED);
    await page.close();
  });
});

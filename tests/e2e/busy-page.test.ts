/**
 * A page that changes without pause (a ticker): Gloss steps back from hearing every change
 * (page/change-watch.ts), yet never paints a mark on text that changed, and finds what the page
 * added meanwhile once it listens again.
 */
import { describe, expect, it } from 'vitest';
import type { PageServer } from '../../scripts/serve';
import { getMentions, settledMentions, tabIdOf, waitFor, withGloss, type Gloss } from './harness';

const BUSY_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Busy</title></head><body>
<div id="ticker">Markets</div><p id="a">NATO and Russia met.</p><div id="feed"></div></body></html>`;

let gloss: Gloss;
let server: PageServer;
withGloss({ '/busy.html': BUSY_PAGE }, (g, s) => {
  gloss = g;
  server = s;
});

describe('a page that changes without pause', () => {
  it('keeps its marks true through a flood of changes and finds the text added meanwhile', async () => {
    const page = await gloss.context.newPage();
    await page.goto(`${server.origin}/busy.html`);
    const tabId = await tabIdOf(gloss, page);
    await settledMentions(gloss, tabId, 2);

    const painted = await page.evaluate(async () => {
      const ticker = document.getElementById('ticker')!;
      for (let i = 0; i < 5_000; i++) ticker.textContent = `Markets ${i}`;
      await new Promise((r) => setTimeout(r, 50));
      (document.getElementById('a')!.firstChild as Text).data = 'Talks with NATO ended.';
      document.getElementById('feed')!.textContent = 'Belarus and NATO.';
      await Promise.resolve();
      // What the next frame would paint: every highlighted range's text.
      const texts: string[] = [];
      for (const highlight of CSS.highlights.values())
        for (const range of highlight) {
          if (!range.startContainer.isConnected) continue;
          texts.push((range.startContainer as Text).data.slice(range.startOffset, range.endOffset));
        }
      return texts;
    });
    // "Russia" sat at 9–15 of the old text: painted now, it would mark "NATO e".
    expect(painted.every((text) => ['NATO', 'Russia', 'Belarus'].includes(text))).toBe(true);

    const after = await waitFor(
      () => getMentions(gloss, tabId),
      (r) => r.mentions.length === 3,
    );
    expect(after.mentions.map((m) => [m.entityId, m.text])).toEqual([
      ['nato', 'NATO'],
      ['belarus', 'Belarus'],
      ['nato', 'NATO'],
    ]);
    await page.close();
  });
});

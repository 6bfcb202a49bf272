/**
 * The real-page sweep: every page of the corpus (`CORPUS_DIR`: the subset in tests/fixtures/corpus,
 * or the full corpus named by GLOSS_CORPUS), with and without Gloss. No error from the extension,
 * the serialized DOM identical to the run without it, and where Gloss found a mention, the card
 * opens on hover. `npm run test:sweep` runs this file alone; GLOSS_SWEEP=<regex> picks pages,
 * GLOSS_SWEEP_VERBOSE=1 prints a line per page.
 */
import { readdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR, servePages, type PageServer } from '../../scripts/serve';
import {
  answeredMentions,
  launchGloss,
  OFFLINE_ARGS,
  pageDomWithoutGloss,
  tabIdOf,
  watchErrors,
  type Gloss,
} from './harness';

const only = process.env.GLOSS_SWEEP ? new RegExp(process.env.GLOSS_SWEEP) : null;
const verbose = process.env.GLOSS_SWEEP_VERBOSE === '1';
const pages = readdirSync(CORPUS_DIR)
  .filter((f) => f.endsWith('.html') && (!only || only.test(f)))
  .sort();

let withGloss: Gloss;
let without: Gloss;
let server: PageServer;
const totals = { pages: 0, withMentions: 0, mentions: 0, cards: 0, failures: 0, started: Date.now() };

beforeAll(async () => {
  server = await servePages();
  // Remote images and fonts of the saved pages fail at once instead of waiting on the network.
  withGloss = await launchGloss({ args: OFFLINE_ARGS });
  without = await launchGloss({ extension: false, args: OFFLINE_ARGS });
  // Errors of the background show in its console.
  withGloss.worker.on('console', (message) => {
    if (message.type() === 'error') workerErrors.push(message.text());
  });
});

const workerErrors: string[] = [];

afterAll(async () => {
  await withGloss?.close();
  await without?.close();
  await server?.close();
  const seconds = Math.round((Date.now() - totals.started) / 1000);
  console.log(
    `sweep (${CORPUS_DIR}): ${totals.pages} pages, ${totals.mentions} mentions on ${totals.withMentions} pages, ` +
      `${totals.cards} cards opened, ${totals.failures} failures (${seconds} s)`,
  );
});

/**
 * Rests the pointer on a mention a reader could point at (rendered, in the viewport once scrolled
 * to, not covered by another element) and waits for its card. Tries several: saved pages often
 * keep headers and carousels where scrolling cannot bring them.
 */
async function openCard(page: Page): Promise<string | null> {
  let tried = 0;
  for (let i = 0; i < 40 && tried < 4; i++) {
    const target = await page.evaluate((i) => {
      const ranges: Range[] = [];
      for (const [name, highlight] of CSS.highlights) {
        if (!name.startsWith('gloss-') || name.startsWith('gloss-focus')) continue;
        // Gloss registers static ranges: read each through a live one.
        for (const r of highlight) {
          const range = document.createRange();
          range.setStart(r.startContainer, r.startOffset);
          range.setEnd(r.endContainer, r.endOffset);
          ranges.push(range);
        }
      }
      ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      const range = ranges[i];
      if (!range) return null;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = [...range.getClientRects()].find(
        (r) =>
          r.width > 2 && r.height > 2 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth,
      );
      if (!rect) return { skip: true as const };
      const x = rect.x + Math.min(rect.width / 2, 6);
      const y = rect.y + rect.height / 2;
      const top = document.elementFromPoint(x, y);
      if (!top || !top.contains(range.startContainer)) return { skip: true as const };
      return { x, y };
    }, i);
    if (!target) return null;
    if ('skip' in target) continue;
    tried++;
    await page.mouse.move(target.x - 40, target.y + 30);
    await page.mouse.move(target.x, target.y, { steps: 2 });
    const name = await page
      .locator('gloss-ui .card h2')
      .textContent({ timeout: 3000 })
      .catch(() => null);
    if (name) return name;
  }
  return null;
}

describe('real-page sweep', () => {
  it.each(pages)('%s', async (file) => {
    totals.pages++;
    const url = `${server.origin}/corpus/${file}`;
    const t0 = Date.now();
    let found = 0;
    let card: string | null = null;
    try {
      const plain = await without.context.newPage();
      let reference: string;
      try {
        await plain.goto(url, { waitUntil: 'load' });
        reference = await plain.evaluate(() => document.documentElement.outerHTML);
      } finally {
        await plain.close();
      }

      const page = await withGloss.context.newPage();
      try {
        const errors = await watchErrors(page, withGloss);
        await page.goto(url, { waitUntil: 'load' });
        const tabId = await tabIdOf(withGloss, page);
        const reply = await answeredMentions(withGloss, tabId);
        found = reply.mentions.length;
        totals.mentions += found;
        const beforeCard = await pageDomWithoutGloss(page);
        expect(beforeCard.html, 'the DOM with Gloss is the DOM without it').toBe(reference);

        if (found) {
          totals.withMentions++;
          card = await openCard(page);
          expect(card, 'the card opens on hover').toBeTruthy();
          totals.cards++;
          const afterCard = await pageDomWithoutGloss(page);
          expect(afterCard.hosts).toBe(1);
          expect(afterCard.html, 'the DOM with a card open is the DOM without Gloss').toBe(reference);
        }
        expect(errors).toEqual([]);
        expect(workerErrors).toEqual([]);
      } finally {
        await page.close();
      }
    } catch (error) {
      totals.failures++;
      throw error;
    } finally {
      if (verbose) console.log(`${file}: ${found} mentions, card ${card ?? '-'}, ${Date.now() - t0} ms`);
    }
  });
});

/**
 * The real-page sweep: every page of the shared corpus, with and without Gloss. No error from the
 * extension, the serialized DOM identical to the run without it, and where Gloss found a mention,
 * the card opens on hover. `npm run test:sweep` runs this file alone.
 */
import { readdirSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS_DIR, servePages, type PageServer } from '../../scripts/serve';
import { launchGloss, pageDomWithoutGloss, settledMentions, tabIdOf, type Gloss } from './harness';

const pages = readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.html')).sort();

let withGloss: Gloss;
let without: Gloss;
let server: PageServer;
const totals = { pages: 0, mentions: 0, cards: 0, failures: 0 };

beforeAll(async () => {
  server = await servePages();
  withGloss = await launchGloss();
  without = await launchGloss({ extension: false });
});

afterAll(async () => {
  await withGloss?.close();
  await without?.close();
  await server?.close();
  console.log(`sweep: ${totals.pages} pages, ${totals.mentions} mentions, ${totals.cards} cards opened, ${totals.failures} failures`);
});

/** Exceptions from any world of the page, the content script's isolated world included. */
async function watchExceptions(page: Page, gloss: Gloss): Promise<{ session: CDPSession; errors: string[] }> {
  const session = await gloss.context.newCDPSession(page);
  const errors: string[] = [];
  session.on('Runtime.exceptionThrown', ({ exceptionDetails }) => {
    const where = `${exceptionDetails.url ?? ''} ${exceptionDetails.exception?.description ?? exceptionDetails.text}`;
    if (where.includes('chrome-extension://')) errors.push(where);
  });
  await session.send('Runtime.enable');
  return { session, errors };
}

/** Rests the pointer on the first mention that is visible and not covered, and waits for its card. */
async function openCard(page: Page): Promise<string | null> {
  for (let i = 0; i < 6; i++) {
    const target = await page.evaluate((i) => {
      const ranges: Range[] = [];
      for (const [name, highlight] of CSS.highlights) {
        if (name.startsWith('gloss-') && !name.startsWith('gloss-focus')) for (const r of highlight) ranges.push(r as Range);
      }
      ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      const range = ranges[i];
      if (!range) return null;
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = [...range.getClientRects()].find((r) => r.width > 2 && r.height > 2);
      if (!rect) return { skip: true as const };
      const x = rect.x + Math.min(rect.width / 2, 6);
      const y = rect.y + rect.height / 2;
      const top = document.elementFromPoint(x, y);
      if (!top || !top.contains(range.startContainer)) return { skip: true as const };
      return { x, y };
    }, i);
    if (!target) return null;
    if ('skip' in target) continue;
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
    try {
      const plain = await without.context.newPage();
      await plain.goto(url, { waitUntil: 'load' });
      const reference = await plain.evaluate(() => document.documentElement.outerHTML);
      await plain.close();

      const page = await withGloss.context.newPage();
      const { errors } = await watchExceptions(page, withGloss);
      await page.goto(url, { waitUntil: 'load' });
      const tabId = await tabIdOf(withGloss, page);
      const reply = await settledMentions(withGloss, tabId, 0);
      totals.mentions += reply.mentions.length;
      const beforeCard = await pageDomWithoutGloss(page);
      expect(beforeCard.html).toBe(reference);

      if (reply.mentions.length) {
        const name = await openCard(page);
        expect(name, 'the card opens on hover').toBeTruthy();
        totals.cards++;
        const afterCard = await pageDomWithoutGloss(page);
        expect(afterCard.hosts).toBe(1);
        expect(afterCard.html).toBe(reference);
      }
      expect(errors).toEqual([]);
      await page.close();
    } catch (error) {
      totals.failures++;
      throw error;
    }
  });
});

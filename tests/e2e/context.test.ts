/**
 * Detection that reads context, in the built extension: the page's date decides what a title and
 * an event's generic name mean, the city is not the government, and state adjectives count only
 * where they denote the state. The rules themselves are unit-tested (tests/unit/context-rules.test.ts);
 * here the background's packed rules must reach the page and be applied there.
 */
import { describe, expect, it } from 'vitest';
import type { PageServer } from '../../scripts/serve';
import { page as fixture } from '../fixtures/pages';
import { settledMentions, tabIdOf, withGloss, type Gloss } from './harness';

const dated = (iso: string, body: string) =>
  fixture(`<article>${body}</article>`, `<meta property="article:published_time" content="${iso}T08:00:00Z">`);

const PAGES = {
  '/2017.html': dated(
    '2017-06-10',
    '<p>The President of Kazakhstan Nursultan Nazarbayev opened the fair.</p><p>Russian salad was served, in Russian and English.</p>',
  ),
  '/2023.html': dated(
    '2023-01-14',
    '<p>The former President of Kazakhstan lost his last title.</p><p>Russian troops left long ago.</p>',
  ),
  '/moscow.html': dated(
    '2024-02-01',
    '<p>MOSCOW, February 1 – Snow fell on Moscow all night, and the Kremlin Cup was moved.</p><p>Kremlin officials said nothing.</p>',
  ),
  '/talks-2019.html': dated(
    '2019-07-05',
    '<p>The NATO–Russia Council met in Brussels; NATO-Russia talks went nowhere.</p>',
  ),
  '/talks-2022.html': dated(
    '2022-01-12',
    '<p>The NATO–Russia Council met in Brussels; NATO-Russia talks went nowhere. Совет Россия-НАТО тоже.</p>',
  ),
};

let gloss: Gloss;
let server: PageServer;
withGloss(PAGES, (g, s) => {
  gloss = g;
  server = s;
});

async function mentionsOf(path: string, min = 1): Promise<[string, string][]> {
  const page = await gloss.context.newPage();
  await page.goto(server.origin + path);
  const reply = await settledMentions(gloss, await tabIdOf(gloss, page), min);
  await page.close();
  return reply.mentions.map((m) => [m.entityId, m.text]);
}

describe('context decides', () => {
  it('a title means its holder on the page’s date and never hides the country; food and language stay unmarked', async () => {
    expect(await mentionsOf('/2017.html', 3)).toEqual([
      ['nazarbayev', 'President of Kazakhstan'],
      ['kazakhstan', 'Kazakhstan'],
      ['nazarbayev', 'Nursultan Nazarbayev'],
    ]);
  });

  it('"former" turns a title to the previous holder; a state adjective before troops is the state', async () => {
    expect(await mentionsOf('/2023.html', 3)).toEqual([
      ['nazarbayev', 'President of Kazakhstan'],
      ['kazakhstan', 'Kazakhstan'],
      ['russia', 'Russian'],
    ]);
  });

  it('a dateline and the city are Moscow, not the Kremlin; the Kremlin Cup is no Kremlin', async () => {
    expect(await mentionsOf('/moscow.html', 3)).toEqual([
      ['moscow', 'MOSCOW'],
      ['moscow', 'Moscow'],
      ['kremlin', 'Kremlin'],
    ]);
  });

  it('a standing body is itself; the January 2022 talks only on a page of their time', async () => {
    expect(await mentionsOf('/talks-2019.html', 1)).toEqual([['nato-russia-council', 'NATO–Russia Council']]);
    expect(await mentionsOf('/talks-2022.html', 3)).toEqual([
      ['nato-russia-council', 'NATO–Russia Council'],
      ['us-russia-talks-2022', 'NATO-Russia talks'],
      ['nato-russia-council', 'Совет Россия-НАТО'],
    ]);
  });
});

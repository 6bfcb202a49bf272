/**
 * Open pages follow the packs: switching a pack off (or on) in Options changes what an already
 * marked tab shows at once, without a reload, as the side panel does.
 */
import { describe, expect, it } from 'vitest';
import type { PageServer } from '../../scripts/serve';
import { MENTIONS_EXPECTED, MENTIONS_PAGE } from '../fixtures/pages';
import { getMentions, settledMentions, setStorage, tabIdOf, waitFor, withGloss, type Gloss } from './harness';

let gloss: Gloss;
let server: PageServer;
withGloss({ '/mentions.html': MENTIONS_PAGE }, (g, s) => {
  gloss = g;
  server = s;
});

describe('open pages and the packs', () => {
  it('a pack switched off unmarks an open tab at once, and switched on marks it again', async () => {
    const page = await gloss.context.newPage();
    await page.goto(server.origin + '/mentions.html');
    const tabId = await tabIdOf(gloss, page);
    await settledMentions(gloss, tabId, MENTIONS_EXPECTED.length);

    await setStorage(gloss, { 'disabled-packs': ['kazakhstan-2022'] });
    const off = await waitFor(
      () => getMentions(gloss, tabId),
      (reply) => reply.mentions.length === 0,
    );
    expect(off.mentions).toEqual([]);
    expect(off.enabled).toBe(true);

    await setStorage(gloss, { 'disabled-packs': [] });
    const on = await settledMentions(gloss, tabId, MENTIONS_EXPECTED.length);
    expect(on.mentions.map((m) => [m.entityId, m.text])).toEqual(MENTIONS_EXPECTED);
    await page.close();
  });
});

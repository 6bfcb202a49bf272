/**
 * The page's side of the message protocol: what a tab answers to the side panel and the
 * background. `gloss:get-mentions` is read by tools outside the repository: its shape stays.
 */
import type { CountReply, PageReplies, ToPage } from '../core/messages';
import { NOWHERE, type Position } from './mention-nav';
import type { Mention } from './mentions';

/** What the answers need of the page, so the protocol is tested without a browser. */
export interface PageState {
  url: () => string;
  enabled: () => boolean;
  published: () => string | null;
  /** The mentions in document order; empty where Gloss is off. */
  mentions: () => readonly Mention[];
  /** How many mentions and distinct entities: the store's own numbers, with no ordering done. */
  counts: () => CountReply;
  jump: (entityId: string, index?: number) => Promise<Position>;
  step: (direction: 1 | -1) => Promise<Position>;
  toggleSite: () => Promise<void>;
  packsChanged: () => void;
}

export async function answer<M extends ToPage>(message: M, page: PageState): Promise<PageReplies[M['type']]> {
  return (await answerAny(message, page)) as PageReplies[M['type']];
}

async function answerAny(message: ToPage, page: PageState): Promise<PageReplies[ToPage['type']]> {
  switch (message.type) {
    case 'gloss:get-mentions':
      return {
        url: page.url(),
        enabled: page.enabled(),
        published: page.published(),
        mentions: page.mentions().map((m) => ({ entityId: m.entityId, text: m.text, alias: m.alias, lang: m.lang })),
      };
    case 'gloss:get-count':
      return page.counts();
    case 'gloss:jump-to-mention':
      return page.jump(message.entityId, message.index);
    case 'gloss:step-mention':
      return page.step(message.direction);
    case 'gloss:toggle-site':
      await page.toggleSite();
      return { index: -1, count: page.mentions().length };
    case 'gloss:packs-changed':
      page.packsChanged();
      return NOWHERE;
  }
}

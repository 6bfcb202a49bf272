/**
 * The one message protocol. Types are named by direction, as in Dark Reader:
 * `ToPage` goes from an extension page or the background to a tab's content script,
 * `ToBackground` from a content script or extension page to the background,
 * `Broadcast` from a content script to any listening extension page.
 * Every receiver checks the shape with the guards below: anything else is ignored.
 */
import type { RuleTable } from './context-rules';
import type { Entity, Source } from '../data/schema';
import type { PackedMatcher } from './matcher-pack';
import type { TextQuoteSelector } from '../data/text-quote';
import type { PageSettings } from './page-settings';
import type { RejectedAlias } from './pack-aliases';

export interface MentionInfo {
  entityId: string;
  /** The matched page text. */
  text: string;
  alias: string;
  lang: string;
}

export interface MentionsReply {
  url: string;
  mentions: MentionInfo[];
  /** Whether Gloss is on for this site. */
  enabled: boolean;
  /** The page's own publication date, where it declares one (ISO). */
  published: string | null;
}

export type ToPage =
  | { type: 'gloss:get-mentions' }
  /** How many mentions and distinct entities the page has now (the toolbar badge; a cheap "are you there"). */
  | { type: 'gloss:get-count' }
  | { type: 'gloss:jump-to-mention'; entityId: string; index?: number }
  | { type: 'gloss:step-mention'; direction: 1 | -1 }
  | { type: 'gloss:toggle-site' }
  /** The enabled packs changed: load the matcher again and forget the cards' data. */
  | { type: 'gloss:packs-changed' };

export interface JumpReply {
  index: number;
  count: number;
}

/** `count`: mentions; `entities`: the distinct entities among them (the toolbar badge's number). */
export interface CountReply {
  count: number;
  entities: number;
}

/** What a page answers to each message: a caller gets the reply type of the message it sends. */
export interface PageReplies {
  'gloss:get-mentions': MentionsReply;
  'gloss:get-count': CountReply;
  'gloss:jump-to-mention': JumpReply;
  'gloss:step-mention': JumpReply;
  'gloss:toggle-site': JumpReply;
  'gloss:packs-changed': JumpReply;
}

/** Who sent a message, as the background sees it: our extension's id and, from a page, its tab and frame. */
export interface Sender {
  id?: string;
  frameId?: number;
  tab?: { id?: number; windowId?: number };
}

export type ToBackground =
  /** The matcher for the enabled packs, less the aliases the reader rejected on `site`. */
  | { type: 'gloss:get-matcher'; site: string }
  /** What a card shows: the entity and its pack's sources. */
  | { type: 'gloss:get-entity'; entityId: string }
  | { type: 'gloss:open-sidebar'; entityId?: string }
  /** The content script's first card: inject the card view into the sender's frame. */
  | { type: 'gloss:load-card' }
  /** "Quote in a pack…": a passage the curator selected, for the pack editor (authoring on only). */
  | { type: 'gloss:quote'; capture: QuoteCapture }
  /**
   * The settings a page follows (core/page-settings.ts), read by the background for the page; with
   * `matcherFor` (the page's address), also its matcher where they have it marked.
   */
  | { type: 'gloss:page-settings'; matcherFor?: string }
  /** Switch Gloss on or off for the site of `url` (the page's own address; the background has no tabs permission). */
  | { type: 'gloss:toggle-site-of'; url: string }
  /** The card's "not this here". */
  | { type: 'gloss:reject-alias'; entry: RejectedAlias }
  /** An error a page caught, for the troubleshooting info's log (shared/error-log.ts). */
  | { type: 'gloss:log-error'; context: string; message: string };

/** A selected passage with its page, as the pack editor needs it (page/capture.ts). */
export interface QuoteCapture {
  url: string;
  title: string;
  /** `og:site_name` or the host. */
  publisher: string;
  /** The page's publication date (YYYY-MM-DD), where it declares one. */
  published: string | null;
  /** The page's language (`<html lang>`), where it declares one. */
  lang: string | null;
  /** The page's readable text: one paragraph per block, blank lines between (the pack's source text). */
  text: string;
  selector: TextQuoteSelector;
}

export interface MatcherReply {
  matcher: PackedMatcher;
  /** Context rules by `ruleKey(entityId, form)` (core/context-rules.ts), applied by the page. */
  rules: RuleTable;
  /** The aliases of entities named inside longer ones, found within those matches. */
  inner: PackedMatcher;
}

/**
 * The page's start in one round trip rather than two: one request and one reply task fewer per
 * page, and it marks sooner (bench/startup.ts could not tell the time saved from the spread).
 */
export interface PageSettingsReply extends PageSettings {
  /** Asked with `matcherFor`, where the site is on and Gloss not paused: what `gloss:get-matcher` answers. */
  matcher?: MatcherReply;
}

export interface EntityReply {
  entity: Entity | null;
  sources: Source[];
}

export interface OpenSidebarReply {
  opened: boolean;
  /** Set where the browser refused: how the reader can open it instead. */
  hint?: string;
}

export interface QuoteReply {
  /** Whether the pack editor shows the quote (authoring may be off). */
  opened: boolean;
}

export interface LoadCardReply {
  loaded: boolean;
}

/** What the background answers to each message: a caller gets the reply type of the message it sends. */
export interface BackgroundReplies {
  'gloss:get-matcher': MatcherReply;
  'gloss:get-entity': EntityReply;
  'gloss:open-sidebar': OpenSidebarReply;
  'gloss:load-card': LoadCardReply;
  'gloss:quote': QuoteReply;
  'gloss:page-settings': PageSettingsReply;
  'gloss:toggle-site-of': Done;
  'gloss:reject-alias': Done;
  'gloss:log-error': Done;
}

/** A request carried out. */
export interface Done {
  done: true;
}

export type Broadcast = { type: 'gloss:mentions-changed'; url: string } & CountReply;

/** From the background to an open pack editor: a quote is waiting; show it (and answer `{ shown: true }`). */
export type ToEditor = { type: 'gloss:show-quote' };

const TO_PAGE = new Set<ToPage['type']>([
  'gloss:get-mentions',
  'gloss:get-count',
  'gloss:jump-to-mention',
  'gloss:step-mention',
  'gloss:toggle-site',
  'gloss:packs-changed',
]);
const TO_BACKGROUND = new Set<ToBackground['type']>([
  'gloss:get-matcher',
  'gloss:get-entity',
  'gloss:open-sidebar',
  'gloss:load-card',
  'gloss:quote',
  'gloss:page-settings',
  'gloss:toggle-site-of',
  'gloss:reject-alias',
  'gloss:log-error',
]);

const typeOf = (message: unknown): unknown =>
  typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;

export function isToPage(message: unknown): message is ToPage {
  const type = typeOf(message);
  if (!TO_PAGE.has(type as ToPage['type'])) return false;
  const m = message as Record<string, unknown>;
  if (type === 'gloss:jump-to-mention') {
    return typeof m.entityId === 'string' && (m.index === undefined || Number.isInteger(m.index));
  }
  if (type === 'gloss:step-mention') return m.direction === 1 || m.direction === -1;
  return true;
}

export function isToBackground(message: unknown): message is ToBackground {
  const type = typeOf(message);
  if (!TO_BACKGROUND.has(type as ToBackground['type'])) return false;
  const m = message as Record<string, unknown>;
  if (type === 'gloss:open-sidebar') return m.entityId === undefined || typeof m.entityId === 'string';
  if (type === 'gloss:get-matcher') return typeof m.site === 'string';
  if (type === 'gloss:get-entity') return typeof m.entityId === 'string';
  if (type === 'gloss:page-settings') return m.matcherFor === undefined || typeof m.matcherFor === 'string';
  if (type === 'gloss:quote') return isQuoteCapture(m.capture);
  if (type === 'gloss:toggle-site-of') return typeof m.url === 'string';
  if (type === 'gloss:reject-alias') return isRejectedAlias(m.entry);
  if (type === 'gloss:log-error') return isString(m.context) && isString(m.message);
  return true;
}

function isRejectedAlias(value: unknown): value is RejectedAlias {
  if (typeof value !== 'object' || value === null) return false;
  const { site, entityId, alias } = value as Record<string, unknown>;
  return isString(site) && isString(entityId) && isString(alias);
}

export function isBroadcast(message: unknown): message is Broadcast {
  const m = message as Record<string, unknown>;
  return (
    typeOf(message) === 'gloss:mentions-changed' &&
    typeof m.url === 'string' &&
    typeof m.count === 'number' &&
    typeof m.entities === 'number'
  );
}

const isString = (value: unknown): value is string => typeof value === 'string';

export function isQuoteCapture(value: unknown): value is QuoteCapture {
  if (typeof value !== 'object' || value === null) return false;
  const c = value as Record<string, unknown>;
  const s = c.selector as Record<string, unknown> | null;
  return (
    isString(c.url) &&
    isString(c.title) &&
    isString(c.publisher) &&
    (c.published === null || isString(c.published)) &&
    (c.lang === null || isString(c.lang)) &&
    isString(c.text) &&
    typeof s === 'object' &&
    s !== null &&
    s.type === 'TextQuoteSelector' &&
    isString(s.exact) &&
    isString(s.prefix) &&
    isString(s.suffix)
  );
}
export const isToEditor = (message: unknown): message is ToEditor => typeOf(message) === 'gloss:show-quote';

/**
 * Gloss on one page: follows the site switch, scans, highlights, answers the panel.
 * Switching off removes every highlight and our host element without a reload.
 */
import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { Source } from '../data/schema';
import { highlightsSupported, isDarkPage } from './highlighter';
import { t } from '../shared/i18n';
import { loadMatcher } from '../core/matcher-pack';
import { isToPage, type CountReply, type MatcherReply, type ToPage } from '../core/messages';
import type { RejectedAlias } from '../core/pack-aliases';
import { ruleKey, rulesOfTable, withRules, type AliasRule } from '../core/context-rules';
import type { Matcher } from '../core/matcher-types';
import { today } from '../data/dated-facts';
import type { SiteSettings } from '../core/site-settings';
import {
  marksPage,
  SETTING_NAMES,
  TEXT_SCALE,
  touchesPageSettings,
  type PageSettings,
  type Pause,
  type Prefs,
} from '../core/page-settings';
import { askBackground, broadcast } from '../shared/runtime-messages';
import { decideSite, siteOf } from '../core/site-rules';
import { Broadcaster } from './broadcaster';
import { logPageError } from './log-error';
import { CardHost, HOST_TAG } from './card-host';
import type { CardData } from './hover';
import { NOWHERE } from './mention-nav';
import { nextTask } from './page-scan';
import { answer } from './page-messages';
import { publishedDate } from './published';
import { QuoteButton } from './quote-button';
import { startSession, stopSession, type Session } from './session';

const isOwnElement = (element: Element) => element.localName === HOST_TAG;
/** Our host or anything inside it: events from the card and the quote button are Gloss's own. */
const isWithinHost = (element: Element) => isOwnElement(element) || !!element.closest?.(HOST_TAG);

/**
 * The welcome page's live example runs Gloss on a page that is not a site: its own switch says
 * whether it is on, and "not this here" is remembered for the visit only, so trying the card
 * leaves nothing behind in the reader's settings.
 */
export interface ExampleMode {
  enabled(): boolean;
}

export class GlossPage {
  private sites: SiteSettings | null = null;
  private prefs: Prefs | null = null;
  /** Cards' data by entity id, asked of the background the first time each entity's card opens. */
  private cards = new Map<string, Promise<CardData | null>>();
  private session: Session | null = null;
  private starting: Promise<void> | null = null;
  /** Settles once the settings are read: before that, "off, no mentions" would be a wrong answer. */
  private ready: Promise<unknown> = Promise.resolve();
  private readonly host: CardHost;
  private readonly broadcaster = new Broadcaster(broadcast, () => ({ url: location.href, ...this.counts() }));
  private exampleRejected: RejectedAlias[] = [];
  /** "Pause Gloss": off on every site until then; a timer brings the marks back at the time. */
  private pause: Pause | null = null;
  private resumeTimer: ReturnType<typeof setTimeout> | undefined;
  /** "Quote in a pack…" beside a selection, while authoring is on. */
  private quoting: AbortController | null = null;
  private refreshing = false;
  private restartWhenStarted = false;
  /** Counts the changes of settings: a reply asked for before the last one is out of date. */
  private settingsChanges = 0;
  private refreshAgain = false;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly example?: ExampleMode,
  ) {
    this.host = new CardHost(
      ctx,
      () => askBackground({ type: 'gloss:load-card' }),
      () => ({ dark: isDarkPage(document), textScale: TEXT_SCALE[this.prefs?.textSize ?? 'normal'] }),
    );
  }

  /** The numbers the badge shows, as the broadcast and the answer to `gloss:get-count` give them. */
  private counts(): CountReply {
    return { count: this.session?.store.size ?? 0, entities: this.session?.store.entityCount() ?? 0 };
  }

  private get site(): string {
    return siteOf(location.href) ?? '';
  }

  async start(): Promise<void> {
    browser.runtime.onMessage.addListener((message: unknown, sender: { id?: string }) => {
      // Only our own extension talks to us; a page cannot reach this listener at all.
      if (sender.id !== browser.runtime.id || !isToPage(message)) return undefined;
      return this.handle(message);
    });
    this.ctx.onInvalidated(() => this.disable());
    this.ctx.onInvalidated(() => clearTimeout(this.resumeTimer));
    if (!this.example) this.ctx.onInvalidated(() => this.quoting?.abort());
    // One listener and one question to the background, rather than a storage item per setting.
    const changed = (changes: Record<string, unknown>) => {
      const keys = Object.keys(changes);
      if (!touchesPageSettings(keys)) return;
      this.settingsChanges++;
      if (keys.includes(SETTING_NAMES.rejected)) this.restart();
      this.refreshSettings();
    };
    browser.storage.onChanged.addListener(changed);
    this.ctx.onInvalidated(() => browser.storage.onChanged.removeListener(changed));
    // The welcome example decides for itself whether it is marked (ExampleMode), so it asks later.
    const matcherFor = this.example || !highlightsSupported() ? undefined : location.href;
    const asked = this.settingsChanges;
    const settings = askBackground({ type: 'gloss:page-settings', matcherFor });
    this.ready = settings.catch(() => undefined);
    const first = await settings;
    // The matcher makes this reply slow (compiled first after the background restarts): settings that
    // changed meanwhile have been asked for again and that newer reply wins; after a change of
    // settings or packs, the matcher is asked for anew.
    const current = this.settingsChanges === asked;
    if (current) this.useSettings(first);
    this.ctx.addEventListener(window, 'wxt:locationchange', () => {
      this.apply();
      this.session?.scan.rescanAll();
      this.broadcaster.soon();
    });
    // For this start only: a later start asks again. A change of packs cannot come between: the page
    // handles messages once the settings are in (`ready`), after this, and restarts with a matcher
    // asked for anew.
    this.apply(current ? first.matcher : undefined);
  }

  /** After a change in storage: asked again, once more if another change came meanwhile. */
  private refreshSettings() {
    if (this.refreshing) {
      this.refreshAgain = true;
      return;
    }
    this.refreshing = true;
    askBackground({ type: 'gloss:page-settings' })
      .then(
        (settings) => {
          this.useSettings(settings);
          this.apply();
        },
        () => undefined,
      )
      .finally(() => {
        this.refreshing = false;
        if (this.refreshAgain) {
          this.refreshAgain = false;
          this.refreshSettings();
        }
      });
  }

  private useSettings({ sites, prefs, pause, authoring }: PageSettings) {
    this.sites = sites;
    this.prefs = prefs;
    this.session?.marks.setDensity(prefs.density);
    this.session?.highlighter.setStyle(prefs.highlightStyle);
    this.setPause(pause);
    if (!this.example) this.followAuthoring(authoring);
  }

  /** Whether the reader has Gloss on for this site (the popup's switch), paused or not. */
  private get siteOn(): boolean {
    const on = this.example
      ? this.example.enabled()
      : decideSite(this.sites ?? { mode: 'only', sites: [] }, location.href).enabled;
    return this.sites !== null && on && highlightsSupported();
  }

  /** Whether the page is marked now: on for the site and not paused (the welcome example ignores a pause). */
  private get enabled(): boolean {
    if (this.example) return this.siteOn;
    const { sites, pause } = this;
    return sites !== null && highlightsSupported() && marksPage({ sites, pause }, location.href);
  }

  private setPause(value: Pause | null) {
    this.pause = value;
    clearTimeout(this.resumeTimer);
    const until = this.pause?.until;
    if (typeof until === 'number' && until > Date.now()) {
      this.resumeTimer = setTimeout(() => this.apply(), until - Date.now() + 20);
    }
  }

  /**
   * Follows a change of `ExampleMode.enabled()`, the way a site switch is followed. `matcher`: the
   * one that came with the settings, used if this starts the page.
   */
  apply(matcher?: MatcherReply) {
    if (this.enabled && !this.session && !this.starting) {
      this.starting = this.enable(matcher)
        .catch((error: unknown) => {
          // No matcher (the background failed to compile the packs, or the extension was reloaded
          // under the page): the page stays unmarked, and the reason is kept for troubleshooting.
          logPageError('page start', error);
        })
        .finally(() => {
          this.starting = null;
          if (!this.enabled) this.disable();
          else if (this.restartWhenStarted) this.restart();
        });
    } else if (!this.enabled && this.session) this.disable();
  }

  private followAuthoring(enabled: boolean) {
    if (enabled === (this.quoting !== null)) return;
    this.quoting?.abort();
    this.quoting = null;
    if (!enabled) return;
    const quoting = new AbortController();
    new QuoteButton({
      container: () => this.host.container(),
      isOwn: (target) => target instanceof Element && isWithinHost(target),
      send: (capture) => askBackground({ type: 'gloss:quote', capture }),
      trusted: (event) => event.isTrusted,
    }).attach(quoting.signal);
    this.quoting = quoting;
  }

  private restart() {
    // A start under way may have asked for the matcher before the change: start again after it.
    // (A synced list changes in two steps, local then sync, and each step restarts.)
    this.restartWhenStarted = this.starting !== null;
    if (this.restartWhenStarted || !this.session) return;
    this.disable();
    this.apply();
  }

  private cardData(entityId: string): Promise<CardData | null> {
    let card = this.cards.get(entityId);
    if (!card) {
      const asking = askBackground({ type: 'gloss:get-entity', entityId }).then(({ entity, sources }) =>
        entity ? { entity, sources: new Map<string, Source>(sources.map((s) => [s.id, s])) } : null,
      );
      // A failed request is asked again next time.
      asking.catch(() => this.cards.delete(entityId));
      this.cards.set(entityId, (card = asking));
    }
    return card;
  }

  private async enable(given?: MatcherReply): Promise<void> {
    const site = this.site;
    // Compiled by the background, once for every page: loading it here is a few passes over arrays.
    const reply = given ?? (await askBackground({ type: 'gloss:get-matcher', site }));
    if (!this.enabled || this.session) return;
    // The welcome example's "not this here" lives for the visit only: the background never hears of it.
    const skip = new Set(this.exampleRejected.map((r) => ruleKey(r.entityId, r.alias)));
    // Made when a match first needs them: most pages have none (page/rendered-text.ts). The page's
    // date is looked for (three queries over the whole page) only when a rule needs it.
    let rules: Map<string, AliasRule> | undefined;
    let inner: Matcher | undefined;
    let pageDate: string | null | undefined;
    const precheck = loadMatcher(reply.matcher);
    const matcher = withRules(precheck, {
      get rules() {
        return (rules ??= rulesOfTable(reply.rules));
      },
      get pageDate() {
        if (pageDate === undefined) pageDate = publishedDate(document);
        return pageDate;
      },
      today: today(),
      findWithin: (text) => (inner ??= loadMatcher(reply.inner)).find(text),
      skip,
    });
    // Receiving and loading the matcher is one task already; the scan's first look at the rendered
    // text (or its first computed-style read) may make the browser lay out a large page: let that be
    // a task of its own.
    await nextTask();
    if (!this.enabled || this.session) return;
    const rejectedHere = (mention: { entityId: string; alias: string }) => {
      const entry = { site, entityId: mention.entityId, alias: mention.alias };
      if (!this.example) return void askBackground({ type: 'gloss:reject-alias', entry }).catch(() => undefined);
      this.exampleRejected.push(entry);
      // After the card has handled the click, as the stored list's watcher would.
      queueMicrotask(() => this.restart());
    };
    this.session = startSession({
      doc: document,
      matcher,
      precheck,
      prefs: this.prefs,
      exclude: isOwnElement,
      settled: () => this.broadcaster.soon(),
      replaced: () => this.restart(),
      card: {
        cardData: (entityId) => this.cardData(entityId),
        hoverDelay: () => this.prefs?.hoverDelayMs ?? 350,
        published: () => publishedDate(document),
        container: () => this.host.container(),
        view: () => this.host.view(),
        hasContainer: () => this.host.created,
        isOwnElement: isWithinHost,
        openSidebar: (entityId) => this.openSidebar(entityId),
        reject: rejectedHere,
      },
    });
  }

  private disable() {
    const session = this.session;
    this.session = null;
    if (session) stopSession(session);
    this.host.remove();
    this.broadcaster.soon();
  }

  private async openSidebar(entityId: string): Promise<string | null> {
    try {
      const reply = await askBackground({ type: 'gloss:open-sidebar', entityId });
      return reply.opened ? null : (reply.hint ?? t('sidebarHint'));
    } catch {
      return t('sidebarHint');
    }
  }

  private async handle(message: ToPage): Promise<unknown> {
    await this.ready;
    if (this.starting) await this.starting;
    const session = this.session;
    return answer(message, {
      url: () => location.href,
      enabled: () => this.siteOn,
      published: () => publishedDate(document),
      mentions: () => session?.store.ordered() ?? [],
      counts: () => this.counts(),
      jump: (entityId, index) => session?.hover.jump(entityId, index) ?? Promise.resolve(NOWHERE),
      step: (direction) => session?.hover.step(direction) ?? Promise.resolve(NOWHERE),
      toggleSite: async () => {
        await askBackground({ type: 'gloss:toggle-site-of', url: location.href });
      },
      packsChanged: () => {
        this.cards.clear();
        this.restart();
      },
    });
  }
}

import { COMMANDS } from '../core/commands';
import { browser, type Browser } from 'wxt/browser';
import { t } from '../shared/i18n';
import { logError, reportError } from '../shared/error-log';
import {
  isToBackground,
  type BackgroundReplies,
  type LoadCardReply,
  type OpenSidebarReply,
  type Sender,
  type ToBackground,
} from '../core/messages';
import { entityCard, matcherFor } from './pack-cache';
import { receiveQuote } from './authoring-menu';
import { focusItem } from '../shared/focus';
import { getAuthoring, getPause, getPrefs, getSites, rejectAlias, toggleSiteOf } from '../shared/settings';
import { startSidebarOpen } from '../shared/sidebar';
import { askTab, tellTab } from '../shared/tab-messages';
import { lookUpSelection } from './lookup-menu';
import { marksPage } from '../core/page-settings';
import { siteOf } from '../core/site-rules';

type Handlers = {
  [K in ToBackground['type']]: (
    message: Extract<ToBackground, { type: K }>,
    sender: Sender,
  ) => Promise<BackgroundReplies[K]>;
};

/** One answer per request type, each of the reply type `BackgroundReplies` names for it. */
const HANDLERS: Handlers = {
  'gloss:get-matcher': (message) => matcherFor(message.site),
  'gloss:get-entity': (message) => entityCard(message.entityId),
  'gloss:open-sidebar': (message, sender) => openSidebar(sender.tab?.id, sender.tab?.windowId, message.entityId),
  'gloss:load-card': (_message, sender) => loadCard(sender),
  'gloss:quote': (message) => receiveQuote(message.capture),
  'gloss:page-settings': async (message) => {
    const [sites, prefs, pause, authoring] = await Promise.all([getSites(), getPrefs(), getPause(), getAuthoring()]);
    const settings = { sites, prefs, pause, authoring: authoring.enabled };
    const url = message.matcherFor;
    // As the page decides it: no matcher where it would not be used.
    if (url === undefined || !marksPage(settings, url)) return settings;
    return { ...settings, matcher: await matcherFor(siteOf(url) ?? '') };
  },
  'gloss:toggle-site-of': async (message) => {
    await toggleSiteOf(message.url);
    return { done: true };
  },
  'gloss:reject-alias': async (message) => {
    await rejectAlias(message.entry);
    return { done: true };
  },
  'gloss:log-error': async (message) => {
    await logError(`page: ${message.context}`, message.message);
    return { done: true };
  },
};

/** Only our own content scripts and pages: anything else gets no answer. */
export function handleMessage(message: unknown, sender: Sender): Promise<unknown> | undefined {
  if (sender.id !== browser.runtime.id || !isToBackground(message)) return undefined;
  const handler = HANDLERS[message.type] as (message: ToBackground, sender: Sender) => Promise<unknown>;
  // The asker still gets the rejection; the log keeps it for the troubleshooting info.
  return handler(message, sender).catch((error: unknown) => {
    reportError(`message ${message.type}`, error);
    throw error;
  });
}

/** Into the asking frame only: the card view shares the content script's world there. */
async function loadCard(sender: Sender): Promise<LoadCardReply> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return { loaded: false };
  await browser.scripting.executeScript({ target: { tabId, frameIds: [sender.frameId ?? 0] }, files: ['/card.js'] });
  return { loaded: true };
}

export async function openSidebar(tabId?: number, windowId?: number, entityId?: string): Promise<OpenSidebarReply> {
  // Open first: Chrome accepts sidePanel.open only while the user's gesture is still fresh.
  const opening = startSidebarOpen({ tabId, windowId });
  // Handled below, after the focus is stored; this keeps the refusal from being reported as unhandled.
  opening.catch(() => undefined);
  // Recorded even when the browser refuses: the sidebar opens on this entity when the reader opens it.
  if (tabId !== undefined) await focusItem.setValue({ tabId, entityId: entityId ?? null, at: Date.now() });
  try {
    await opening;
    return { opened: true };
  } catch {
    // Firefox opens the sidebar only from a direct user action: the toolbar or the shortcut work.
    return { opened: false, hint: t('sidebarHint') };
  }
}

export async function handleCommand(command: string, tab?: Browser.tabs.Tab): Promise<void> {
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return;
  switch (command) {
    case COMMANDS.openSidebar.name:
      await openSidebar(tabId, tab?.windowId);
      // Chrome gives Gloss four suggested keys (core/commands.ts): Alt+Shift+S also looks up a selection.
      await lookUpSelection({ id: tabId, windowId: tab?.windowId }, false);
      break;
    case COMMANDS.lookUp.name:
      await lookUpSelection({ id: tabId, windowId: tab?.windowId });
      break;
    case COMMANDS.toggleSite.name: {
      const answered = await askTab(tabId, { type: 'gloss:toggle-site' }).then(
        () => true,
        () => false,
      );
      // No content script: the site is off (Gloss is not injected there) or the page predates Gloss.
      if (answered) break;
      const url = tab?.url ?? (await browser.tabs.get(tabId).catch(() => null))?.url;
      if (url) await toggleSiteOf(url);
      break;
    }
    case COMMANDS.nextMention.name:
      await tellTab(tabId, { type: 'gloss:step-mention', direction: 1 });
      break;
    case COMMANDS.previousMention.name:
      await tellTab(tabId, { type: 'gloss:step-mention', direction: -1 });
      break;
  }
}

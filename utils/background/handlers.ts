import { browser, type Browser } from 'wxt/browser';
import { t } from '../i18n';
import {
  isToBackground,
  type OpenSidebarReply,
  type PacksReply,
  type ToPage,
} from '../messages';
import { getEnabledPacks } from '../packs';
import { focusItem } from '../focus';

type Sender = { id?: string; tab?: { id?: number; windowId?: number } };

/** Only our own content scripts and pages: anything else gets no answer. */
export function handleMessage(message: unknown, sender: Sender): Promise<unknown> | undefined {
  if (sender.id !== browser.runtime.id || !isToBackground(message)) return undefined;
  switch (message.type) {
    case 'gloss:get-packs':
      return getEnabledPacks().then((packs): PacksReply => ({ packs }));
    case 'gloss:open-sidebar':
      return openSidebar(sender.tab?.id, sender.tab?.windowId, message.entityId);
  }
}

type ChromeSidePanel = { open(options: { tabId?: number; windowId?: number }): Promise<void> };
type FirefoxSidebar = { open(): Promise<void> };

export async function openSidebar(tabId?: number, windowId?: number, entityId?: string): Promise<OpenSidebarReply> {
  // Open first: Chrome accepts sidePanel.open only while the user's gesture is still fresh.
  const focus = () =>
    tabId === undefined ? undefined : focusItem.setValue({ tabId, entityId: entityId ?? null, at: Date.now() });
  const sidePanel = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;
  const sidebar = (browser as unknown as { sidebarAction?: FirefoxSidebar }).sidebarAction;
  let opening: Promise<void> | null;
  try {
    opening =
      sidePanel && tabId !== undefined ? sidePanel.open({ tabId })
      : sidePanel && windowId !== undefined ? sidePanel.open({ windowId })
      : sidebar ? sidebar.open()
      : null;
  } catch (error) {
    // Some browsers refuse synchronously; the entity is still recorded for when the reader opens it.
    opening = Promise.reject(error);
  }
  // Handled below, after the focus is stored; this keeps the refusal from being reported as unhandled.
  opening?.catch(() => undefined);
  await focus();
  if (!opening) return { opened: false, hint: t('sidebarHint') };
  try {
    await opening;
    return { opened: true };
  } catch {
    // Firefox opens the sidebar only from a direct user action: the toolbar or the shortcut work.
    return { opened: false, hint: t('sidebarHint') };
  }
}

const sendToTab = (tabId: number, message: ToPage) => browser.tabs.sendMessage(tabId, message).catch(() => undefined);

export async function handleCommand(command: string, tab?: Browser.tabs.Tab): Promise<void> {
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return;
  switch (command) {
    case 'open-sidebar':
      await openSidebar(tabId, tab?.windowId);
      break;
    case 'toggle-site':
      await sendToTab(tabId, { type: 'gloss:toggle-site' });
      break;
    case 'next-mention':
      await sendToTab(tabId, { type: 'gloss:step-mention', direction: 1 });
      break;
    case 'previous-mention':
      await sendToTab(tabId, { type: 'gloss:step-mention', direction: -1 });
      break;
  }
}

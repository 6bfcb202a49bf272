/**
 * Opening the browser's sidebar: Chrome's side panel or Firefox's sidebar action. Both accept the
 * call only while the reader's gesture is fresh, so callers start it before awaiting anything.
 */
import { browser } from 'wxt/browser';
import { extensionUrl } from './extension-url';

type ChromeSidePanel = { open(options: { tabId?: number; windowId?: number }): Promise<void> };
type FirefoxSidebar = { open(): Promise<void> };

export interface SidebarPlace {
  tabId?: number;
  windowId?: number;
}

/**
 * Starts opening the sidebar now; settles once it is open, rejects when the browser refuses (also
 * when it refuses synchronously). Chrome opens the panel for the tab or for the whole window:
 * `prefer` says which of the two the caller wants when it knows both.
 */
export function startSidebarOpen(place: SidebarPlace, prefer: 'tab' | 'window' = 'tab'): Promise<void> {
  try {
    const sidePanel = (globalThis as { chrome?: { sidePanel?: ChromeSidePanel } }).chrome?.sidePanel;
    if (sidePanel) {
      const byTab = place.tabId === undefined ? undefined : { tabId: place.tabId };
      const byWindow = place.windowId === undefined ? undefined : { windowId: place.windowId };
      const options = prefer === 'tab' ? (byTab ?? byWindow) : (byWindow ?? byTab);
      return options
        ? sidePanel.open(options)
        : Promise.reject(new Error('no tab or window to open the side panel in'));
    }
    const sidebar = (browser as unknown as { sidebarAction?: FirefoxSidebar }).sidebarAction;
    return sidebar ? sidebar.open() : openPanelTab(place);
  } catch (error) {
    return Promise.reject(error);
  }
}

/** The side panel's page for a tab, as a page of its own (`?tabId=N` pins the tab it speaks for). */
export const panelUrl = (tabId?: number) =>
  extensionUrl(tabId === undefined ? '/sidepanel.html' : `/sidepanel.html?tabId=${tabId}`);

/**
 * Firefox for Android has no sidebar: the panel opens as a tab beside the page (it needs no user
 * gesture there). Any other browser without a sidebar refuses, and the caller says how instead.
 */
export async function openPanelTab(place: SidebarPlace): Promise<void> {
  const { os } = await browser.runtime.getPlatformInfo();
  if (os !== 'android') throw new Error('this browser has no sidebar');
  await browser.tabs.create({ url: panelUrl(place.tabId), active: true });
}

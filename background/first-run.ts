/**
 * Install and update. On install, the tabs the reader already has open get Gloss at once where it
 * is on (a registered content script only reaches pages loaded after it), and the welcome page
 * opens. On update, the old version's content scripts have been cut off from the extension and
 * took their marks down: the open tabs get the new one the same way, the popup is told to
 * show what changed, once, and settings an older Gloss kept on this device only are copied to
 * sync storage (kept in local too; until then they are read from local).
 */
import { browser } from 'wxt/browser';
import { extensionUrl } from '../shared/extension-url';
import { reportError } from '../shared/error-log';
import { adoptLocalSettings, getSites, noteUpdate } from '../shared/settings';
import type { SiteRules } from '../core/site-rules';
import { reachOpenTabs } from './registration';

/** Rules under which no site is on: every tab the current list switches on counts as newly on. */
const NOTHING_ON: SiteRules = { mode: 'only', sites: [] };

export const WELCOME_PATH = '/welcome.html';

export interface InstalledDetails {
  reason: string;
  previousVersion?: string;
}

export async function handleInstalled({ reason, previousVersion }: InstalledDetails): Promise<void> {
  if (reason !== 'install' && reason !== 'update') return;
  const reached = getSites().then((sites) => reachOpenTabs(NOTHING_ON, sites));
  if (reason === 'install') {
    await browser.tabs.create({
      url: extensionUrl(WELCOME_PATH),
    });
  } else {
    const adopted = adoptLocalSettings().catch((error) =>
      reportError('sync', error, 'Gloss: could not copy the settings to sync storage.'),
    );
    await noteUpdate(previousVersion, browser.runtime.getManifest().version);
    await adopted;
  }
  await reached;
}

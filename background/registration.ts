/**
 * The content script goes only where Gloss is on: it is registered at runtime with the site list
 * as match patterns, so a switched-off site never loads it at all. When the reader switches a site
 * on, its open tabs get the script at once, without a reload; switching off is the page's own
 * business (the script there removes its marks and stays asleep).
 */
import { askTab } from '../shared/tab-messages';
import { inSeries } from '../core/in-series';
import { browser } from 'wxt/browser';
import { logError, reportError } from '../shared/error-log';
import { sanitizeSites, sitesItem, getSites } from '../shared/settings';
import { decideSite, type SiteRules } from '../core/site-rules';
import { ALL_PAGES, registrationOf } from '../core/site-patterns';

export const CONTENT_SCRIPT_ID = 'gloss-page';
const JS = ['/content-scripts/content.js' as const];
const CSS = ['/content-scripts/content.css'];

const registering = inSeries();

/** Registers, updates or unregisters the content script to match `rules`; calls run in order. */
export function syncRegistration(rules: SiteRules): Promise<void> {
  return registering(() => register(rules));
}

async function register(rules: SiteRules): Promise<void> {
  const wanted = registrationOf(rules);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [CONTENT_SCRIPT_ID] });
  if (!wanted) {
    if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [CONTENT_SCRIPT_ID] });
    return;
  }
  const script = {
    id: CONTENT_SCRIPT_ID,
    js: JS,
    css: CSS,
    matches: wanted.matches,
    excludeMatches: wanted.excludeMatches,
    runAt: 'document_idle' as const,
    allFrames: false,
  };
  const save = (s: typeof script) =>
    existing.length ? browser.scripting.updateContentScripts([s]) : browser.scripting.registerContentScripts([s]);
  try {
    await save(script);
  } catch (error) {
    // A pattern the browser refuses must not leave Gloss off everywhere: inject everywhere
    // instead, and let each page's own decision (`decideSite`) keep Gloss off where it is off.
    console.warn('Gloss: the browser refused the site patterns; injecting everywhere instead.', error);
    void logError('registration', error);
    await save({ ...script, matches: ALL_PAGES, excludeMatches: [] });
  }
}

/** Gives the open tabs that `after` switched on a content script, where they have none yet. */
export async function reachOpenTabs(before: SiteRules, after: SiteRules): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map(async ({ id, url }) => {
      if (id === undefined || !url || !decideSite(after, url).enabled || decideSite(before, url).enabled) return;
      const alive = await askTab(id, { type: 'gloss:get-count' }, { frameId: 0 }).then(
        (reply) => reply !== undefined,
        () => false,
      );
      if (alive) return;
      // A page the browser will not let extensions into (a store page, a PDF viewer) just stays as it is.
      await browser.scripting.insertCSS({ target: { tabId: id }, files: CSS }).catch(() => undefined);
      await browser.scripting.executeScript({ target: { tabId: id }, files: JS }).catch(() => undefined);
    }),
  );
}

/** From the background's start: register for the current list, then follow every change. */
export function followSites(): () => void {
  const failed = (error: unknown) =>
    reportError('registration', error, 'Gloss: could not register the content script.');
  void getSites().then(syncRegistration).catch(failed);
  return sitesItem.watch((value, old) => {
    const after = sanitizeSites(value);
    void syncRegistration(after)
      .then(() => reachOpenTabs(sanitizeSites(old), after))
      .catch(failed);
  });
}

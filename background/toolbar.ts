/**
 * The toolbar button says, per tab, whether Gloss is on for that tab's site: the mark where it is
 * on, the dimmed mark where it is off or cannot run, and a tooltip that says which in words (the
 * icon alone would tell nothing to a screen reader).
 */
import { browser, type Browser } from 'wxt/browser';
import { formatTime } from '../shared/format';
import { t } from '../shared/i18n';
import { reportError } from '../shared/error-log';
import { getPause, getSites, sanitizeSites, sitesItem, watchPause, type Pause } from '../shared/settings';
import { decideSite, type SiteRules } from '../core/site-rules';

const ICON_SIZES = [16, 32] as const;
const iconPaths = (on: boolean) =>
  Object.fromEntries(ICON_SIZES.map((size) => [size, `/${on ? 'icon' : 'icon-off'}/${size}.png`]));

/** Chrome's MV3 `action`, Firefox's MV2 `browserAction`: the same calls under two names. */
type Action = Pick<typeof browser.action, 'setIcon' | 'setTitle' | 'setBadgeText' | 'setBadgeBackgroundColor'>;
export const action = (): Action =>
  (browser as unknown as { action?: Action }).action ?? (browser as unknown as { browserAction: Action }).browserAction;

export interface ToolbarState {
  on: boolean;
  title: string;
}

/** Paused: the dimmed mark everywhere, and until when in words. */
export function toolbarState(rules: SiteRules, url: string | undefined, pause: Pause | null = null): ToolbarState {
  const decision = decideSite(rules, url ?? '');
  if (!decision.scannable) return { on: false, title: t('toolbarCannotRead') };
  if (pause) {
    return {
      on: false,
      title: pause.until === 'restart' ? t('toolbarPausedRestart') : t('toolbarPaused', formatTime(pause.until)),
    };
  }
  return decision.enabled
    ? { on: true, title: t('toolbarOn', decision.host) }
    : { on: false, title: t('toolbarOff', decision.host) };
}

/** Shows `rules`' decision for one tab; a tab closed meanwhile is no error. */
export async function showTab(
  tabId: number,
  url: string | undefined,
  rules: SiteRules,
  pause: Pause | null = null,
): Promise<void> {
  const { on, title } = toolbarState(rules, url, pause);
  try {
    await Promise.all([action().setIcon({ tabId, path: iconPaths(on) }), action().setTitle({ tabId, title })]);
  } catch {
    // The tab closed meanwhile.
  }
}

export async function showAllTabs(rules: SiteRules, pause: Pause | null = null): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : showTab(tab.id, tab.url, rules, pause))));
}

const showAllNow = async () => showAllTabs(await getSites(), await getPause());

/**
 * From the background's start: every open tab now, a tab again when it navigates (Firefox resets
 * a tab's icon on navigation; Chrome keeps it, so it must be set anew for the new site), and every
 * tab when the site list changes.
 */
export function followToolbar(): () => void {
  const failed = (error: unknown) => reportError('toolbar', error, 'Gloss: could not update the toolbar button.');
  void showAllNow().catch(failed);
  const onUpdated = (tabId: number, change: { url?: string; status?: string }, tab: Browser.tabs.Tab) => {
    if (change.url === undefined && change.status !== 'complete') return;
    void Promise.all([getSites(), getPause()])
      .then(([rules, pause]) => showTab(tabId, tab.url, rules, pause))
      .catch(failed);
  };
  browser.tabs.onUpdated.addListener(onUpdated);
  const unwatch = sitesItem.watch(
    (value) =>
      void getPause()
        .then((pause) => showAllTabs(sanitizeSites(value), pause))
        .catch(failed),
  );
  const unwatchPause = watchPause(() => void showAllNow().catch(failed));
  return () => {
    browser.tabs.onUpdated.removeListener(onUpdated);
    unwatch();
    unwatchPause();
  };
}

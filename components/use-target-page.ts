/**
 * What the tab an extension page speaks for says about itself (`gloss:get-mentions`), kept
 * current: read at once, and again when the reader switches tabs, the tab navigates, its
 * mentions change, or the site settings change. Shared by the side panel and the popup.
 */
import { useEffect, useState } from 'preact/hooks';
import { sitesItem } from '../shared/settings';
import { followTarget, readPage, resolveTarget, type PageState, type TargetTab } from './tab-target';

export interface TargetPage {
  target: TargetTab | null;
  page: PageState;
  /** Shows a state at once (e.g. after the popup switch) until the page's own report follows. */
  setPage(update: (previous: PageState) => PageState): void;
}

export function useTargetPage(): TargetPage {
  const [target, setTarget] = useState<TargetTab | null>(null);
  const [page, setPage] = useState<PageState>({ status: 'loading' });

  useEffect(() => {
    void resolveTarget().then(setTarget);
  }, []);

  useEffect(() => {
    if (!target) return;
    const tabId = target.tabId;
    if (tabId === null) {
      setPage({ status: 'unreachable', url: null, webPage: false });
      return;
    }
    let live = true;
    let seq = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let retried = false;
    const load = async () => {
      const n = ++seq;
      const state = await readPage(tabId, target.url);
      if (!live || n !== seq) return;
      setPage(state);
      // A page still starting up has no content script yet: look once more before giving up.
      if (state.status === 'unreachable' && state.webPage && !retried) {
        retried = true;
        soon(1000);
      }
    };
    const soon = (ms = 120) => {
      clearTimeout(timer);
      timer = setTimeout(() => void load(), ms);
    };
    setPage({ status: 'loading' });
    void load();
    const offFollow = followTarget({
      target,
      onSwitch: (id) => setTarget((prev) => (prev ? { ...prev, tabId: id, url: null } : prev)),
      onChange: (_, kind) => {
        if (kind === 'loading') {
          retried = false;
          return;
        }
        soon();
      },
    });
    // The page applies a site switch itself; read its report once it has.
    const offSites = sitesItem.watch(() => soon(400));
    return () => {
      live = false;
      clearTimeout(timer);
      offFollow();
      offSites();
    };
  }, [target]);

  return { target, page, setPage };
}

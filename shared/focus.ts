import { storage } from '@wxt-dev/storage';

/** Which entity the side panel should show: set by "Open in sidebar", read by the panel. */
export interface SidebarFocus {
  tabId: number;
  entityId: string | null;
  at: number;
}

export const focusItem = storage.defineItem<SidebarFocus | null>('session:sidebar-focus', {
  fallback: null,
  version: 1,
});

/**
 * "Quote in a pack…" from the context menu: injected by the background into the frame where the
 * curator selected (background/authoring-menu.ts), on any page, and sends the passage back.
 */
import { browser } from 'wxt/browser';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import type { ToBackground } from '../core/messages';
import { captureSelection } from '../page/capture';

export default defineUnlistedScript(() => {
  const capture = captureSelection(document);
  if (!capture) return;
  const message: ToBackground = { type: 'gloss:quote', capture };
  browser.runtime.sendMessage(message).catch(() => undefined);
});

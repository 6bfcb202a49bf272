/**
 * A reference content script, bundled by bench/reference.ts in place of Gloss's own into a copy of the
 * build: the least a content script that reads the page does, timed the way Gloss's is, so the
 * content-script budget's floor can be read against what any content script costs.
 */
import type { ToBackground } from '../core/messages';
import { walkLikeScanner } from './floor-walk';

/** Which reference this bundle is (an esbuild `define`). */
declare const REFERENCE: 'message' | 'walk' | 'message-walk';
declare const chrome: { runtime: { sendMessage(message: ToBackground): Promise<unknown> } };

/** The first thing Gloss's content script asks: the page's settings, without a matcher. */
const askSettings = () => chrome.runtime.sendMessage({ type: 'gloss:page-settings' });
const walk = () => walkLikeScanner(document.body);

if (REFERENCE === 'walk') walk();
else
  askSettings().then(
    () => (REFERENCE === 'message-walk' ? walk() : undefined),
    () => undefined,
  );

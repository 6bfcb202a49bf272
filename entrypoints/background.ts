import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { followAuthoringMenu } from '../background/authoring-menu';
import { followBadge } from '../background/badge';
import { handleInstalled } from '../background/first-run';
import { handleCommand, handleMessage } from '../background/handlers';
import { followLookupMenu, handleLookupClick } from '../background/lookup-menu';
import { followPacks } from '../background/pack-cache';
import { followPause } from '../background/pause';
import { followSites } from '../background/registration';
import { followToolbar } from '../background/toolbar';
import { reportError } from '../shared/error-log';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener(handleMessage);
  browser.commands.onCommand.addListener(handleCommand);
  browser.runtime.onInstalled.addListener((details) => {
    handleInstalled(details).catch((error) => reportError('install', error, 'Gloss: first run or update failed.'));
  });
  followSites();
  followToolbar();
  followBadge();
  followPacks();
  followAuthoringMenu();
  followLookupMenu();
  followPause();
  // Test builds only: what the browser alone can trigger, for the E2E tests (tests/e2e/lookup.test.ts).
  if (typeof __GLOSS_TEST__ !== 'undefined' && __GLOSS_TEST__)
    Object.assign(globalThis, { glossTest: { handleLookupClick } });
});

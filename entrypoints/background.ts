import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { followAuthoringMenu } from '../background/authoring-menu';
import { handleInstalled } from '../background/first-run';
import { handleCommand, handleMessage } from '../background/handlers';
import { followPacks } from '../background/pack-cache';
import { followSites } from '../background/registration';
import { followToolbar } from '../background/toolbar';
import { reportError } from '../shared/error-log';
import { adoptLocalSettings } from '../shared/settings';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener(handleMessage);
  browser.commands.onCommand.addListener(handleCommand);
  browser.runtime.onInstalled.addListener((details) => {
    handleInstalled(details).catch((error) => reportError('install', error, 'Gloss: first run or update failed.'));
  });
  // Settings an older Gloss kept on this device only move to sync storage (kept in local too).
  adoptLocalSettings().catch((error) =>
    reportError('sync', error, 'Gloss: could not copy the settings to sync storage.'),
  );
  followSites();
  followToolbar();
  followPacks();
  followAuthoringMenu();
});

import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleInstalled } from '../background/first-run';
import { handleCommand, handleMessage } from '../background/handlers';
import { followPacks } from '../background/pack-cache';
import { followSites } from '../background/registration';
import { followToolbar } from '../background/toolbar';
import { adoptLocalSettings } from '../shared/settings';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener(handleMessage);
  browser.commands.onCommand.addListener(handleCommand);
  browser.runtime.onInstalled.addListener((details) => {
    handleInstalled(details).catch((error) => console.error('Gloss: first run or update failed.', error));
  });
  // Settings an older Gloss kept on this device only move to sync storage (kept in local too).
  adoptLocalSettings().catch((error) => console.error('Gloss: could not copy the settings to sync storage.', error));
  followSites();
  followToolbar();
  followPacks();
});

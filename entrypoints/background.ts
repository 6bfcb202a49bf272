import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleInstalled } from '../utils/background/first-run';
import { handleCommand, handleMessage } from '../utils/background/handlers';
import { followPacks } from '../utils/background/pack-cache';
import { followSites } from '../utils/background/registration';
import { followToolbar } from '../utils/background/toolbar';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener(handleMessage);
  browser.commands.onCommand.addListener(handleCommand);
  browser.runtime.onInstalled.addListener((details) => {
    handleInstalled(details).catch((error) => console.error('Gloss: first run or update failed.', error));
  });
  followSites();
  followToolbar();
  followPacks();
});

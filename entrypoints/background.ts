import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { followAuthoringMenu } from '../background/authoring-menu';
import { handleInstalled } from '../background/first-run';
import { handleCommand, handleMessage } from '../background/handlers';
import { followPacks } from '../background/pack-cache';
import { followSites } from '../background/registration';
import { followToolbar } from '../background/toolbar';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener(handleMessage);
  browser.commands.onCommand.addListener(handleCommand);
  browser.runtime.onInstalled.addListener((details) => {
    handleInstalled(details).catch((error) => console.error('Gloss: first run or update failed.', error));
  });
  followSites();
  followToolbar();
  followPacks();
  followAuthoringMenu();
});

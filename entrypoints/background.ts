import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleCommand, handleMessage } from '../utils/background/handlers';
import { followPacks } from '../utils/background/pack-cache';
import { followSites } from '../utils/background/registration';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener(handleMessage);
  browser.commands.onCommand.addListener(handleCommand);
  followSites();
  followPacks();
});

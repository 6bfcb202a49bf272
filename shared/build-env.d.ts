/** Set by wxt.config.ts (`vite.define`): true in test builds (GLOSS_TEST=1) only. */
declare const __GLOSS_TEST__: boolean;

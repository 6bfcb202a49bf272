/**
 * The keyboard commands, defined once: the manifest's `commands` (wxt.config.ts), the background's
 * handler (background/handlers.ts) and Options' Shortcuts section all read them from here.
 */
export const COMMANDS = {
  toggleSite: { name: 'toggle-site', key: 'Alt+Shift+G', message: 'commandToggleSite' },
  openSidebar: { name: 'open-sidebar', key: 'Alt+Shift+S', message: 'commandOpenSidebar' },
  nextMention: { name: 'next-mention', key: 'Alt+Shift+Period', message: 'commandNextMention' },
  previousMention: { name: 'previous-mention', key: 'Alt+Shift+Comma', message: 'commandPreviousMention' },
  /** The selected text's search in the sidebar; Chrome's Alt+Shift+S does the same where text is selected. */
  lookUp: { name: 'look-up-selection', key: 'Alt+Shift+L', message: 'commandLookUp' },
} as const;

/**
 * Chrome refuses a manifest that suggests keys for more than four commands: the commands after the
 * fourth are declared there without a key (the reader can set one in chrome://extensions/shortcuts).
 */
export const CHROME_MAX_SUGGESTED_KEYS = 4;

/** The message keys of the commands' descriptions (checked against the locales by the type of `t`). */
export type CommandMessage = (typeof COMMANDS)[keyof typeof COMMANDS]['message'];

/** Firefox opens its sidebar only through this built-in command, which replaces `open-sidebar` there. */
export const FIREFOX_SIDEBAR_COMMAND = '_execute_sidebar_action';

/** The command names a build declares, in the order the reader meets them. */
export function commandNames(browser: string): string[] {
  return Object.values(COMMANDS).map((c) =>
    c === COMMANDS.openSidebar && browser === 'firefox' ? FIREFOX_SIDEBAR_COMMAND : c.name,
  );
}

/** The manifest's `commands` for a build. */
export function manifestCommands(
  browser: string,
): Record<string, { suggested_key?: { default: string }; description: string }> {
  const names = commandNames(browser);
  return Object.fromEntries(
    Object.values(COMMANDS).map((c, i) => [
      names[i],
      browser !== 'firefox' && i >= CHROME_MAX_SUGGESTED_KEYS
        ? { description: `__MSG_${c.message}__` }
        : { suggested_key: { default: c.key }, description: `__MSG_${c.message}__` },
    ]),
  );
}

/** Our own words for a command a build declares (its message key), if it is one of ours. */
export function commandMessage(name: string): CommandMessage | undefined {
  if (name === FIREFOX_SIDEBAR_COMMAND) return COMMANDS.openSidebar.message;
  return Object.values(COMMANDS).find((c) => c.name === name)?.message;
}

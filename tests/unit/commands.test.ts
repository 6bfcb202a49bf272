/** The keyboard commands are defined once; each build's manifest, and our words for them, follow. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandMessage, commandNames, COMMANDS, manifestCommands } from '../../core/commands';

const EN = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8'));

describe('commands', () => {
  it('name the same five in both builds, Firefox opening its sidebar through its own command', () => {
    expect(commandNames('chrome')).toEqual([
      'toggle-site',
      'open-sidebar',
      'next-mention',
      'previous-mention',
      'look-up-selection',
    ]);
    expect(commandNames('firefox')).toEqual([
      'toggle-site',
      '_execute_sidebar_action',
      'next-mention',
      'previous-mention',
      'look-up-selection',
    ]);
    expect(manifestCommands('chrome')['open-sidebar']).toEqual({
      suggested_key: { default: 'Alt+Shift+S' },
      description: '__MSG_commandOpenSidebar__',
    });
  });

  it('suggest at most four keys in Chrome (it refuses more), every key in Firefox', () => {
    const keyed = (browser: string) =>
      Object.entries(manifestCommands(browser))
        .filter(([, c]) => c.suggested_key)
        .map(([name]) => name);
    expect(keyed('chrome')).toEqual(['toggle-site', 'open-sidebar', 'next-mention', 'previous-mention']);
    expect(manifestCommands('chrome')['look-up-selection']).toEqual({ description: '__MSG_commandLookUp__' });
    expect(manifestCommands('firefox')['look-up-selection'].suggested_key).toEqual({ default: 'Alt+Shift+L' });
  });

  it('have our words in the locales, under either build’s name', () => {
    for (const command of Object.values(COMMANDS)) expect(EN[command.message], command.name).toBeDefined();
    expect(commandMessage('_execute_sidebar_action')).toBe('commandOpenSidebar');
    expect(commandMessage('somebody-else')).toBeUndefined();
  });
});

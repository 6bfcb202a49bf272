/** The keyboard commands with their current shortcuts, and where to change them. */
import { commandMessage, commandNames } from '../../core/commands';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { t } from '../../shared/i18n';
import { isFirefox } from '../panel/common';

interface Command {
  name: string;
  description: string;
  shortcut: string;
}

/** In the order the reader meets them; both builds' names, since one page serves either browser. */
const ORDER = [...new Set([...commandNames('chrome'), ...commandNames('firefox')])];

export const CHROME_SHORTCUTS_URL = 'chrome://extensions/shortcuts';

export function ShortcutsSection() {
  const [commands, setCommands] = useState<Command[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    browser.commands
      .getAll()
      .then((all) =>
        setCommands(
          all
            .filter((c) => c.name && commandMessage(c.name))
            .sort((a, b) => ORDER.indexOf(a.name!) - ORDER.indexOf(b.name!))
            .map((c) => ({ name: c.name!, description: t(commandMessage(c.name!)!), shortcut: c.shortcut ?? '' })),
        ),
      )
      .catch(() => setCommands([]));
  }, []);

  if (!commands) return <p class="muted">{t('panelLoading')}</p>;

  return (
    <div class="field">
      <ul class="command-list" data-testid="commands">
        {commands.map((c) => (
          <li key={c.name} data-command={c.name}>
            <span>{c.description}</span>
            {c.shortcut ? <kbd>{c.shortcut}</kbd> : <span class="muted">{t('shortcutNotSet')}</span>}
          </li>
        ))}
      </ul>
      {isFirefox() ? (
        <p>{t('shortcutsFirefox')}</p>
      ) : (
        <div class="row">
          <button
            type="button"
            onClick={() => void browser.tabs.create({ url: CHROME_SHORTCUTS_URL }).catch(() => setFailed(true))}
          >
            {t('shortcutsChange')}
          </button>
          <span class="small muted">{t('shortcutsChromeHelp', CHROME_SHORTCUTS_URL)}</span>
        </div>
      )}
      {failed && (
        <p class="error small" role="alert">
          {t('shortcutsOpenFailed', CHROME_SHORTCUTS_URL)}
        </p>
      )}
    </div>
  );
}

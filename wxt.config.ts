import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { manifestCommands } from './core/commands';

// Test builds (GLOSS_TEST=1) expose the extension pages to tabs so E2E tests can open them
// where the real surface (side panel, popup) cannot be driven.
const testBuild = process.env.GLOSS_TEST === '1';

/**
 * What a store reviewer needs to rebuild the extension byte for byte (README, "Rebuilding from the
 * sources zip"), and nothing else: no tests, bench, fixtures, demo or store scripts. An allowlist,
 * so a stray file in the working tree (screenshots, bench results) can never slip in.
 */
export const SOURCES = [
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'wxt.config.ts',
  'README.md',
  'LICENSE',
  'PRIVACY.md',
  'CHANGELOG.md',
  'entrypoints/**',
  'components/**',
  'core/**',
  'page/**',
  'shared/**',
  'background/**',
  'data/**',
  'public/**',
  // The icon's source and its renderer: the PNGs in public/ are its output.
  'assets/**',
  'scripts/icons.ts',
];

export default defineConfig({
  zip: { includeSources: SOURCES },
  // Test builds go elsewhere so they can never be mistaken for the shipped build.
  outDir: testBuild ? '.output/test' : '.output',
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({
    plugins: [preact()],
    // Test builds let the E2E tests call what the browser alone can trigger (a context-menu click).
    define: { __GLOSS_TEST__: JSON.stringify(testBuild) },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // contextMenus: "Look up “…” in Gloss" on a selection (background/lookup-menu.ts), and "Quote in
    // a pack…" while authoring is on (background/authoring-menu.ts); alarms: the end of a pause.
    permissions: ['storage', 'scripting', 'contextMenus', 'alarms', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    // `icons` comes from public/icon/; the toolbar's default icon is set in popup/index.html, and the
    // background dims it per tab where Gloss is off (background/toolbar.ts).
    action: { default_title: '__MSG_extName__' },
    // sidePanel.open() (the card's and the popup's "open the sidebar") arrived in Chrome 116; the
    // rest came earlier (README, "Supported browsers").
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: '116' }),
    commands: manifestCommands(browser),
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; base-uri 'none'; form-action 'none'",
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              // Permanent: AMO ties every later upload to the id of the first one.
              id: '{9d7ebe38-9a60-49f3-bbfa-f7f472008bbe}',
              // 140 (the ESR) is the first with the CSS Custom Highlight API, which marks every
              // mention, and with the data consent key below.
              strict_min_version: '140.0',
              // Firefox's data consent: Gloss collects and transmits nothing.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
    ...(testBuild
      ? {
          web_accessible_resources:
            browser === 'firefox'
              ? ['sidepanel.html', 'popup.html', 'options.html']
              : [{ resources: ['sidepanel.html', 'popup.html', 'options.html'], matches: ['<all_urls>'] }],
        }
      : {}),
  }),
});

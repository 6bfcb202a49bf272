// @ts-check
/**
 * Lint, and the layering of ARCHITECTURE.md as rules: each boundary says why it is there, so a
 * failing import explains itself. `npm run lint` (part of `npm test`) allows no warning.
 */
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

const BROWSER_APIS = ['wxt/browser', 'wxt/utils/*', '@wxt-dev/*', 'webextension-polyfill'];
const layer = (...names) => ({ regex: `(^|/)(${names.join('|')})/` });

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'demo-output/**', 'store/images/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
    rules: {
      // A cycle makes load order matter and hides which module owns what.
      'import-x/no-cycle': 'error',
      'import-x/no-self-import': 'error',
      // Names that start with _ are kept on purpose (destructuring a field away).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
  {
    // Code these files hand to a browser runs against its own `chrome` object, which we do not type.
    files: ['tests/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['data/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              ...layer('core', 'page', 'shared', 'background', 'components', 'entrypoints'),
              message: 'data/ is the pack model: it depends on nothing of ours, so packs are checked in node alone.',
            },
            { group: BROWSER_APIS, message: 'data/ runs in node (packs:check): no browser API.' },
          ],
        },
      ],
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              ...layer('page', 'shared', 'background', 'components', 'entrypoints'),
              message: 'core/ is pure and runs in node: it imports only data/ and core/.',
            },
            { group: BROWSER_APIS, message: 'core/ is pure and runs in node: no browser API (pass what it needs in).' },
          ],
        },
      ],
    },
  },
  {
    files: ['page/**/*.ts', 'page/**/*.tsx'],
    ignores: ['page/card/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'zod',
              message:
                'The content script carries no zod: it stays under 30 KB gzip and validates nothing the background has not.',
            },
          ],
          patterns: [
            {
              ...layer('background', 'components', 'entrypoints'),
              message: 'Page code runs in the page: it reaches the background by message, never by import.',
            },
            {
              regex: '(^|/)(data/(schema|load|check|check-files|references)|shared/packs)$',
              allowTypeImports: true,
              message: 'These modules carry zod: the content script may import their types only (import type).',
            },
            {
              regex: '(^|/)shared/(settings|synced-item|error-log)$',
              allowTypeImports: true,
              message:
                'A storage item reads its value as it is defined, a round trip per item on every page: the content script gets its settings from the background (gloss:page-settings, core/page-settings.ts).',
            },
            {
              group: ['preact', 'preact/*', '@floating-ui/*'],
              message:
                "Preact and floating-ui belong to the card's view (page/card/), injected on the first card only.",
            },
            {
              regex: '(^|/)card/(card-view|HoverCard)$',
              allowTypeImports: true,
              message:
                "The card's view is injected on the first card (entrypoints/card.ts): page code imports its types only.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['page/card/**/*.ts', 'page/card/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod', message: 'The card view is injected into pages: no zod (import types only).' }],
          patterns: [
            {
              ...layer('background', 'components', 'entrypoints'),
              message: 'The card view runs in the page: it reaches the background by message, never by import.',
            },
            {
              regex: '(^|/)(data/(schema|load|check|check-files|references)|shared/packs)$',
              allowTypeImports: true,
              message: 'These modules carry zod: the card view may import their types only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts', 'shared/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              ...layer('page', 'background', 'components', 'entrypoints'),
              message: 'shared/ serves every context: it imports no context-specific code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['background/**/*.ts', 'components/**/*.ts', 'components/**/*.tsx'],
    // The welcome page runs Gloss's page code on its own example paragraph, as a content script would;
    // the pack editor previews a draft's entity in the page's own card view.
    ignores: ['components/welcome/example.ts', 'components/editor/CardPreview.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              ...layer('page'),
              message:
                'Page code runs in the page: the background and extension pages reach it by message (core/messages.ts).',
            },
          ],
        },
      ],
    },
  },
);

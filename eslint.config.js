// One lint setup for the whole workspace. Besides style, it enforces the dependency rule:
// core imports nothing of ours and no platform; adapters import core; surfaces import core
// and adapters; nothing imports a surface.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const platformSdks = ['idb', '@slack/*', '@microsoft/*', 'webextension-polyfill', 'chrome', 'hono', 'hono/*', 'kysely', 'pg', 'better-sqlite3'];
const surfaces = ['@rapport/server', '@rapport/server/*', '@rapport/slack-app', '@rapport/slack-app/*', '@rapport/extension', '@rapport/extension/*', '@rapport/teams-app', '@rapport/teams-app/*'];
const adapters = ['@rapport/sql', '@rapport/sql/*', '@rapport/indexeddb', '@rapport/indexeddb/*', '@rapport/http', '@rapport/http/*'];

const restrict = (message, ...groups) => ({
  'no-restricted-imports': ['error', { patterns: groups.map((group) => ({ group, message })) }],
});

// Built-in module names are matched exactly: as gitignore-style patterns, "events" or "url"
// would also forbid our own folders of the same name (core/src/events/…).
const restrictWithBuiltins = (message, ...groups) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: nodeBuiltins.map((name) => ({ name, message })),
      patterns: groups.map((group) => ({ group, message })),
    },
  ],
});

export default tseslint.config(
  { ignores: ['**/dist/**', 'extension/dist-firefox/**', 'extension/artifacts/**', 'teams-app/artifacts/**', 'teams-app/manifest/**', '**/node_modules/**', '**/*.d.ts', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    files: ['core/src/**/*.ts'],
    ignores: ['core/src/**/*.test.ts'],
    rules: {
      ...restrictWithBuiltins('core is pure domain: no Node built-ins, platform SDKs, adapters or surfaces.', platformSdks, adapters, surfaces, ['@rapport/e2e']),
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'process', 'Buffer', 'require', 'fetch', 'setInterval'],
    },
  },
  {
    files: ['adapters/*/src/**/*.ts'],
    rules: restrict('adapters import core only, never a surface or another adapter.', surfaces, ['@rapport/e2e']),
  },
  {
    files: ['adapters/sql/src/**/*.ts'],
    rules: restrict('adapters import core only, never a surface or another adapter.', surfaces, ['@rapport/indexeddb', '@rapport/indexeddb/*', '@rapport/http', '@rapport/http/*', '@rapport/e2e']),
  },
  {
    files: ['server/src/**/*.ts', 'bench/src/**/*.ts'],
    rules: restrict('nothing imports a surface except the hub that mounts it.', ['@rapport/extension', '@rapport/extension/*', '@rapport/e2e']),
  },
  {
    files: ['slack-app/src/**/*.ts'],
    rules: restrict('the Slack app imports core and adapters, never another surface or the hub.', ['@rapport/server', '@rapport/server/*', '@rapport/extension', '@rapport/extension/*', '@rapport/teams-app', '@rapport/teams-app/*', '@rapport/e2e']),
  },
  {
    // The extension: the browser API only through src/platform, Gmail's page only through src/gmail.
    files: ['extension/src/**/*.ts'],
    ignores: ['extension/src/platform/**'],
    rules: {
      ...restrict('the browser API is wrapped once, in extension/src/platform.', ['webextension-polyfill'], ['@rapport/server', '@rapport/server/*', '@rapport/slack-app', '@rapport/slack-app/*', '@rapport/teams-app', '@rapport/teams-app/*', '@rapport/e2e']),
      'no-restricted-globals': ['error', { name: 'chrome', message: 'Use extension/src/platform.' }, { name: 'browser', message: 'Use extension/src/platform.' }],
    },
  },
  {
    files: ['extension/src/**/*.ts'],
    ignores: ['extension/src/gmail/**'],
    rules: {
      'no-restricted-properties': ['error', ...['querySelector', 'querySelectorAll', 'closest', 'matches', 'getElementsByClassName', 'getElementsByTagName'].map((property) => ({ property, message: 'Gmail selectors live only in extension/src/gmail (the Gmail driver).' }))],
    },
  },
  {
    // Background code runs in a service worker: no window, no document.
    files: ['extension/src/background/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'sessionStorage', { name: 'chrome', message: 'Use extension/src/platform.' }, { name: 'browser', message: 'Use extension/src/platform.' }],
    },
  },
  {
    files: ['extension/scripts/**/*.mjs'],
    rules: { 'no-restricted-syntax': 'off' },
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
  },
  {
    // The Teams tab: teams-js is initialised once, in its host module; components read the
    // HostContext it makes. Nothing in the Teams app imports the hub or another surface.
    files: ['teams-app/src/**/*.{ts,tsx}'],
    ignores: ['teams-app/src/tab/host/teams-host.ts'],
    rules: restrict('only teams-app/src/tab/host/teams-host.ts talks to Teams; components get a HostContext. The Teams app imports core and adapters only.', ['@microsoft/teams-js', '@microsoft/teams-js/*'], ['@rapport/server', '@rapport/server/*', '@rapport/slack-app', '@rapport/slack-app/*', '@rapport/extension', '@rapport/extension/*', '@rapport/e2e']),
  },
  {
    files: ['teams-app/scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
  },
  {
    // Tools that require a default export (configs, vitest's global setup).
    files: ['**/*.config.{js,ts,mjs}', 'scripts/**/*.mjs', 'eslint.config.js', 'test/support/global-setup.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['scripts/**/*.mjs', '**/*.config.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
);

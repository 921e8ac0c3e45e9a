// One lint setup for the whole workspace. Besides style, it enforces the dependency rule:
// core imports nothing of ours and no platform; adapters import core only, never each other;
// surfaces import core and adapters (the browser ones never the SQL store); nothing imports a
// surface but the hub that mounts it. And no source file grows past 400 lines.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
/** A package name and every entry below it (`@rapport/core`, `@rapport/core/testing`). */
const withEntries = (...names) => names.flatMap((name) => [name, `${name}/*`]);

/** Every package under adapters/, read from disk: a new adapter falls under the adapter rules as soon as it exists. */
const adapterPackages = readdirSync(here('./adapters/'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(here(`./adapters/${entry.name}/package.json`)))
  .map((entry) => ({ folder: `adapters/${entry.name}`, name: JSON.parse(readFileSync(here(`./adapters/${entry.name}/package.json`), 'utf8')).name }));

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const platformSdks = ['idb', '@slack/*', '@microsoft/*', 'webextension-polyfill', 'chrome', 'hono', 'hono/*', 'kysely', 'pg', 'better-sqlite3'];
const ourPackages = ['@rapport/*'];
const sqlStore = withEntries('@rapport/sql');
const e2e = withEntries('@rapport/e2e');
const hub = withEntries('@rapport/server');
const slackApp = withEntries('@rapport/slack-app');
const extension = withEntries('@rapport/extension');
const teamsApp = withEntries('@rapport/teams-app');

/** `no-restricted-imports` from [message, patterns] pairs. One config object sets it per file: a later object replaces, never adds to, an earlier one's list. */
const forbid = (...rules) => ({
  'no-restricted-imports': ['error', { patterns: rules.map(([message, group]) => ({ group, message })) }],
});

// Built-in module names are matched exactly: as gitignore-style patterns, "events" or "url"
// would also forbid our own folders of the same name (core/src/events/…).
const forbidWithBuiltins = (builtinsMessage, ...rules) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: nodeBuiltins.map((name) => ({ name, message: builtinsMessage })),
      patterns: rules.map(([message, group]) => ({ group, message })),
    },
  ],
});

const noDefaultExport = { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' };
/**
 * `import('…')` of our packages whose names match `names` (a regex source), unless they match
 * `except`. `no-restricted-imports` sees static imports only, and loading a package on demand
 * (as the hub loads the SQL store) is an import all the same. A selector's regex cannot hold a
 * slash, hence \u002F.
 */
const noDynamicImport = (message, names, except) => ({
  'no-restricted-syntax': [
    'error',
    noDefaultExport,
    { selector: `ImportExpression[source.value=/^@rapport\\u002F(${names})(\\u002F|$)/]${except ? `:not([source.value=/^@rapport\\u002F(${except})(\\u002F|$)/])` : ''}`, message },
  ],
});

const tests = ['**/*.test.ts', '**/*.test.tsx'];
const coreRule = ['core is pure domain: it imports no package of ours (no adapter, no surface) and no platform SDK.', [...ourPackages, ...platformSdks]];
const extensionRule = ['the extension imports core and adapters, never another surface or the hub.', [...hub, ...slackApp, ...teamsApp, ...e2e]];
const teamsRule = ['the Teams app imports core and adapters, never another surface or the hub.', [...hub, ...slackApp, ...extension, ...e2e]];
const browserNoSql = ['the SQL store (@rapport/sql) runs on Node only: the extension and the Teams tab reach data through @rapport/http or @rapport/indexeddb.', sqlStore];

export default tseslint.config(
  { ignores: ['**/dist/**', 'extension/dist-firefox/**', 'extension/artifacts/**', 'teams-app/artifacts/**', 'teams-app/manifest/**', '**/node_modules/**', '**/*.d.ts', 'data/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', noDefaultExport],
    },
  },
  {
    files: ['core/src/**/*.ts'],
    ignores: tests,
    rules: {
      ...forbidWithBuiltins('core is pure domain: no Node built-ins.', coreRule),
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'sessionStorage', 'navigator', 'process', 'Buffer', 'require', 'fetch', 'setInterval'],
    },
  },
  {
    // Core's own tests may use Node, but no adapter or surface either: the Store contract
    // suite runs against the real stores from the adapters' tests.
    files: tests.map((pattern) => `core/src/${pattern}`),
    rules: forbid(coreRule),
  },
  // Each adapter imports core (and its own entries) only: never another adapter, a surface or
  // the end-to-end tests.
  ...adapterPackages.map((adapter) => ({
    files: [`${adapter.folder}/src/**/*.{ts,tsx}`],
    rules: forbid([
      `${adapter.name} is an adapter: it imports @rapport/core only, never another adapter, a surface or the end-to-end tests.`,
      [...ourPackages, '!@rapport/core', '!@rapport/core/*', `!${adapter.name}`, `!${adapter.name}/*`],
    ]),
  })),
  {
    files: ['server/src/**/*.ts', 'bench/src/**/*.ts'],
    rules: forbid(['nothing imports a surface except the hub that mounts it.', [...extension, ...e2e]]),
  },
  {
    files: ['slack-app/src/**/*.ts'],
    rules: forbid(['the Slack app imports core and adapters, never another surface or the hub.', [...hub, ...extension, ...teamsApp, ...e2e]]),
  },
  {
    files: ['extension/src/**/*.ts'],
    rules: forbid(browserNoSql, extensionRule),
  },
  {
    // The extension: the browser API only through src/platform, Gmail's page only through src/gmail.
    files: ['extension/src/**/*.ts'],
    ignores: ['extension/src/platform/**'],
    rules: {
      ...forbid(browserNoSql, extensionRule, ['the browser API is wrapped once, in extension/src/platform.', ['webextension-polyfill']]),
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
    files: ['teams-app/src/**/*.{ts,tsx}'],
    rules: forbid(browserNoSql, teamsRule),
  },
  {
    // The Teams tab: teams-js is initialised once, in its host module; components read the
    // HostContext it makes.
    files: ['teams-app/src/**/*.{ts,tsx}'],
    ignores: ['teams-app/src/tab/host/teams-host.ts'],
    rules: forbid(browserNoSql, teamsRule, ['only teams-app/src/tab/host/teams-host.ts talks to Teams; components get a HostContext.', withEntries('@microsoft/teams-js')]),
  },
  {
    files: ['teams-app/scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' } },
  },
  // The same rules for imports made at run time.
  { files: ['core/src/**/*.ts'], rules: noDynamicImport(coreRule[0], '.*') },
  ...adapterPackages.map((adapter) => ({
    files: [`${adapter.folder}/src/**/*.{ts,tsx}`],
    rules: noDynamicImport(`${adapter.name} is an adapter: it imports @rapport/core only.`, '.*', ['core', adapter.name.replace(/^@rapport\//, '')].join('|')),
  })),
  { files: ['extension/src/**/*.ts', 'teams-app/src/**/*.{ts,tsx}'], rules: noDynamicImport(browserNoSql[0], 'sql') },
  {
    // Test support that is not a package's public testing entry is named *.fixture.ts and left
    // out of the build (see each tsconfig.json), so only tests and other fixtures may import it.
    files: ['**/*.{ts,tsx}'],
    ignores: [...tests, '**/*.fixture.{ts,tsx}'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [{ group: ['**/*.fixture', '**/*.fixture.js'], message: 'a fixture is test support, left out of the build: only tests import it.' }] }] },
  },
  {
    // A file longer than this is more than one reader's sitting; split it by role. Tests,
    // fixtures and generated files aside. Every line counts, as in the editor.
    files: ['**/*.{js,mjs,cjs,ts,tsx}'],
    ignores: [...tests, '**/fixtures/**', '**/*.fixture.{ts,tsx}', '**/*.generated.{js,ts,tsx}'],
    rules: { 'max-lines': ['error', { max: 400, skipBlankLines: false, skipComments: false }] },
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
  {
    files: ['server/scripts/**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', performance: 'readonly' } },
  },
);

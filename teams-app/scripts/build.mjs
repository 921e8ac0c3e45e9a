// Builds the tab into dist/tab: index.html (kept unhashed: the hub serves it uncached, with its
// settings and CSP) and assets/ named by content hash (the hub caches them for a year).
// Workspace packages build from their TypeScript sources.
// With --if-changed (what `pnpm start` uses) nothing is built when dist/tab/index.html is newer
// than every file it is built from: the tab's sources, the workspace packages it imports, this
// script, the package manifests and the lockfile.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { upToDate } from '../../scripts/up-to-date.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const workspace = join(root, '..');
const output = join(root, 'dist/tab/index.html');
const sources = [
  join(root, 'src'),
  join(root, 'scripts'),
  join(root, 'package.json'),
  join(workspace, 'core/src'),
  join(workspace, 'core/package.json'),
  join(workspace, 'adapters/http/src'),
  join(workspace, 'adapters/http/package.json'),
  join(workspace, 'scripts/up-to-date.mjs'),
  join(workspace, 'pnpm-lock.yaml'),
];

if (process.argv.includes('--if-changed') && upToDate(output, sources)) {
  console.log(`The Teams tab in ${join(root, 'dist/tab')} is up to date`);
  process.exit(0);
}

const { build } = await import('vite');

await build({
  configFile: false,
  root: join(root, 'src/tab'),
  base: './',
  logLevel: 'warn',
  resolve: { conditions: ['@rapport/source', 'module', 'browser', 'production'] },
  define: { 'process.env.NODE_ENV': '"production"' },
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: join(root, 'dist/tab'),
    emptyOutDir: true,
    target: ['chrome116', 'edge116', 'firefox128', 'safari16'],
    minify: true,
    sourcemap: false,
    reportCompressedSize: false,
    modulePreload: { polyfill: false },
    assetsDir: 'assets',
  },
});
console.log(`Built the Teams tab in ${join(root, 'dist/tab')}`);

// Builds the tab into dist/tab: index.html (kept unhashed: the hub serves it uncached, with its
// settings and CSP) and assets/ named by content hash (the hub caches them for a year).
// Workspace packages build from their TypeScript sources.
// With --if-changed (what `pnpm start` uses) nothing is built when dist/tab/index.html is newer
// than every file it is built from: the tab's sources, the workspace packages it imports, this
// script, the package manifests and the lockfile.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
  join(workspace, 'pnpm-lock.yaml'),
];

/** The latest modification time under `path` (a file or a folder), 0 when it does not exist. */
function newest(path) {
  let stats;
  try {
    stats = statSync(path);
  } catch {
    return 0;
  }
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, newest(join(path, name))), stats.mtimeMs);
}

if (process.argv.includes('--if-changed')) {
  const built = newest(output);
  if (built > 0 && sources.every((source) => newest(source) < built)) {
    console.log(`The Teams tab in ${join(root, 'dist/tab')} is up to date`);
    process.exit(0);
  }
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

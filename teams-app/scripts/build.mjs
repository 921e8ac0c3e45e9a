// Builds the tab into dist/tab: index.html (kept unhashed: the hub serves it uncached, with its
// settings and CSP) and assets/ named by content hash (the hub caches them for a year).
// Workspace packages build from their TypeScript sources.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

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

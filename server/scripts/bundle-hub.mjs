// Bundles the hub for `pnpm start` and `pnpm rapport`: the `rapport` CLI and every workspace
// package it imports, from their TypeScript sources, into dist/start/ with rolldown (a second or
// two, where `tsc -b server` takes half a minute from nothing). Nothing is type checked here:
// `pnpm typecheck`, `pnpm build` and `pnpm test` still run tsc. Packages from node_modules stay
// outside the bundle, imported from where this checkout installed them, so native modules
// (better-sqlite3) and lazily loaded drivers work as they do in the tsc build.
// With --if-changed nothing is built when dist/start/rapport.js is newer than every file it is
// built from: the workspace packages' sources and manifests, this script and the lockfile.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { upToDate } from '../../scripts/up-to-date.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const workspace = join(root, '..');
const outDir = join(root, 'dist/start');
const output = join(outDir, 'rapport.js');
const PACKAGES = ['core', 'adapters/sql', 'adapters/http', 'slack-app', 'teams-app', 'server'];
const sources = [
  ...PACKAGES.flatMap((dir) => [join(workspace, dir, 'src'), join(workspace, dir, 'package.json')]),
  join(root, 'scripts'),
  join(workspace, 'scripts/up-to-date.mjs'),
  join(workspace, 'pnpm-lock.yaml'),
];

if (process.argv.includes('--if-changed') && upToDate(output, sources)) process.exit(0);

const began = performance.now();
const { rolldown } = await import('rolldown');

/** Workspace packages are bundled; anything else is imported from the file it resolves to now. */
const externals = {
  name: 'rapport-externals',
  async resolveId(source, importer, options) {
    if (source.startsWith('.') || source.startsWith('/') || source.startsWith('@rapport/') || source.startsWith('\0') || importer === undefined) return null;
    if (source.startsWith('node:')) return { id: source, external: true };
    const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
    if (!resolved) return null;
    if (resolved.external) return resolved;
    return { id: resolved.id, external: true };
  },
};

/** Code that finds files next to itself (its package.json, the Teams tab) still looks beside its own source. */
const ownLocation = {
  name: 'rapport-own-location',
  transform(code, id) {
    if (!code.includes('import.meta.url')) return null;
    return { code: code.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(id).href)) };
  },
};

const bundle = await rolldown({
  input: { rapport: join(root, 'src/bin/rapport.ts') },
  platform: 'node',
  logLevel: 'warn',
  resolve: { conditionNames: ['@rapport/source', 'node', 'import', 'default'], extensionAlias: { '.js': ['.ts', '.tsx', '.js'] } },
  plugins: [externals, ownLocation],
});
await bundle.write({ dir: outDir, format: 'esm', entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', cleanDir: true });
await bundle.close();
console.log(`Built the hub in ${outDir} (${Math.round(performance.now() - began)} ms)`);

// Builds the extension into dist/ (Chrome) or dist-firefox/ (Firefox, with --firefox).
// Every script is one classic IIFE file with no imports: content scripts cannot be modules,
// and one file per page keeps the worker's start-up simple.
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { iconPng } from './icons.mjs';
import { manifest } from './manifest.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const firefox = process.argv.includes('--firefox');
const outDir = join(root, firefox ? 'dist-firefox' : 'dist');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

const entries = {
  content: 'src/content/main.ts',
  background: 'src/background/main.ts',
  popup: 'src/popup/popup.ts',
  options: 'src/options/options.ts',
};

rmSync(outDir, { recursive: true, force: true });
mkdirSync(join(outDir, 'icons'), { recursive: true });

for (const [name, entry] of Object.entries(entries)) {
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    // Workspace packages build from their TypeScript sources.
    resolve: { conditions: ['@rapport/source', 'module', 'browser', 'production'] },
    define: { 'process.env.NODE_ENV': '"production"' },
    build: {
      outDir,
      emptyOutDir: false,
      target: firefox ? 'firefox128' : 'chrome116',
      minify: true,
      sourcemap: false,
      reportCompressedSize: false,
      lib: { entry: join(root, entry), formats: ['iife'], name: `rapport_${name}`, fileName: () => `${name}.js` },
    },
  });
}

for (const page of ['popup/popup.html', 'options/options.html']) copyFileSync(join(root, 'src', page), join(outDir, page.split('/')[1]));
copyFileSync(join(root, 'src/shared/page.css'), join(outDir, 'page.css'));
for (const size of [16, 32, 48, 128]) writeFileSync(join(outDir, `icons/icon-${size}.png`), iconPng(size));
writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest({ version, firefox }), null, 2)}\n`);
console.log(`Built ${firefox ? 'Firefox' : 'Chrome'} extension in ${outDir}`);

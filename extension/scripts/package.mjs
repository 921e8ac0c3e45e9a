// Zips dist/ and dist-firefox/ into artifacts/: one file for the Chrome Web Store, one for Firefox.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const files = (dir) => readdirSync(dir).flatMap((name) => (statSync(join(dir, name)).isDirectory() ? files(join(dir, name)) : [join(dir, name)]));

mkdirSync(join(root, 'artifacts'), { recursive: true });
for (const [dir, target] of [['dist', `rapport-chrome-${version}.zip`], ['dist-firefox', `rapport-firefox-${version}.zip`]]) {
  const base = join(root, dir);
  const entries = Object.fromEntries(files(base).map((file) => [relative(base, file).split('\\').join('/'), readFileSync(file)]));
  writeFileSync(join(root, 'artifacts', target), zipSync(entries, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') }));
  console.log(`artifacts/${target}: ${Object.keys(entries).length} files`);
}

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** This package's folder, found from wherever this file runs (its sources or its build). */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === '@rapport/teams-app') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('@rapport/teams-app: package.json not found above this file.');
    dir = parent;
  }
}

/** Where `pnpm --filter @rapport/teams-app build` puts the tab: index.html and assets/. */
export const teamsTabDir = (): string => join(packageRoot(), 'dist', 'tab');

/** Whether the tab has been built (the hub says so at start when it has not). */
export const teamsTabBuilt = (): boolean => existsSync(join(teamsTabDir(), 'index.html'));

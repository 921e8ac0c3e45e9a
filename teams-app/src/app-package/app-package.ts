import { zipSync } from 'fflate';
import { colorIcon, outlineIcon } from './icons.js';
import { teamsManifest, type TeamsAppSettings } from './manifest.js';

/** The files of the app package, by name: the manifest and its two icons. */
export function appPackageFiles(settings: TeamsAppSettings): Record<string, Uint8Array> {
  return {
    'manifest.json': new TextEncoder().encode(`${JSON.stringify(teamsManifest(settings), null, 2)}\n`),
    'color.png': colorIcon(),
    'outline.png': outlineIcon(),
  };
}

/** The zip an admin uploads to Teams: the three files at its root, with fixed times so the same settings give the same bytes. */
export function appPackage(settings: TeamsAppSettings): Uint8Array {
  return zipSync(appPackageFiles(settings), { level: 9, mtime: new Date('2026-01-01T00:00:00Z') });
}

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as draft04 from 'ajv-draft-04';
import type * as formats from 'ajv-formats';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { appPackage, manifestProblems, MANIFEST_VERSION, teamsManifest, type TeamsAppSettings } from '../index.js';

// Both are CommonJS modules whose export is the function itself.
const require = createRequire(import.meta.url);
const Ajv = require('ajv-draft-04') as typeof draft04.default.default;
const addFormats = require('ajv-formats') as typeof formats.default.default;

const SETTINGS: TeamsAppSettings = { appId: '3F1E0C7A-5B2D-4C8E-9A61-0D4B7E2F9C15', appIdUri: 'api://crm.example.com/3f1e0c7a-5b2d-4c8e-9a61-0d4b7e2f9c15', hubUrl: 'https://crm.example.com/', version: '1.2.0' };

/** The official schema of the manifest version we write, as shipped in @microsoft/app-manifest. */
function officialSchema(): object {
  const root = dirname(require.resolve('@microsoft/app-manifest/package.json'));
  return JSON.parse(readFileSync(join(root, 'build/json-schemas/teams', `v${MANIFEST_VERSION}`, 'MicrosoftTeams.schema.json'), 'utf8')) as object;
}

const pngSize = (png: Uint8Array): [number, number] => {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return [view.getUint32(16), view.getUint32(20)];
};

describe('Teams app manifest and package', () => {
  it('is valid against the official Teams manifest schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(officialSchema());
    const valid = validate(teamsManifest(SETTINGS));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The schema does bite: an unknown field or a bad id is refused.
    expect(validate({ ...teamsManifest(SETTINGS), tabs: [] })).toBe(false);
    expect(validate({ ...teamsManifest(SETTINGS), id: 'rapport' })).toBe(false);
  });

  it('points the personal tab, the channel tab\'s configuration and single sign-on at the hub', () => {
    const manifest = teamsManifest(SETTINGS) as Record<string, never>;
    expect(manifest).toMatchObject({
      id: '3f1e0c7a-5b2d-4c8e-9a61-0d4b7e2f9c15',
      version: '1.2.0',
      staticTabs: [{ entityId: 'pipeline', contentUrl: 'https://crm.example.com/teams/?view=personal', scopes: ['personal'] }, { entityId: 'about' }],
      configurableTabs: [{ configurationUrl: 'https://crm.example.com/teams/?view=config', scopes: ['team', 'groupChat'] }],
      validDomains: ['crm.example.com'],
      webApplicationInfo: { id: '3f1e0c7a-5b2d-4c8e-9a61-0d4b7e2f9c15', resource: SETTINGS.appIdUri },
    });
  });

  it('zips the manifest and both icons at the root, at the sizes Teams asks for', () => {
    const files = unzipSync(appPackage(SETTINGS));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    expect(pngSize(files['color.png'] as Uint8Array)).toEqual([192, 192]);
    expect(pngSize(files['outline.png'] as Uint8Array)).toEqual([32, 32]);
    expect(JSON.parse(new TextDecoder().decode(files['manifest.json']))).toEqual(teamsManifest(SETTINGS));
  });

  it('says which setting is missing or wrong instead of writing a package Teams would refuse', () => {
    expect(manifestProblems(SETTINGS)).toEqual([]);
    expect(manifestProblems({ ...SETTINGS, appId: 'my-app' }).join('\n')).toContain('TEAMS_APP_ID');
    expect(manifestProblems({ ...SETTINGS, hubUrl: 'http://localhost:4400' }).join('\n')).toContain('https only');
    expect(manifestProblems({ ...SETTINGS, appIdUri: '' }).join('\n')).toContain('TEAMS_APP_ID_URI');
  });
});

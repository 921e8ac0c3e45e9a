// Writes the Teams app package an admin uploads: manifest/manifest.json and its two icons, and
// artifacts/rapport-teams-<version>.zip holding the three. Made from the hub's settings, read
// from the environment and from .env (in the folder the command was started from, then the
// repository's root): TEAMS_APP_ID, TEAMS_APP_ID_URI, RAPPORT_PUBLIC_URL, and TEAMS_APP_VERSION.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appPackage, appPackageFiles, manifestProblems } from '../dist/lib/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
for (const dir of [process.env.INIT_CWD, process.cwd(), join(root, '..')]) {
  const file = dir ? resolve(dir, '.env') : null;
  if (file && existsSync(file)) process.loadEnvFile(file);
}

const env = process.env;
const { version: packageVersion } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const port = env.PORT?.trim() || '4400';
const hubUrl = (env.RAPPORT_PUBLIC_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/, '');
const appId = env.TEAMS_APP_ID?.trim().toLowerCase() || '';
let host = '';
try {
  host = new URL(hubUrl).host;
} catch {
  // manifestProblems says what is wrong with the address.
}
const settings = { appId, appIdUri: env.TEAMS_APP_ID_URI?.trim() || (appId && host ? `api://${host}/${appId}` : ''), hubUrl, version: env.TEAMS_APP_VERSION?.trim() || packageVersion };

const problems = manifestProblems(settings);
if (problems.length > 0) {
  console.error('The Teams app package needs these settings (environment or .env):');
  for (const problem of problems) console.error(`  ${problem}`);
  console.error('See teams-app/README.md, "Set it up in Entra and Teams".');
  process.exit(1);
}

mkdirSync(join(root, 'manifest'), { recursive: true });
for (const [name, bytes] of Object.entries(appPackageFiles(settings))) writeFileSync(join(root, 'manifest', name), bytes);
mkdirSync(join(root, 'artifacts'), { recursive: true });
const zip = join(root, 'artifacts', `rapport-teams-${settings.version}.zip`);
writeFileSync(zip, appPackage(settings));
console.log(`teams-app/manifest/manifest.json: app ${settings.appId}, tab at ${hubUrl}/teams/, single sign-on for ${settings.appIdUri}`);
console.log(`${zip}: upload it in Teams (Apps → Manage your apps → Upload an app) or in the Teams admin center.`);

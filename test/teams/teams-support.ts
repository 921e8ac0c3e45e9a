import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHub, readConfig, silentLogger, type Hub } from '@rapport/server';
import { seedDemo, startEntraStandIn, type DemoSeedResult, type EntraStandIn } from '@rapport/server/testing';
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { freshDatabase, type TestDatabaseHandle } from '../support/databases.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const TAB_DIR = join(repo, 'teams-app/dist/tab');
export const SHOTS = join(repo, 'test-results/teams');
export const APP_ID = '3f1e0c7a-5b2d-4c8e-9a61-0d4b7e2f9c15';

const newest = (dir: string): number =>
  Math.max(...readdirSync(dir).map((name) => (statSync(join(dir, name)).isDirectory() ? newest(join(dir, name)) : statSync(join(dir, name)).mtimeMs)));

/** Builds the tab unless dist/tab is newer than every source file: the tests load the built tab from the hub. */
export function ensureTabBuilt(): void {
  const index = join(TAB_DIR, 'index.html');
  if (existsSync(index) && statSync(index).mtimeMs > Math.max(newest(join(repo, 'teams-app/src/tab')), newest(join(repo, 'teams-app/scripts')))) return;
  const built = spawnSync(process.execPath, [join(repo, 'teams-app/scripts/build.mjs')], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('The Teams tab did not build.');
}

export type DemoUser = DemoSeedResult['users'][number];

/** A hub on SQLite with the demo company (the small one), Teams sign-on against a local Entra stand-in, listening on a free port. */
export interface TeamsHub {
  hub: Hub;
  url: string;
  entra: EntraStandIn;
  demo: DemoSeedResult;
  /** A demo person by role and team: `manager:Enterprise`, `rep:Mid-Market`, `admin`. */
  person(key: string): DemoUser;
  /** A Teams single sign-on token for this email (as Teams hands the tab), with claims to override. */
  ssoToken(email: string, claims?: Record<string, unknown>): Promise<string>;
  api<T>(user: DemoUser, path: string, init?: { method?: string; body?: unknown; headers?: Record<string, string> }): Promise<T>;
  close(): Promise<void>;
}

export async function startTeamsHub(): Promise<TeamsHub> {
  ensureTabBuilt();
  mkdirSync(SHOTS, { recursive: true });
  const entra = await startEntraStandIn();
  const database: TestDatabaseHandle = await freshDatabase('sqlite');
  const store = await database.open();
  const demo = await seedDemo({ store, now: new Date() }, { size: 'small' });
  const config = readConfig({ RAPPORT_SCHEDULER: '0', PORT: '0', HOST: '127.0.0.1', RAPPORT_DATA_DIR: database.dataDir, TEAMS_APP_ID: APP_ID, TEAMS_TENANT_ID: entra.tenantId, TEAMS_APP_ID_URI: `api://127.0.0.1/${APP_ID}`, TEAMS_OPENID_CONFIG_URL: entra.openIdConfigUrl });
  const hub = await createHub({ config, store, logger: silentLogger });
  const { url } = await hub.listen();
  const person = (key: string): DemoUser => {
    const [role, team] = key.split(':');
    const found = demo.users.find((u) => u.role === role && (team === undefined || u.team === team));
    if (!found) throw new Error(`No demo ${key}`);
    return found;
  };
  return {
    hub,
    url,
    entra,
    demo,
    person,
    ssoToken: (email, claims = {}) => entra.token({ aud: `api://127.0.0.1/${APP_ID}`, oid: `00000000-0000-4000-8000-${email.length.toString().padStart(12, '0')}`, preferred_username: email, name: email, ...claims }),
    api: async <T>(user: DemoUser, path: string, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
      const response = await fetch(`${url}${path}`, {
        method: init.method ?? 'GET',
        headers: { authorization: `Bearer ${user.token}`, ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers },
        ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      });
      if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${response.status} ${await response.text()}`);
      return (response.status === 204 ? undefined : await response.json()) as T;
    },
    close: async () => {
      await hub.close();
      await entra.close();
      await database.drop();
    },
  };
}

/**
 * Debian's Chromium, headless. Microsoft's CDN (teams-js reads its list of host origins there)
 * is not reachable: the test answers it with a refusal, and teams-js uses its built-in list.
 * Local network access checks are off: in the test, a page served as teams.microsoft.com frames
 * a hub on this machine's loopback address, which Chromium would otherwise hold for a
 * permission prompt (a real hub is at a public https address).
 */
export async function launchBrowser(): Promise<{ browser: Browser; context(options?: { colorScheme?: 'light' | 'dark'; locale?: string }): Promise<BrowserContext> }> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-features=LocalNetworkAccessChecks'] });
  return {
    browser,
    context: async (options = {}) => {
      const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, colorScheme: options.colorScheme ?? 'light', locale: options.locale ?? 'en-US' });
      await context.route('https://res.cdn.office.net/**', (route) => route.abort('internetdisconnected'));
      return context;
    },
  };
}

/** The frame the tab runs in, inside a Teams host page. */
export async function tabFrame(page: Page): Promise<Frame> {
  for (let i = 0; i < 100; i += 1) {
    const frame = page.frames().find((f) => f.url().includes('/teams/'));
    if (frame) return frame;
    await page.waitForTimeout(100);
  }
  throw new Error('The tab frame never appeared');
}

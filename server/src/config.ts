import { existsSync } from 'node:fs';
import { availableParallelism, hostname } from 'node:os';
import { resolve } from 'node:path';
import { CrmError } from '@rapport/core';
import { MAIL_SETTINGS, readMailConfig, type MailConfig } from './mail/mail-config.js';

/** Every setting of the hub, read from the environment (and `.env` in the working folder). */
export interface HubConfig {
  /** Where the embedded database and other local files live. RAPPORT_DATA_DIR, default ./data */
  dataDir: string;
  /** postgres://… switches to PostgreSQL; unset means SQLite in the data folder. DATABASE_URL */
  databaseUrl: string | null;
  host: string;
  port: number;
  /** The address people and platforms reach this hub at. RAPPORT_PUBLIC_URL */
  publicUrl: string;
  /** Seed the demo company into an empty database at start. RAPPORT_DEMO, default on */
  demo: boolean;
  logLevel: LogLevel;
  scheduler: { enabled: boolean; intervalMs: number };
  /** This hub's name in work leases. RAPPORT_HUB_ID, default host-pid */
  hubId: string;
  /** How many processes serve the embedded hub's port (`rapport serve`). RAPPORT_WORKERS, default the number of cores */
  workers: number;
  /** SLACK_APP_TOKEN (xapp-…) switches the Slack app to Socket Mode, for development without a public URL. */
  slack: { signingSecret: string; botToken: string; apiUrl: string | null; appToken: string | null } | null;
  /** The Teams tab and its single sign-on. */
  teams: TeamsConfig;
  /** Failed sign-ins one client address may make per window before 429. RAPPORT_AUTH_FAILURE_LIMIT (20; 0 = no limit), RAPPORT_AUTH_FAILURE_WINDOW_S (60) */
  authFailures: { limit: number; windowMs: number };
  /** The mail listener for logging addresses (see mail/mail-config.ts). */
  mail: MailConfig;
}

/**
 * The Teams app: its Entra application (client) id, which is also the Teams app's id in the
 * manifest; the Application ID URI tokens are issued for; the tenant whose people may sign in;
 * and where that tenant's OpenID configuration (issuer, signing keys) is read from. Single
 * sign-on is on when the app id and the tenant are set.
 */
export interface TeamsConfig {
  /** TEAMS_APP_ID */
  appId: string | null;
  /** TEAMS_APP_ID_URI, default api://<public host>/<app id> */
  appIdUri: string | null;
  /** TEAMS_TENANT_ID */
  tenantId: string | null;
  /** TEAMS_OPENID_CONFIG_URL, default Microsoft's v2.0 configuration of the tenant */
  openIdConfigUrl: string | null;
}

/** Whether the hub accepts Teams single sign-on tokens. */
export const teamsSsoOn = (teams: TeamsConfig): teams is TeamsConfig & { appId: string; appIdUri: string; tenantId: string; openIdConfigUrl: string } =>
  teams.appId !== null && teams.appIdUri !== null && teams.tenantId !== null && teams.openIdConfigUrl !== null;

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** The settings, their defaults and what they do: printed by `rapport --help` and kept in the README. */
export const SETTINGS: ReadonlyArray<{ name: string; default: string; description: string }> = [
  { name: 'RAPPORT_DATA_DIR', default: './data', description: 'Folder for the embedded SQLite database (rapport.db) and the demo tokens.' },
  { name: 'DATABASE_URL', default: '(unset: SQLite)', description: 'A postgres:// URL runs the hub on PostgreSQL instead; sqlite:<file> picks another SQLite file.' },
  { name: 'HOST', default: '127.0.0.1', description: 'Interface to listen on; 0.0.0.0 to serve your network.' },
  { name: 'PORT', default: '4400', description: 'HTTP port.' },
  { name: 'RAPPORT_PUBLIC_URL', default: 'http://localhost:<PORT>', description: 'Address users and Slack/Teams reach the hub at (links, manifests).' },
  { name: 'RAPPORT_DEMO', default: '1', description: 'Seed the demo company on first start with an empty database; 0 starts empty.' },
  { name: 'RAPPORT_LOG_LEVEL', default: 'info', description: 'debug, info, warn or error.' },
  { name: 'RAPPORT_SCHEDULER', default: '1', description: 'Deliver due reminders from this hub; 0 turns the scheduler off.' },
  { name: 'RAPPORT_SCHEDULER_INTERVAL_MS', default: '15000', description: 'How often the scheduler looks for due reminders.' },
  { name: 'RAPPORT_AUTH_FAILURE_LIMIT', default: '20', description: 'Failed sign-ins (bad or expired tokens) one client address may make per window; past it they are answered 429 with Retry-After, while valid tokens still get in. 0 turns the limit off.' },
  { name: 'RAPPORT_AUTH_FAILURE_WINDOW_S', default: '60', description: 'The window of RAPPORT_AUTH_FAILURE_LIMIT, in seconds.' },
  { name: 'RAPPORT_WORKERS', default: '<number of cores>', description: 'Processes serving the port of `rapport serve`, sharing the database; the scheduler runs in one of them. 1 runs a single process.' },
  { name: 'RAPPORT_HUB_ID', default: '<host>-<pid>', description: 'Name of this hub in work leases when several hubs share a database.' },
  { name: 'SLACK_SIGNING_SECRET', default: '(unset: Slack off)', description: 'Slack app signing secret; with SLACK_BOT_TOKEN turns the Slack app on.' },
  { name: 'SLACK_BOT_TOKEN', default: '(unset: Slack off)', description: 'Slack bot token (xoxb-…).' },
  { name: 'SLACK_APP_TOKEN', default: '(unset: HTTP events)', description: 'An app-level token (xapp-…) switches the Slack app to Socket Mode, for development without a public URL.' },
  { name: 'SLACK_API_URL', default: 'https://slack.com/api/', description: 'Slack Web API base URL (a stand-in for tests).' },
  { name: 'TEAMS_APP_ID', default: '(unset: Teams sign-on off)', description: 'The Entra application (client) ID of the Teams app, also its id in the Teams manifest; with TEAMS_TENANT_ID turns Teams single sign-on on.' },
  { name: 'TEAMS_TENANT_ID', default: '(unset: Teams sign-on off)', description: 'The Entra tenant (directory) ID whose people sign in to the Teams tab; tokens of other tenants are refused.' },
  { name: 'TEAMS_APP_ID_URI', default: 'api://<public host>/<TEAMS_APP_ID>', description: 'The Application ID URI set in Entra under "Expose an API": the audience of the tab\'s tokens.' },
  { name: 'TEAMS_OPENID_CONFIG_URL', default: 'https://login.microsoftonline.com/<TEAMS_TENANT_ID>/v2.0/.well-known/openid-configuration', description: 'Where the tenant\'s token issuer and signing keys are read (a stand-in for tests).' },
  ...MAIL_SETTINGS,
];

const flag = (value: string | undefined, fallback: boolean): boolean => {
  if (value === undefined || value === '') return fallback;
  return !['0', 'false', 'off', 'no'].includes(value.trim().toLowerCase());
};

function invalid(name: string, message: string): CrmError {
  return new CrmError('invalid_input', `${name}: ${message}`, { issues: [{ path: name, message }] });
}

/** Reads `.env` (if any) into the environment without overriding what is already set. */
export function loadDotEnv(cwd = process.cwd()): void {
  const file = resolve(cwd, '.env');
  if (existsSync(file)) process.loadEnvFile(file);
}

/** Reads the settings; `defaults.port` is the port when PORT is unset (4400 for the hub). */
export function readConfig(env: NodeJS.ProcessEnv = process.env, defaults: { port?: number } = {}): HubConfig {
  const port = Number(env.PORT ?? defaults.port ?? 4400);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw invalid('PORT', `"${env.PORT}" is not a port number (0–65535).`);
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^(postgres(ql)?:\/\/|sqlite:|file:)/i.test(databaseUrl)) {
    throw invalid('DATABASE_URL', 'Use a postgres:// URL (or sqlite:<file>), or leave it unset for the embedded SQLite database in the data folder.');
  }
  const logLevel = (env.RAPPORT_LOG_LEVEL ?? 'info') as LogLevel;
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) throw invalid('RAPPORT_LOG_LEVEL', 'Use debug, info, warn or error.');
  const intervalMs = Number(env.RAPPORT_SCHEDULER_INTERVAL_MS ?? 15_000);
  if (!Number.isFinite(intervalMs) || intervalMs < 100) throw invalid('RAPPORT_SCHEDULER_INTERVAL_MS', 'Use a number of milliseconds, at least 100.');
  const workers = env.RAPPORT_WORKERS?.trim() ? Number(env.RAPPORT_WORKERS) : availableParallelism();
  if (!Number.isInteger(workers) || workers < 1 || workers > 256) throw invalid('RAPPORT_WORKERS', `"${env.RAPPORT_WORKERS}" is not a number of processes: use 1 to 256 (1 runs a single process).`);
  const host = env.HOST?.trim() || '127.0.0.1';
  const authFailureLimit = Number(env.RAPPORT_AUTH_FAILURE_LIMIT?.trim() || 20);
  if (!Number.isInteger(authFailureLimit) || authFailureLimit < 0) throw invalid('RAPPORT_AUTH_FAILURE_LIMIT', 'Use a whole number of failed sign-ins, or 0 for no limit.');
  const authFailureWindowS = Number(env.RAPPORT_AUTH_FAILURE_WINDOW_S?.trim() || 60);
  if (!Number.isInteger(authFailureWindowS) || authFailureWindowS < 1) throw invalid('RAPPORT_AUTH_FAILURE_WINDOW_S', 'Use a whole number of seconds, at least 1.');
  const signingSecret = env.SLACK_SIGNING_SECRET?.trim();
  const botToken = env.SLACK_BOT_TOKEN?.trim();
  return {
    dataDir: resolve(env.RAPPORT_DATA_DIR?.trim() || './data'),
    databaseUrl,
    host,
    port,
    publicUrl: (env.RAPPORT_PUBLIC_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/, ''),
    demo: flag(env.RAPPORT_DEMO, true),
    logLevel,
    scheduler: { enabled: flag(env.RAPPORT_SCHEDULER, true), intervalMs },
    hubId: env.RAPPORT_HUB_ID?.trim() || `${hostname()}-${process.pid}`,
    workers,
    slack: signingSecret && botToken ? { signingSecret, botToken, apiUrl: env.SLACK_API_URL?.trim() || null, appToken: env.SLACK_APP_TOKEN?.trim() || null } : null,
    teams: readTeamsConfig(env, (env.RAPPORT_PUBLIC_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/, '')),
    authFailures: { limit: authFailureLimit, windowMs: authFailureWindowS * 1000 },
    mail: readMailConfig(env, { host, publicUrl: (env.RAPPORT_PUBLIC_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/, '') }),
  };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function hostOf(publicUrl: string): string {
  try {
    return new URL(publicUrl).host;
  } catch {
    throw invalid('RAPPORT_PUBLIC_URL', `"${publicUrl}" is not a URL. Use the address people reach the hub at, such as https://crm.example.com.`);
  }
}

function readTeamsConfig(env: NodeJS.ProcessEnv, publicUrl: string): TeamsConfig {
  const appId = env.TEAMS_APP_ID?.trim().toLowerCase() || null;
  const tenantId = env.TEAMS_TENANT_ID?.trim().toLowerCase() || null;
  if (appId && !GUID.test(appId)) throw invalid('TEAMS_APP_ID', 'Use the Application (client) ID of the app registration in Entra, a GUID such as 00000000-0000-0000-0000-000000000000.');
  if (tenantId && !GUID.test(tenantId)) throw invalid('TEAMS_TENANT_ID', 'Use the Directory (tenant) ID shown in Entra, a GUID.');
  const appIdUri = env.TEAMS_APP_ID_URI?.trim() || (appId ? `api://${hostOf(publicUrl)}/${appId}` : null);
  const openIdConfigUrl = env.TEAMS_OPENID_CONFIG_URL?.trim() || (tenantId ? `https://login.microsoftonline.com/${tenantId}/v2.0/.well-known/openid-configuration` : null);
  if (openIdConfigUrl && !/^https?:\/\//i.test(openIdConfigUrl)) throw invalid('TEAMS_OPENID_CONFIG_URL', 'Use an https:// URL of an OpenID configuration document.');
  return { appId, appIdUri, tenantId, openIdConfigUrl };
}

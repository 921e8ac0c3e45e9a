import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Store } from '@rapport/core';
import type { HubConfig } from './config.js';

export const SQLITE_FILE = 'rapport.sqlite';

/** Opens (and migrates) the database the configuration names: PostgreSQL for a postgres:// URL, else SQLite in the data folder. */
export async function openDatabase(config: Pick<HubConfig, 'databaseUrl' | 'dataDir'>): Promise<Store> {
  // Loaded on demand: a hub (or a test) on one engine never loads the other's driver.
  const sql = await import('@rapport/sql');
  if (config.databaseUrl) return sql.createPostgresStore({ url: config.databaseUrl });
  mkdirSync(config.dataDir, { recursive: true });
  return sql.createSqliteStore({ file: join(config.dataDir, SQLITE_FILE) });
}

/** Where the data is, for people: the SQLite file, or the PostgreSQL host and database without the password. */
export function describeDatabase(config: Pick<HubConfig, 'databaseUrl' | 'dataDir'>): string {
  if (!config.databaseUrl) return `SQLite at ${join(config.dataDir, SQLITE_FILE)}`;
  try {
    const url = new URL(config.databaseUrl);
    return `PostgreSQL at ${url.hostname}${url.port ? `:${url.port}` : ''}${url.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}

import { join, resolve } from 'node:path';
import type { AnalyticsStore } from '@rapport/core';
import type { HubConfig } from './config.js';

/** The embedded database's file name inside the data folder (kept in step with @rapport/sql). */
export const SQLITE_FILE = 'rapport.db';

/** Opens (and migrates) the configured database: PostgreSQL for a postgres:// URL, else SQLite. */
export async function openDatabase(config: Pick<HubConfig, 'databaseUrl' | 'dataDir'>): Promise<AnalyticsStore> {
  // Loaded on demand: a hub (or a test) on one engine never loads the other's driver.
  const { openStore } = await import('@rapport/sql');
  return openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
}

/** Where the data is, for people: the SQLite file, or the PostgreSQL host and database without the password. */
export function describeDatabase(config: Pick<HubConfig, 'databaseUrl' | 'dataDir'>): string {
  const url = config.databaseUrl;
  if (!url) return `SQLite at ${join(config.dataDir, SQLITE_FILE)}`;
  const sqlite = /^(?:sqlite|file):(?:\/\/)?(.+)$/i.exec(url);
  if (sqlite?.[1]) return `SQLite at ${resolve(sqlite[1])}`;
  try {
    const parsed = new URL(url);
    return `PostgreSQL at ${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}

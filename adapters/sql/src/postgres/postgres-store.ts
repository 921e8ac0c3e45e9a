import { CrmError } from '@rapport/core';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from '../database.js';
import { postgresEngine } from '../engine.js';
import { migrate } from '../migrations/migrate.js';
import { SqlStore } from '../sql-store.js';
import { rapportPgTypes } from './pg-types.js';

export interface PostgresStoreOptions {
  /** A postgres:// or postgresql:// connection URL. */
  url: string;
  /** Most connections the pool opens. Default 10. */
  poolSize?: number;
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured PostgreSQL URL';
  }
}

/** Connects a pool to PostgreSQL, migrates the database and returns a Store on it. */
export async function createPostgresStore(options: PostgresStoreOptions): Promise<SqlStore> {
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10, types: rapportPgTypes });
  // An idle connection dropped by the server must not crash the process; the next query reports it.
  pool.on('error', () => undefined);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrate(db, 'postgres');
  } catch (error) {
    await db.destroy();
    if (error instanceof CrmError) throw error;
    const message = `Cannot open the PostgreSQL database at ${redactUrl(options.url)}: ${(error as Error).message}`;
    throw new CrmError('unavailable', message, { cause: error });
  }
  return new SqlStore(db, postgresEngine);
}

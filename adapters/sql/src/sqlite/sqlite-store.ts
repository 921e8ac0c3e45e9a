import { CrmError } from '@rapport/core';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely } from 'kysely';
import type { Database } from '../database.js';
import { sqliteEngine } from '../engine.js';
import { migrate } from '../migrations/migrate.js';
import { SqlStore } from '../sql-store.js';
import { ImmediateSqliteDialect } from './sqlite-dialect.js';
import { withStatementCache } from './statement-cache.js';

export interface SqliteStoreOptions {
  /** Path of the database file (created when missing), or ":memory:" for a throw-away database. */
  file: string;
  /** How long a write waits for another process's lock before failing. Default 5000 ms. */
  busyTimeoutMs?: number;
  /** Hears the SQL of every statement the store runs (not BEGIN or COMMIT): for tests and diagnostics. */
  onStatement?: (sql: string) => void;
}

/**
 * Opens (or creates) a SQLite database, migrates it and returns a Store on it.
 * WAL journal, foreign keys on, NORMAL sync (safe with WAL), a busy timeout, and prepared
 * statements reused by their SQL text.
 */
export async function createSqliteStore(options: SqliteStoreOptions): Promise<SqlStore> {
  let database: BetterSqlite3.Database;
  try {
    database = new BetterSqlite3(options.file);
    database.pragma('journal_mode = WAL');
    database.pragma('foreign_keys = ON');
    database.pragma('synchronous = NORMAL');
    database.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
    // A larger page cache and memory-mapped reads keep a 100k-record database's hot indexes in memory.
    database.pragma('cache_size = -65536');
    database.pragma('mmap_size = 268435456');
  } catch (error) {
    throw new CrmError('unavailable', `Cannot open the SQLite database at ${options.file}: ${(error as Error).message}`, { cause: error });
  }
  const onStatement = options.onStatement;
  const db = new Kysely<Database>({
    dialect: new ImmediateSqliteDialect({ database: withStatementCache(database) }),
    ...(onStatement ? { log: (event) => void (event.level === 'query' && onStatement(event.query.sql)) } : {}),
  });
  try {
    await migrate(db, 'sqlite');
  } catch (error) {
    await db.destroy();
    if (error instanceof CrmError) throw error;
    throw new CrmError('unavailable', `Cannot prepare the SQLite database at ${options.file}: ${(error as Error).message}`, { cause: error });
  }
  return new SqlStore(db, sqliteEngine);
}

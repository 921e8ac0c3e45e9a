import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CrmError } from '@rapport/core';
import { createPostgresStore } from './postgres/postgres-store.js';
import type { SqlStore } from './sql-store.js';
import { createSqliteStore } from './sqlite/sqlite-store.js';

export interface StoreConfig {
  /**
   * DATABASE_URL. `postgres://…` or `postgresql://…` opens PostgreSQL; `sqlite:PATH`
   * (or `sqlite://PATH`, `file:PATH`) opens that SQLite file; unset or empty opens
   * `rapport.db` in `dataDir`.
   */
  databaseUrl?: string | null;
  /** Folder for the default SQLite file, created when missing. Default `./data`. */
  dataDir?: string;
  /** PostgreSQL pool size. Default 10. */
  poolSize?: number;
}

/** The SQLite file a hub uses when DATABASE_URL is unset. */
export const DEFAULT_SQLITE_FILE = 'rapport.db';

/** Opens the Store a configuration asks for: PostgreSQL by URL scheme, else SQLite. */
export async function openStore(config: StoreConfig = {}): Promise<SqlStore> {
  const url = config.databaseUrl?.trim() ?? '';
  if (/^postgres(ql)?:\/\//i.test(url)) {
    return createPostgresStore(config.poolSize === undefined ? { url } : { url, poolSize: config.poolSize });
  }
  if (url === '') {
    const dataDir = config.dataDir ?? './data';
    try {
      mkdirSync(dataDir, { recursive: true });
    } catch (error) {
      throw new CrmError('unavailable', `Cannot create the data folder ${dataDir}: ${(error as Error).message}`, { cause: error });
    }
    return createSqliteStore({ file: join(dataDir, DEFAULT_SQLITE_FILE) });
  }
  const sqlite = /^(?:sqlite|file):(?:\/\/)?(.+)$/i.exec(url);
  if (sqlite?.[1]) return createSqliteStore({ file: sqlite[1] });
  throw new CrmError(
    'invalid_input',
    'DATABASE_URL must start with postgres://, postgresql://, sqlite: or file: (or be unset to use SQLite in the data folder).',
    { issues: [{ path: 'DATABASE_URL', message: 'Unsupported database URL scheme.' }] },
  );
}

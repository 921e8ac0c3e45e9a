import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnalyticsStore } from '@rapport/core';
import { createPostgresStore, openStore } from '@rapport/sql';
import { createTestDatabase } from '@rapport/sql/testing';
import { inject } from 'vitest';

export type Engine = 'sqlite' | 'postgres';

/** The engines every cross-package suite runs on. PostgreSQL is skipped (locally only) when no server is available. */
export const ENGINES: Array<{ engine: Engine; available: boolean }> = [
  { engine: 'sqlite', available: true },
  { engine: 'postgres', available: inject('postgresUrl') !== null },
];

export interface TestDatabaseHandle {
  /** For a hub: a data folder, plus DATABASE_URL on PostgreSQL. */
  dataDir: string;
  databaseUrl: string | null;
  /** Opens another connection to the same database (a second hub, a reopened store). */
  open(): Promise<AnalyticsStore>;
  drop(): Promise<void>;
}

/** A fresh, empty database of the engine: a temp SQLite file, or a new PostgreSQL database. */
export async function freshDatabase(engine: Engine): Promise<TestDatabaseHandle> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-e2e-'));
  if (engine === 'sqlite') {
    return {
      dataDir,
      databaseUrl: null,
      open: () => openStore({ dataDir }),
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const adminUrl = inject('postgresUrl');
  if (!adminUrl) throw new Error('PostgreSQL is not available');
  const database = await createTestDatabase(adminUrl, { prefix: 'rapport_e2e' });
  return {
    dataDir,
    databaseUrl: database.url,
    open: () => createPostgresStore({ url: database.url }),
    drop: async () => {
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

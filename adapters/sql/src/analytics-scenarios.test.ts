import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeAnalyticsScenarios } from '@rapport/core/testing';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { createPostgresStore } from './postgres/postgres-store.js';
import { createSqliteStore } from './sqlite/sqlite-store.js';
import { createTestDatabase, type TestDatabase } from './testing/index.js';

/** The hand-worked analytics scenarios of @rapport/core, through the services, on both engines. */
describeAnalyticsScenarios('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-analytics-'));
  const store = await createSqliteStore({ file: join(dir, 'rapport.db') });
  return {
    store,
    async cleanup() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

const adminUrl = inject('postgresUrl');

describe.skipIf(!adminUrl)('on PostgreSQL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(adminUrl ?? '', { prefix: 'rapport_analytics' });
  });
  afterAll(async () => {
    await database?.drop();
  });
  describeAnalyticsScenarios('postgres', async () => {
    await database.reset();
    const store = await createPostgresStore({ url: database.url, poolSize: 4 });
    return { store, cleanup: () => store.close() };
  });
});

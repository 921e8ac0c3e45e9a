import { describeStoreContract } from '@rapport/core/testing';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/index.js';
import { createPostgresStore } from './postgres-store.js';

const adminUrl = inject('postgresUrl');

describe.skipIf(!adminUrl)('PostgreSQL store', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(adminUrl ?? '', 'rapport_contract');
  });
  afterAll(async () => {
    await database?.drop();
  });

  describeStoreContract('postgres', async () => {
    await database.reset();
    const store = await createPostgresStore({ url: database.url, poolSize: 4 });
    return { store, cleanup: () => store.close() };
  });
});

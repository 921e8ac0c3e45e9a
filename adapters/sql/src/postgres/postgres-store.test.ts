import { describeStoreContract } from '@rapport/core/testing';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { createTestDatabase, type TestDatabase, type TestDatabaseOptions } from '../testing/index.js';
import { createPostgresStore } from './postgres-store.js';

const adminUrl = inject('postgresUrl');

/** Runs the contract suite on a database of its own, emptied before each test. */
function describePostgresContract(name: string, options: TestDatabaseOptions): void {
  describe(name, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(adminUrl ?? '', options);
    });
    afterAll(async () => {
      await database?.drop();
    });
    describeStoreContract(name, async () => {
      await database.reset();
      const store = await createPostgresStore({ url: database.url, poolSize: 4 });
      return { store, cleanup: () => store.close() };
    });
  });
}

describe.skipIf(!adminUrl)('PostgreSQL store', () => {
  describePostgresContract('postgres', { prefix: 'rapport_contract' });
  // Orders must not follow the server's locale: run everything again under an ICU collation
  // that sorts "a" with "Å" and ignores punctuation, unlike code-point order.
  describePostgresContract('postgres, en-US ICU default collation', { prefix: 'rapport_contract_icu', icuLocale: 'en-US' });
});

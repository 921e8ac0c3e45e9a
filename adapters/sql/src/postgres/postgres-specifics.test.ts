import { MAX_AMOUNT_MINOR } from '@rapport/core';
import { aContact, aDeal } from '@rapport/core/testing';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { SqlStore } from '../sql-store.js';
import { createTestDatabase, type TestDatabase } from '../testing/index.js';
import { createPostgresStore } from './postgres-store.js';

const adminUrl = inject('postgresUrl');

/** What only PostgreSQL can get wrong: values its types refuse, and its transaction semantics. */
describe.skipIf(!adminUrl)('PostgreSQL store specifics', () => {
  let database: TestDatabase;
  let store: SqlStore;
  beforeAll(async () => {
    database = await createTestDatabase(adminUrl ?? '', { prefix: 'rapport_pg_specifics' });
  });
  afterAll(async () => {
    await database?.drop();
  });
  beforeEach(async () => {
    await database.reset();
    store = await createPostgresStore({ url: database.url, poolSize: 2 });
  });
  afterEach(async () => {
    await store.close();
  });

  it('says text with a NUL character is invalid input, and the transaction carries on', async () => {
    const bad = aContact({ name: 'Ann\u0000Lee' });
    const good = aDeal();
    await store.transaction(async (uow) => {
      await expect(uow.contacts.insert(bad)).rejects.toMatchObject({ code: 'invalid_input' });
      await uow.deals.insert(good);
    });
    expect(await store.read((uow) => uow.contacts.get(bad.id))).toBeNull();
    expect(await store.read((uow) => uow.deals.get(good.id))).toEqual(good);
    await expect(store.read((uow) => uow.contacts.insert(bad))).rejects.toMatchObject({ code: 'invalid_input' });
  });

  it('reads counts and sums of BIGINT columns as numbers', async () => {
    await store.transaction(async (uow) => {
      await uow.deals.insert(aDeal({ amount: { minor: 4_000_000_000_000, currency: 'USD' }, probability: 50 }));
      await uow.deals.insert(aDeal({ amount: { minor: 5_000_000_000_000, currency: 'USD' }, probability: 50 }));
    });
    const [total] = await store.read((uow) => uow.aggregates.stageTotals({ pipelineId: aDeal().pipelineId }));
    expect(total).toEqual({ stageId: 'lead', currency: 'USD', count: 2, amountMinor: 9_000_000_000_000, weightedMinor: 4_500_000_000_000 });
  });

  it('answers a pipeline total past 2^53 with the nearest number instead of failing', async () => {
    const deals = Array.from({ length: 901 }, () => aDeal({ amount: { minor: MAX_AMOUNT_MINOR, currency: 'KRW' }, probability: 100 }));
    await store.transaction(async (uow) => {
      for (const deal of deals) await uow.deals.insert(deal);
    });
    const [total] = await store.read((uow) => uow.aggregates.stageTotals({ pipelineId: aDeal().pipelineId }));
    expect(total).toEqual({ stageId: 'lead', currency: 'KRW', count: 901, amountMinor: 901 * MAX_AMOUNT_MINOR, weightedMinor: 901 * MAX_AMOUNT_MINOR });
    expect(901 * MAX_AMOUNT_MINOR).toBeGreaterThan(Number.MAX_SAFE_INTEGER);
  });

  it('refuses to upgrade, saying what to run, when the role may not add the pg_trgm extension, and changes nothing', async () => {
    const target = await createTestDatabase(adminUrl ?? '', { prefix: 'rapport_pg_no_extension' });
    const role = `${target.name.slice(0, 40)}_app`;
    const admin = async (url: string, statement: string): Promise<unknown[]> => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query(statement)).rows;
      } finally {
        await client.end();
      }
    };
    // A role that may create tables in the schema but nothing in the database itself (so no extension).
    await admin(adminUrl ?? '', `CREATE ROLE ${role} LOGIN PASSWORD 'app'`);
    try {
      await admin(target.url, `GRANT USAGE, CREATE ON SCHEMA public TO ${role}`);
      const url = new URL(target.url);
      url.username = role;
      url.password = 'app';
      const refusal = await createPostgresStore({ url: url.toString(), poolSize: 1 }).then(
        async (opened) => opened.close(),
        (error: unknown) => error,
      );
      expect(refusal).toMatchObject({ name: 'CrmError', code: 'unavailable', details: { extension: 'pg_trgm' } });
      expect((refusal as Error).message).toMatch(/CREATE EXTENSION pg_trgm.*Nothing was changed/);
      expect(await admin(target.url, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")).toEqual([]);
    } finally {
      await target.drop();
      await admin(adminUrl ?? '', `DROP ROLE ${role}`);
    }
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices, ManualClock, SequentialIds, type AnalyticsStore } from '@rapport/core';
import { createPostgresStore, createSqliteStore } from '@rapport/sql';
import { createTestDatabase, openRawConnection, type RawConnection } from '@rapport/sql/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedDemo } from './seed-demo.js';

const NOW = new Date('2026-11-23T10:00:00.000Z');

/** Every table a seed writes, with the columns that order its rows and those left out of the comparison. */
const TABLES: ReadonlyArray<{ table: string; order: string; skip?: string[]; tidy?: (row: Record<string, unknown>) => void }> = [
  { table: 'users', order: 'id' },
  { table: 'teams', order: 'id' },
  // A token's secret (and so its hash and the prefix shown of it) is new on every seed.
  { table: 'access_tokens', order: 'id', skip: ['token_hash', 'prefix'] },
  { table: 'accounts', order: 'id' },
  { table: 'account_domains', order: 'domain' },
  { table: 'contacts', order: 'id' },
  { table: 'contact_emails', order: 'email' },
  // SQLite numbers the entries in the order they were written.
  { table: 'search_entries', order: 'entity_kind, entity_id', skip: ['id'] },
  { table: 'pipelines', order: 'id' },
  { table: 'campaigns', order: 'id' },
  { table: 'deals', order: 'id' },
  { table: 'stage_changes', order: 'id' },
  { table: 'deal_stage_times', order: 'deal_id, stage_id' },
  { table: 'activities', order: 'id' },
  { table: 'reminders', order: 'id' },
  { table: 'targets', order: 'id' },
  // A token's creation records the prefix shown of its secret.
  { table: 'events', order: 'id', tidy: (row) => row.type === 'token.created' && delete (row.after as Record<string, unknown>).prefix },
  { table: 'settings', order: 'key' },
  { table: 'account_order_totals', order: 'account_id, currency' },
  { table: 'account_touch_totals', order: 'account_id' },
];

/** A row as a reader compares it: JSON columns parsed (their key order is not part of the data), numbers as numbers. */
function plain(row: unknown, skip: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row as Record<string, unknown>)) {
    if (skip.includes(key)) continue;
    if (typeof value === 'string' && /^[[{]/.test(value)) out[key] = JSON.parse(value);
    // PostgreSQL answers counts and sums of bigints as text.
    else if (typeof value === 'string' && /^\d+$/.test(value)) out[key] = Number(value);
    else out[key] = value;
  }
  return out;
}

async function dump(raw: RawConnection): Promise<Map<string, unknown[]>> {
  const tables = new Map<string, unknown[]>();
  for (const { table, order, skip = [], tidy } of TABLES) {
    const rows = (await raw.all(`SELECT * FROM ${table} ORDER BY ${order}`)).map((row) => plain(row, skip));
    for (const row of rows) tidy?.(row);
    tables.set(table, rows);
  }
  return tables;
}

const EXACT_TOTALS = `SELECT account_id, currency, COUNT(*) AS orders, SUM(amount_minor) AS amount_minor, MIN(closed_at) AS first_order_at,
  MAX(closed_at) AS last_order_at FROM deals WHERE status = 'won' AND closed_at IS NOT NULL GROUP BY account_id, currency ORDER BY account_id, currency`;
const EXACT_TOUCHES = `SELECT account_id, COUNT(*) AS touches, MIN(occurred_at) AS first_touch_at, MAX(occurred_at) AS last_touch_at FROM activities
  WHERE account_id IS NOT NULL GROUP BY account_id ORDER BY account_id`;

/** What people type in the search box, in several scripts, with and without accents. */
const SEARCHES = ['a', 'ma', 'jose', 'müll', 'mull', '华', '株式', '김', 'north', 'gmbh', 'brightwave'];

async function searchAll(store: AnalyticsStore): Promise<unknown[]> {
  const services = createServices({ store, clock: new ManualClock(NOW), ids: new SequentialIds() });
  const admin = await store.read(async (uow) => (await uow.users.list({ role: 'admin' }, { limit: 1 })).items[0]);
  if (!admin) throw new Error('The demo has no admin');
  const found: unknown[] = [];
  for (const words of SEARCHES) {
    const matches = await services.lookup.lookup({ user: admin, surface: 'api' }, words, { limit: 50 });
    found.push([words, matches.map((m) => (m.kind === 'contact' ? m.contact.id : m.account.id))]);
  }
  return found;
}

interface Engine {
  open(name: string): Promise<{ store: AnalyticsStore; raw: () => Promise<RawConnection> }>;
}

function describeBulkSeed(engine: string, setUp: () => Promise<Engine & { done(): Promise<void> }>): void {
  describe(`the demo seed written in bulk on ${engine}`, () => {
    let byServices: Map<string, unknown[]>;
    let inBulk: Map<string, unknown[]>;
    let exact: { totals: unknown[]; touches: unknown[]; bulkTotals: unknown[]; bulkTouches: unknown[] };
    let searches: { byServices: unknown[]; inBulk: unknown[] };
    let done: () => Promise<void> = async () => {};

    beforeAll(async () => {
      const opened = await setUp();
      done = () => opened.done();
      const reference = await opened.open('services');
      const bulk = await opened.open('bulk');
      await seedDemo({ store: reference.store, now: NOW }, { size: 'small', write: 'services' });
      await seedDemo({ store: bulk.store, now: NOW }, { size: 'small' });
      const [rawReference, rawBulk] = [await reference.raw(), await bulk.raw()];
      try {
        byServices = await dump(rawReference);
        inBulk = await dump(rawBulk);
        const rows = async (text: string) => (await rawBulk.all(text)).map((row) => plain(row, []));
        exact = { totals: await rows(EXACT_TOTALS), touches: await rows(EXACT_TOUCHES), bulkTotals: inBulk.get('account_order_totals') ?? [], bulkTouches: inBulk.get('account_touch_totals') ?? [] };
        searches = { byServices: await searchAll(reference.store), inBulk: await searchAll(bulk.store) };
      } finally {
        await rawReference.close();
        await rawBulk.close();
        await reference.store.close();
        await bulk.store.close();
      }
    }, 240_000);
    afterAll(() => done());

    it('writes the same company as the services do one change at a time, row for row in every table', () => {
      expect(inBulk.get('deals')?.length).toBeGreaterThan(60);
      expect(inBulk.get('stage_changes')?.length).toBeGreaterThan(200);
      expect(inBulk.get('events')?.length).toBeGreaterThan(1000);
      for (const { table } of TABLES) expect(inBulk.get(table), table).toEqual(byServices.get(table));
    });

    it('keeps every account summary equal to adding up its won deals and its activities', () => {
      expect(exact.totals.length).toBeGreaterThan(20);
      expect(exact.bulkTotals).toEqual(exact.totals);
      expect(exact.bulkTouches).toEqual(exact.touches);
    });

    it('finds the same people and companies by name from the search index', () => {
      expect(searches.inBulk.some((entry) => (entry as [string, string[]])[1].length > 0)).toBe(true);
      expect(searches.inBulk).toEqual(searches.byServices);
    });
  });
}

describeBulkSeed('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'rapport-seed-bulk-'));
  return {
    async open(name) {
      const file = join(dir, `${name}.db`);
      return { store: await createSqliteStore({ file }), raw: () => openRawConnection({ sqliteFile: file }) };
    },
    async done() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

const adminUrl = inject('postgresUrl');

if (adminUrl) {
  describeBulkSeed('PostgreSQL', async () => {
    const databases: Array<{ drop(): Promise<void> }> = [];
    return {
      async open() {
        const database = await createTestDatabase(adminUrl, { prefix: 'rapport_seed_bulk' });
        databases.push(database);
        return { store: await createPostgresStore({ url: database.url }), raw: () => openRawConnection({ postgresUrl: database.url }) };
      },
      async done() {
        for (const database of databases) await database.drop();
      },
    };
  });
}

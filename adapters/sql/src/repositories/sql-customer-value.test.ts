import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MemoryStore, type Activity, type Deal, type AnalyticsStore, type UnitOfWork } from '@rapport/core';
import { aDeal, anAccount, anActivity } from '@rapport/core/testing';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createPostgresStore } from '../postgres/postgres-store.js';
import { createSqliteStore } from '../sqlite/sqlite-store.js';
import { createTestDatabase, openRawConnection, type RawConnection } from '../testing/index.js';

const ACCOUNTS = ['acc_a', 'acc_b', 'acc_c'];
/** Between the writes' instants, after them all, and before them all. */
const AS_OF = ['2026-02-15T00:00:00.000Z', '2099-01-01T00:00:00.000Z', '2025-01-01T00:00:00.000Z'];

const won = (deal: Deal, closedAt: string): Deal => ({ ...deal, status: 'won', closedAt, version: deal.version + 1 });
const changed = (deal: Deal, change: Partial<Deal>): Deal => ({ ...deal, ...change, version: deal.version + 1 });

/** One step of a customer's history, written the same way to every store. */
type Step = [name: string, write: (uow: UnitOfWork) => Promise<unknown>];

function history(): Step[] {
  const d1 = aDeal({ id: 'deal_1', accountId: 'acc_a', amount: { minor: 10_000, currency: 'USD' } });
  const d2 = aDeal({ id: 'deal_2', accountId: 'acc_a', amount: { minor: 2_500, currency: 'USD' } });
  const d3 = won(aDeal({ id: 'deal_3', accountId: 'acc_b', amount: { minor: 5_000, currency: 'EUR' } }), '2026-02-01T00:00:00.000Z');
  // Dated ahead of the first instant asked about: only later questions count it.
  const d4 = won(aDeal({ id: 'deal_4', accountId: 'acc_a', amount: { minor: 3_000, currency: 'EUR' } }), '2026-03-01T00:00:00.000Z');
  const note = (id: string, accountId: string | null, occurredAt: string): Activity => anActivity({ id, accountId, occurredAt });
  return [
    ['deals logged', async (uow) => {
      for (const deal of [d1, d2, d3, d4]) await uow.deals.insert(deal);
    }],
    ['a deal won', (uow) => uow.deals.update(won(d1, '2026-01-10T00:00:00.000Z'))],
    ['a second deal won', (uow) => uow.deals.update(won(d2, '2026-01-20T00:00:00.000Z'))],
    ['the first reopened', (uow) => uow.deals.update(changed(won(d1, '2026-01-10T00:00:00.000Z'), { status: 'open', closedAt: null }))],
    ['an amount and currency changed', (uow) => uow.deals.update(changed(d3, { amount: { minor: 7_000, currency: 'USD' } }))],
    ['a won deal moved to another account', (uow) => uow.deals.update(changed(d4, { accountId: 'acc_b' }))],
    ['activities logged', async (uow) => {
      await uow.activities.insert(note('act_1', 'acc_a', '2026-01-05T00:00:00.000Z'));
      await uow.activities.insert(note('act_2', 'acc_a', '2026-02-20T00:00:00.000Z'));
      await uow.activities.insert(note('act_3', 'acc_b', '2026-01-07T00:00:00.000Z'));
      await uow.activities.insert(note('act_4', 'acc_b', '2026-01-09T00:00:00.000Z'));
      await uow.activities.insert(note('act_5', null, '2026-01-09T00:00:00.000Z'));
    }],
    ['the earliest activity deleted', (uow) => uow.activities.delete('act_1')],
    ['acc_b merged into acc_c', async (uow) => {
      await uow.deals.reassignAccount('acc_b', 'acc_c', '2026-02-02T00:00:00.000Z');
      await uow.activities.reassignAccount('acc_b', 'acc_c');
    }],
    ['a won deal deleted', (uow) => uow.deals.delete('deal_2')],
    ['the last activities deleted', async (uow) => {
      await uow.activities.delete('act_2');
      await uow.activities.delete('act_3');
      await uow.activities.delete('act_4');
    }],
  ];
}

const answers = (store: AnalyticsStore) =>
  store.read(async (uow) =>
    Promise.all(AS_OF.map(async (asOf) => ({ asOf, orders: await uow.analytics.accountOrders({ asOf }), touches: await uow.analytics.accountTouches({ asOf, accountIds: ACCOUNTS }) }))),
  );

const TOUCHES = 'SELECT account_id, touches, first_touch_at, last_touch_at FROM account_touch_totals WHERE touches > 0 ORDER BY account_id';
const EXACT_TOUCHES = `SELECT account_id, COUNT(*) AS touches, MIN(occurred_at) AS first_touch_at, MAX(occurred_at) AS last_touch_at FROM activities
  WHERE account_id IS NOT NULL GROUP BY account_id ORDER BY account_id`;
const TOTALS = 'SELECT account_id, currency, orders, amount_minor, first_order_at, last_order_at FROM account_order_totals ORDER BY account_id, currency';
const EXACT_TOTALS = `SELECT account_id, currency, COUNT(*) AS orders, SUM(amount_minor) AS amount_minor, MIN(closed_at) AS first_order_at,
  MAX(closed_at) AS last_order_at FROM deals WHERE status = 'won' AND closed_at IS NOT NULL GROUP BY account_id, currency ORDER BY account_id, currency`;

/** Rows with their counts as numbers (PostgreSQL returns counts and sums as strings). */
const plain = (rows: unknown[]): unknown[] =>
  (rows as Record<string, unknown>[]).map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v])));

function describeSummaries(open: () => Promise<{ store: AnalyticsStore; raw: () => Promise<RawConnection>; close(): Promise<void> }>): void {
  it('keeps every account\'s summary equal to adding up its deals and activities, after every kind of write', async () => {
    const reference = new MemoryStore();
    const opened = await open();
    const raw = await opened.raw();
    try {
      for (const store of [reference, opened.store]) {
        await store.transaction(async (uow) => {
          for (const id of ACCOUNTS) await uow.accounts.insert(anAccount({ id, name: id, ownerId: id.replace('acc_', 'usr_') }));
        });
      }
      for (const [name, write] of history()) {
        await reference.transaction(write);
        await opened.store.transaction(write);
        expect(plain(await raw.all(TOUCHES)), name).toEqual(plain(await raw.all(EXACT_TOUCHES)));
        expect(plain(await raw.all(TOTALS)), name).toEqual(plain(await raw.all(EXACT_TOTALS)));
        expect(await answers(opened.store), name).toEqual(await answers(reference));
      }
      // What is left: acc_c bought deal_3 (USD 7,000, 1 Feb) and deal_4 (EUR 3,000, 1 Mar, ahead of mid-February).
      const [midFebruary] = await answers(opened.store);
      expect(midFebruary?.orders).toEqual([
        { accountId: 'acc_c', ownerId: 'usr_c', orders: 1, firstOrderAt: '2026-02-01T00:00:00.000Z', lastOrderAt: '2026-02-01T00:00:00.000Z', byCurrency: [{ currency: 'USD', amountMinor: 7_000 }] },
      ]);
    } finally {
      await raw.close();
      await opened.close();
    }
  });
}

describe('account summaries on SQLite', () => {
  describeSummaries(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rapport-summaries-'));
    const file = join(dir, 'rapport.db');
    const store = await createSqliteStore({ file });
    return {
      store,
      raw: () => openRawConnection({ sqliteFile: file }),
      async close() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  });
});

const adminUrl = inject('postgresUrl');

describe.skipIf(!adminUrl)('account summaries on PostgreSQL', () => {
  let url = '';
  let drop: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const database = await createTestDatabase(adminUrl ?? '', { prefix: 'rapport_summaries' });
    url = database.url;
    drop = () => database.drop();
  });
  afterAll(() => drop());
  describeSummaries(async () => {
    const store = await createPostgresStore({ url, poolSize: 2 });
    return { store, raw: () => openRawConnection({ postgresUrl: url }), close: () => store.close() };
  });

  it('keeps one account\'s summary right when many writers log and delete its activities and win its deals at once', async () => {
    const store = await createPostgresStore({ url, poolSize: 6 });
    const raw = await openRawConnection({ postgresUrl: url });
    try {
      await store.transaction((uow) => uow.accounts.insert(anAccount({ id: 'acc_busy', ownerId: 'usr_busy' })));
      const at = (i: number): string => new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString();
      await store.transaction(async (uow) => {
        for (let i = 0; i < 20; i += 1) await uow.activities.insert(anActivity({ id: `act_old${i}`, accountId: 'acc_busy', occurredAt: at(i) }));
      });
      await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          store.transaction(async (uow) => {
            if (i % 2 === 0) await uow.activities.delete(`act_old${i / 2}`);
            else await uow.activities.insert(anActivity({ id: `act_new${i}`, accountId: 'acc_busy', occurredAt: at(100 - i) }));
            if (i % 5 === 0) await uow.deals.insert(aDeal({ id: `deal_busy${i}`, accountId: 'acc_busy', status: 'won', closedAt: at(i) }));
          }),
        ),
      );
      expect(plain(await raw.all(TOUCHES))).toEqual(plain(await raw.all(EXACT_TOUCHES)));
      expect(plain(await raw.all(TOTALS))).toEqual(plain(await raw.all(EXACT_TOTALS)));
      const busy = (rows: unknown[]): unknown[] => plain(rows).filter((row) => (row as { account_id: string }).account_id === 'acc_busy');
      expect(busy(await raw.all(TOUCHES))).toMatchObject([{ touches: 20 }]);
      expect(busy(await raw.all(TOTALS))).toMatchObject([{ currency: 'USD', orders: 8 }]);
    } finally {
      await raw.close();
      await store.close();
    }
  });
});

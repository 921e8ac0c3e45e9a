import type { AccountOrders, AccountTouches } from '@rapport/core';
import { sql } from 'kysely';
import type { SqlContext } from '../context.js';
import { AMOUNT_SUM } from './sql-money-sums.js';

/** One account's won deals in one currency, with the account's first and last close. */
interface OrderRow {
  account_id: string;
  owner_id: string;
  currency: string;
  n: number;
  /** Text on PostgreSQL (a NUMERIC sum or a BIGINT column), a number on SQLite. */
  amount: number | string;
  first_at: string;
  last_at: string;
}

/**
 * Each buying account's won deals before `asOf`, by currency, with its owner. Read from the
 * totals the triggers keep (one row per account and currency); the few accounts with a deal
 * closed at or after `asOf` (dated ahead) are added up from their deals instead, so the answer
 * is exactly that of adding up every won deal closed before `asOf`.
 */
export async function accountOrders(ctx: SqlContext, filter: { asOf: string }): Promise<AccountOrders[]> {
  const { db } = ctx;
  // A cross join with the join condition in WHERE: SQLite then walks account_order_totals in key
  // order (no sort) and looks each account up; PostgreSQL plans it as an inner join.
  const [totals, ahead] = await Promise.all([
    db
      .selectFrom('account_order_totals as t')
      .crossJoin('accounts as a')
      .whereRef('a.id', '=', 't.account_id')
      .select(['t.account_id', 'a.owner_id', 't.currency', 't.orders as n', 't.amount_minor as amount', 't.first_order_at as first_at', 't.last_order_at as last_at'])
      .orderBy('t.account_id')
      .orderBy('t.currency')
      .execute(),
    db.selectFrom('account_order_totals').select('account_id').where('last_order_at', '>=', filter.asOf).execute(),
  ]);
  if (ahead.length === 0) return foldOrders(totals);
  const aheadIds = new Set(ahead.map((r) => r.account_id));
  const exact = await inChunks(ctx, [...aheadIds], (ids) => exactOrders(ctx, filter.asOf, ids));
  const byKey = (a: OrderRow, b: OrderRow): number => compare(a.account_id, b.account_id) || compare(a.currency, b.currency);
  return foldOrders(mergeSorted(totals.filter((r) => !aheadIds.has(r.account_id)), exact.sort(byKey), byKey));
}

/** Two lists each sorted by `order`, merged into one (the totals are read in key order: no need to sort them again). */
function mergeSorted<T>(a: readonly T[], b: readonly T[], order: (x: T, y: T) => number): T[] {
  const merged: T[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) merged.push(order(b[j] as T, a[i] as T) < 0 ? (b[j++] as T) : (a[i++] as T));
  while (i < a.length) merged.push(a[i++] as T);
  while (j < b.length) merged.push(b[j++] as T);
  return merged;
}

/** The same rows added up from these accounts' won deals (deals_won_by_account). */
function exactOrders({ db, engine }: SqlContext, asOf: string, ids: string[]): Promise<OrderRow[]> {
  return db
    .selectFrom((eb) =>
      eb
        .selectFrom('deals')
        .select([
          'account_id',
          'currency',
          sql<number>`count(*)`.as('n'),
          AMOUNT_SUM.as('amount'),
          sql<string>`min(closed_at)`.as('first_at'),
          sql<string>`max(closed_at)`.as('last_at'),
        ])
        .where('status', '=', 'won')
        .where(inIds(engine.kind, ids))
        .where('closed_at', '<', asOf)
        .groupBy(['account_id', 'currency'])
        .as('w'),
    )
    .innerJoin('accounts as a', 'a.id', 'w.account_id')
    .select(['w.account_id', 'a.owner_id', 'w.currency', 'w.n', 'w.amount', 'w.first_at', 'w.last_at'])
    .execute();
}

/** Rows in account order, currencies in order within each, folded into one entry per account. */
function foldOrders(rows: readonly OrderRow[]): AccountOrders[] {
  const accounts: AccountOrders[] = [];
  for (const row of rows) {
    let last = accounts[accounts.length - 1];
    if (!last || last.accountId !== row.account_id) {
      last = { accountId: row.account_id, ownerId: row.owner_id, orders: 0, firstOrderAt: row.first_at, lastOrderAt: row.last_at, byCurrency: [] };
      accounts.push(last);
    }
    last.orders += Number(row.n);
    if (row.first_at < last.firstOrderAt) last.firstOrderAt = row.first_at;
    if (row.last_at > last.lastOrderAt) last.lastOrderAt = row.last_at;
    last.byCurrency.push({ currency: row.currency, amountMinor: Number(row.amount) });
  }
  return accounts;
}

/**
 * Touches per account before `asOf`: each account's row of touch totals, or, for the few with an
 * activity at or after `asOf`, its activities counted from activities_by_account.
 */
export async function accountTouches(ctx: SqlContext, filter: { asOf: string; accountIds: readonly string[] }): Promise<AccountTouches[]> {
  const { db, engine } = ctx;
  const summaries = await inChunks(ctx, filter.accountIds, (ids) =>
    db
      .selectFrom('account_touch_totals')
      .select(['account_id', 'touches', 'first_touch_at', 'last_touch_at'])
      .where(inIds(engine.kind, ids))
      .where('touches', '>', 0)
      .execute(),
  );
  const touches: AccountTouches[] = [];
  const ahead: string[] = [];
  for (const s of summaries) {
    if (s.first_touch_at === null || s.last_touch_at === null) continue;
    if (s.last_touch_at >= filter.asOf) ahead.push(s.account_id);
    else touches.push({ accountId: s.account_id, touches: Number(s.touches), firstTouchAt: s.first_touch_at, lastTouchAt: s.last_touch_at });
  }
  if (ahead.length > 0) touches.push(...(await inChunks(ctx, ahead, (ids) => exactTouches(ctx, filter.asOf, ids))));
  return touches.sort((a, b) => compare(a.accountId, b.accountId));
}

async function exactTouches({ db, engine }: SqlContext, asOf: string, ids: string[]): Promise<AccountTouches[]> {
  const rows = await db
    .selectFrom('activities')
    .select(['account_id', sql<number>`count(*)`.as('n'), sql<string>`min(occurred_at)`.as('first_at'), sql<string>`max(occurred_at)`.as('last_at')])
    .where(inIds(engine.kind, ids))
    .where('occurred_at', '<', asOf)
    .groupBy('account_id')
    .execute();
  return rows.flatMap((r) => (r.account_id === null ? [] : [{ accountId: r.account_id, touches: Number(r.n), firstTouchAt: r.first_at, lastTouchAt: r.last_at }]));
}

/** `account_id` among the ids: an array parameter on PostgreSQL, a list of parameters on SQLite. */
const inIds = (kind: SqlContext['engine']['kind'], ids: readonly string[]) =>
  kind === 'postgres' ? sql<boolean>`account_id = any(cast(${ids} as text[]))` : sql<boolean>`account_id in (${sql.join(ids)})`;

/**
 * Runs `query` on the ids a chunk at a time: PostgreSQL several thousand per chunk on several
 * pooled connections at once, SQLite (one connection) a thousand at a time in turn.
 */
async function inChunks<T>({ engine }: SqlContext, ids: readonly string[], query: (ids: string[]) => Promise<T[]>): Promise<T[]> {
  const size = engine.kind === 'postgres' ? 2_500 : 1_000;
  const chunks: string[][] = [];
  for (let i = 0; i < ids.length; i += size) chunks.push(ids.slice(i, i + size));
  return (await Promise.all(chunks.map(query))).flat();
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

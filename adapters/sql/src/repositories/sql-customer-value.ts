import type { AccountOrders, AccountTouches } from '@rapport/core';
import { sql } from 'kysely';
import type { SqlContext } from '../context.js';
import { AMOUNT_SUM } from './sql-money-sums.js';

/** Each buying account's won deals by currency, one streaming GROUP BY over deals_won_by_account, with its owner. */
export async function accountOrders({ db }: SqlContext, filter: { asOf: string }): Promise<AccountOrders[]> {
  const rows = await db
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
        .where('closed_at', '<', filter.asOf)
        .groupBy(['account_id', 'currency'])
        .as('w'),
    )
    .innerJoin('accounts as a', 'a.id', 'w.account_id')
    .select(['w.account_id', 'a.owner_id', 'w.currency', 'w.n', 'w.amount', 'w.first_at', 'w.last_at'])
    .orderBy('w.account_id')
    .orderBy('w.currency')
    .execute();
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
 * Touches per account, from activities_by_account. PostgreSQL takes the ids as arrays, a few
 * thousand at a time on several pooled connections at once; SQLite (one connection) a thousand
 * at a time in turn.
 */
export async function accountTouches({ db, engine }: SqlContext, filter: { asOf: string; accountIds: readonly string[] }): Promise<AccountTouches[]> {
  const size = engine.kind === 'postgres' ? 2_500 : 1_000;
  const chunks: string[][] = [];
  for (let i = 0; i < filter.accountIds.length; i += size) chunks.push(filter.accountIds.slice(i, i + size));
  const touchesOf = (ids: string[]) =>
    db
      .selectFrom('activities')
      .select(['account_id', sql<number>`count(*)`.as('n'), sql<string>`min(occurred_at)`.as('first_at'), sql<string>`max(occurred_at)`.as('last_at')])
      .where(engine.kind === 'postgres' ? sql<boolean>`account_id = any(cast(${ids} as text[]))` : sql<boolean>`account_id in (${sql.join(ids)})`)
      .where('occurred_at', '<', filter.asOf)
      .groupBy('account_id')
      .execute();
  const rows = (await Promise.all(chunks.map(touchesOf))).flat();
  return rows
    .flatMap((r) => (r.account_id === null ? [] : [{ accountId: r.account_id, touches: Number(r.n), firstTouchAt: r.first_at, lastTouchAt: r.last_at }]))
    .sort((a, b) => (a.accountId < b.accountId ? -1 : a.accountId > b.accountId ? 1 : 0));
}

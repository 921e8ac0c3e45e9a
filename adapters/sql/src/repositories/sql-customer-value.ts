import type { AccountValue, ChurnFilter, CurrencyAmount, CustomerValueFilter, RfmCell, RfmScores } from '@rapport/core';
import { sql, type RawBuilder } from 'kysely';
import type { SqlContext } from '../context.js';
import { matchesNothing } from '../sql-paging.js';
import { bigintParam, epochSeconds } from '../sql-time.js';

/** rfmScore of core: 1 + ⌊5 × (rank − 1) / (n − 1)⌋, at most 5, and 1 when n is 1. */
const score = (rank: string, n: string): RawBuilder<number> =>
  sql<number>`case when ${sql.raw(n)} <= 1 then 1 when (5 * (${sql.raw(rank)} - 1)) / (${sql.raw(n)} - 1) >= 4 then 5 else 1 + (5 * (${sql.raw(rank)} - 1)) / (${sql.raw(n)} - 1) end`;

/**
 * RFM scores for every account with won deals before asOf, ranked across the company with
 * RANK() and scored as rfmScore: recency by the last won deal, frequency by their count,
 * monetary by the amount within each currency, best currency kept.
 */
const scored = (asOf: string): RawBuilder<unknown> => sql`
  won as (
    select d.account_id, d.currency, count(*) as n, sum(d.amount_minor) as amount, min(d.closed_at) as first_at, max(d.closed_at) as last_at
    from deals d join accounts a on a.id = d.account_id
    where d.status = 'won' and d.closed_at < ${asOf}
    group by d.account_id, d.currency
  ), per_account as (
    select account_id, sum(n) as orders, min(first_at) as first_at, max(last_at) as last_at from won group by account_id
  ), money as (
    select account_id, max(${score('r', 'c')}) as monetary from (
      select account_id, rank() over (partition by currency order by amount) as r, count(*) over (partition by currency) as c from won
    ) ranked group by account_id
  ), ranked as (
    select p.account_id, p.orders, p.first_at, p.last_at, m.monetary,
      rank() over (order by p.last_at) as r_rank, rank() over (order by p.orders) as f_rank, count(*) over () as n
    from per_account p join money m on m.account_id = p.account_id
  ), scored as materialized (
    select account_id, orders, first_at, last_at, ${score('r_rank', 'n')} as recency, ${score('f_rank', 'n')} as frequency, monetary from ranked
  )`;

const ownedBy = (ownerIds: readonly string[] | undefined): RawBuilder<unknown> => (ownerIds ? sql`and a.owner_id in (${sql.join(ownerIds)})` : sql``);

interface ValueRow {
  account_id: string;
  name: string;
  owner_id: string;
  recency: number;
  frequency: number;
  monetary: number;
  orders: number;
  first_at: string;
  last_at: string;
}

interface TouchRow {
  account_id: string;
  n: number;
  first_touch: string | null;
  last_touch: string | null;
}

export function customerValueQueries({ db, engine }: SqlContext) {
  /** Amounts per currency and touches (activities before asOf) of the given accounts. */
  async function evidence(asOf: string, rows: readonly ValueRow[], touches?: ReadonlyMap<string, TouchRow>): Promise<AccountValue[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.account_id);
    const paid = await db
      .selectFrom('deals')
      .select(['account_id', 'currency', sql<number>`cast(sum(amount_minor) as bigint)`.as('amount')])
      .where('status', '=', 'won')
      .where('closed_at', '<', asOf)
      .where('account_id', 'in', ids)
      .groupBy(['account_id', 'currency'])
      .orderBy('account_id')
      .orderBy('currency')
      .execute();
    const byAccount = new Map<string, CurrencyAmount[]>();
    for (const p of paid) byAccount.set(p.account_id, [...(byAccount.get(p.account_id) ?? []), { currency: p.currency, amountMinor: Number(p.amount) }]);
    const touched =
      touches ??
      new Map(
        (
          await db
            .selectFrom('activities')
            .select(['account_id', sql<number>`count(*)`.as('n'), sql<string>`min(occurred_at)`.as('first_touch'), sql<string>`max(occurred_at)`.as('last_touch')])
            .where('account_id', 'in', ids)
            .where('occurred_at', '<', asOf)
            .groupBy('account_id')
            .execute()
        ).map((t) => [t.account_id ?? '', t as TouchRow]),
      );
    return rows.map((r) => {
      const t = touched.get(r.account_id);
      return {
        accountId: r.account_id,
        accountName: r.name,
        ownerId: r.owner_id,
        recency: Number(r.recency),
        frequency: Number(r.frequency),
        monetary: Number(r.monetary),
        orders: Number(r.orders),
        firstOrderAt: r.first_at,
        lastOrderAt: r.last_at,
        byCurrency: byAccount.get(r.account_id) ?? [],
        touches: Number(t?.n ?? 0),
        firstTouchAt: t?.first_touch ?? null,
        lastTouchAt: t?.last_touch ?? null,
      };
    });
  }

  return {
    async cells(filter: CustomerValueFilter): Promise<RfmCell[]> {
      if (matchesNothing(filter.ownerIds)) return [];
      const { rows } = await sql<{ recency: number; frequency: number; monetary: number; currency: string | null; accounts: number; amount: number }>`
        with ${scored(filter.asOf)}, scoped as materialized (
          select s.* from scored s join accounts a on a.id = s.account_id where 1 = 1 ${ownedBy(filter.ownerIds)}
        )
        select recency, frequency, monetary, null as currency, count(*) as accounts, cast(sum(orders) as bigint) as amount
        from scoped group by recency, frequency, monetary
        union all
        select s.recency, s.frequency, s.monetary, w.currency, 0 as accounts, cast(sum(w.amount) as bigint) as amount
        from scoped s join won w on w.account_id = s.account_id group by s.recency, s.frequency, s.monetary, w.currency`.execute(db);
      const cells = new Map<string, RfmCell>();
      const cellOf = (r: RfmScores): RfmCell => {
        const key = `${r.recency}-${r.frequency}-${r.monetary}`;
        const cell = cells.get(key) ?? { recency: Number(r.recency), frequency: Number(r.frequency), monetary: Number(r.monetary), accounts: 0, orders: 0, byCurrency: [] };
        cells.set(key, cell);
        return cell;
      };
      for (const row of rows) {
        const cell = cellOf(row);
        if (row.currency === null) {
          cell.accounts = Number(row.accounts);
          cell.orders = Number(row.amount);
        } else {
          cell.byCurrency.push({ currency: row.currency, amountMinor: Number(row.amount) });
        }
      }
      const order = (c: RfmScores): number => c.recency * 100 + c.frequency * 10 + c.monetary;
      return [...cells.values()]
        .sort((a, b) => order(a) - order(b))
        .map((c) => ({ ...c, byCurrency: c.byCurrency.sort((x, y) => (x.currency < y.currency ? -1 : x.currency > y.currency ? 1 : 0)) }));
    },

    async accounts(filter: CustomerValueFilter & { cells: readonly RfmScores[]; limit: number }): Promise<AccountValue[]> {
      if (matchesNothing(filter.ownerIds, filter.cells)) return [];
      const codes = filter.cells.map((c) => sql.lit(c.recency * 100 + c.frequency * 10 + c.monetary));
      const { rows } = await sql<ValueRow>`
        with ${scored(filter.asOf)}
        select s.account_id, a.name, a.owner_id, s.recency, s.frequency, s.monetary, cast(s.orders as bigint) as orders, s.first_at, s.last_at
        from scored s join accounts a on a.id = s.account_id
        where s.recency * 100 + s.frequency * 10 + s.monetary in (${sql.join(codes)}) ${ownedBy(filter.ownerIds)}
        order by s.recency + s.frequency + s.monetary desc, s.last_at desc, s.account_id
        limit ${filter.limit}`.execute(db);
      return evidence(filter.asOf, rows);
    },

    async churn(filter: ChurnFilter): Promise<AccountValue[]> {
      if (matchesNothing(filter.ownerIds)) return [];
      const s = (ref: string) => epochSeconds(engine, sql.ref(ref));
      const now = bigintParam(Math.floor(Date.parse(filter.asOf) / 1000));
      const factor = bigintParam(filter.factorPercent);
      const quiet = sql`(t.n >= ${bigintParam(filter.minTouches)} and ${s('t.last_touch')} > ${s('t.first_touch')}
        and ${now} - ${s('t.last_touch')} >= ${bigintParam(filter.minSilenceSeconds)}
        and (${now} - ${s('t.last_touch')}) * (t.n - 1) * 100 > ${factor} * (${s('t.last_touch')} - ${s('t.first_touch')}))`;
      const buyingLess = sql`(v.orders >= ${bigintParam(filter.minOrders)} and ${s('v.last_at')} > ${s('v.first_at')}
        and (${now} - ${s('v.last_at')}) * (v.orders - 1) * 100 > ${factor} * (${s('v.last_at')} - ${s('v.first_at')}))`;
      const { rows } = await sql<ValueRow & TouchRow>`
        with ${scored(filter.asOf)}, valuable as (
          select s.account_id, a.name, a.owner_id, s.recency, s.frequency, s.monetary, cast(s.orders as bigint) as orders, s.first_at, s.last_at
          from scored s join accounts a on a.id = s.account_id
          where (s.monetary >= ${bigintParam(filter.minMonetary)} or s.frequency >= ${bigintParam(filter.minFrequency)}) ${ownedBy(filter.ownerIds)}
        ), touches as (
          select account_id, count(*) as n, min(occurred_at) as first_touch, max(occurred_at) as last_touch
          from activities where account_id in (select account_id from valuable) and occurred_at < ${filter.asOf}
          group by account_id
        )
        select v.*, t.n, t.first_touch, t.last_touch
        from valuable v left join touches t on t.account_id = v.account_id
        where ${quiet} or ${buyingLess}
        order by v.monetary desc, v.frequency desc, v.recency desc, v.account_id
        limit ${filter.limit}`.execute(db);
      return evidence(filter.asOf, rows, new Map(rows.map((r) => [r.account_id, r])));
    },
  };
}

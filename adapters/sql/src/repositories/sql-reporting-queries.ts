import type { AccountWonDay, ClosedByDayFilter, ClosedDayTotal, ReportingQueries } from '@rapport/core';
import { sql } from 'kysely';
import type { SqlContext } from '../context.js';
import { matchesNothing } from '../sql-paging.js';
import { AMOUNT_SUM } from './sql-money-sums.js';

/** The UTC calendar date of an ISO instant stored as text: its first ten characters, on either engine. */
const CLOSE_DAY = sql<string>`substr(closed_at, 1, 10)`;

/** Closed money by day, for totals in the reporting currency (each day converts at its own rate). */
export class SqlReportingQueries implements ReportingQueries {
  constructor(private readonly ctx: SqlContext) {}

  async closedByDay(filter: ClosedByDayFilter): Promise<ClosedDayTotal[]> {
    if (matchesNothing(filter.ownerIds, filter.statuses)) return [];
    let query = this.ctx.db
      .selectFrom('deals')
      .select(['status', 'currency', CLOSE_DAY.as('day'), sql<number | string>`count(*)`.as('count'), AMOUNT_SUM.as('amount_minor')])
      .where('status', 'in', filter.statuses)
      .where('closed_at', 'is not', null);
    if (filter.from !== undefined) query = query.where('closed_at', '>=', filter.from);
    if (filter.to !== undefined) query = query.where('closed_at', '<', filter.to);
    if (filter.ownerIds) query = query.where('owner_id', 'in', filter.ownerIds);
    if (filter.pipelineId !== undefined) query = query.where('pipeline_id', '=', filter.pipelineId);
    if (filter.campaignId !== undefined) query = query.where('campaign_id', '=', filter.campaignId);
    const rows = await query.groupBy(['status', 'currency', CLOSE_DAY]).orderBy('status').orderBy('currency').orderBy('day').execute();
    return rows.map((r) => ({ status: r.status as 'won' | 'lost', currency: r.currency, day: r.day, count: Number(r.count), amountMinor: Number(r.amount_minor) }));
  }

  async accountWonByDay(filter: { asOf: string }): Promise<AccountWonDay[]> {
    const rows = await this.ctx.db
      .selectFrom('deals')
      .select(['account_id', 'currency', CLOSE_DAY.as('day'), AMOUNT_SUM.as('amount_minor')])
      .where('status', '=', 'won')
      .where('closed_at', 'is not', null)
      .where('closed_at', '<', filter.asOf)
      .groupBy(['account_id', 'currency', CLOSE_DAY])
      .orderBy('account_id')
      .orderBy('currency')
      .orderBy('day')
      .execute();
    return rows.map((r) => ({ accountId: r.account_id, currency: r.currency, day: r.day, amountMinor: Number(r.amount_minor) }));
  }
}

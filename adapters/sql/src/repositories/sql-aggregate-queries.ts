import type { AggregateQueries, StageTotal, StageTotalsFilter } from '@rapport/core';
import { sql } from 'kysely';
import type { SqlContext } from '../context.js';
import { matchesNothing } from '../sql-paging.js';
import { whereDeal } from './sql-deal-repository.js';
import { AMOUNT_SUM, WEIGHTED_SUM } from './sql-money-sums.js';

/**
 * Pipeline totals as one GROUP BY. The weighted amount rounds per deal, half up, with integer
 * division on both engines: Σ floor((amount_minor × probability + 50) / 100).
 */
export class SqlAggregateQueries implements AggregateQueries {
  constructor(private readonly ctx: SqlContext) {}

  async stageTotals(filter: StageTotalsFilter): Promise<StageTotal[]> {
    if (matchesNothing(filter.ownerIds)) return [];
    const query = whereDeal(this.ctx.db.selectFrom('deals'), { ...filter, statuses: ['open'] })
      .select([
        'stage_id',
        'currency',
        sql<number>`count(*)`.as('count'),
        AMOUNT_SUM.as('amount_minor'),
        WEIGHTED_SUM.as('weighted_minor'),
      ])
      .groupBy(['stage_id', 'currency'])
      .orderBy('stage_id')
      .orderBy('currency');
    const rows = await query.execute();
    return rows.map((row) => ({
      stageId: row.stage_id,
      currency: row.currency,
      count: Number(row.count),
      amountMinor: Number(row.amount_minor),
      weightedMinor: Number(row.weighted_minor),
    }));
  }
}

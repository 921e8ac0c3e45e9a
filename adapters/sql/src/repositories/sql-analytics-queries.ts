import type {
  AccountValue,
  AnalyticsQueries,
  CampaignTotal,
  ChurnFilter,
  ClosedDealsFilter,
  ClosedTotal,
  CrmEvent,
  CustomerValueFilter,
  DealEventsFilter,
  DealStatus,
  FunnelFilter,
  FunnelRow,
  LossRow,
  OpenDealsFilter,
  OpenTotal,
  RepActivityFilter,
  RepActivityRows,
  RfmCell,
  RfmScores,
  StageDuration,
  StageDurationsFilter,
  StaleDealRow,
  StaleDealsFilter,
  WinLossFilter,
} from '@rapport/core';
import { sql, type Selectable } from 'kysely';
import type { SqlContext } from '../context.js';
import type { DealsTable } from '../database.js';
import { readBool } from '../engine.js';
import { matchesNothing } from '../sql-paging.js';
import { bigintParam, epochMs, epochSeconds } from '../sql-time.js';
import { customerValueQueries } from './sql-customer-value.js';
import { toDeal } from './sql-deal-rows.js';
import { toEvent } from './sql-event-repository.js';
import { repActivity } from './sql-rep-activity.js';

/** Σ floor((amount × probability + 50) / 100) in integer division: each deal rounds half up, as in stageTotals. */
const WEIGHTED = sql<number>`cast(sum((amount_minor * probability + 50) / 100) as bigint)`;
const AMOUNT = sql<number>`cast(sum(amount_minor) as bigint)`;
const COUNT = sql<number>`count(*)`;

/**
 * The analytics queries as SQL: GROUP BY for totals, window functions for medians and
 * rankings, the deal_stage_times table for time in stage, and each filter's range on an index.
 */
export class SqlAnalyticsQueries implements AnalyticsQueries {
  constructor(private readonly ctx: SqlContext) {}

  async closedTotals(filter: ClosedDealsFilter): Promise<ClosedTotal[]> {
    if (matchesNothing(filter.ownerIds, filter.statuses)) return [];
    let query = this.ctx.db
      .selectFrom('deals')
      .select(['owner_id', 'status', 'currency', COUNT.as('count'), AMOUNT.as('amount_minor')])
      .where('status', 'in', filter.statuses)
      .where('closed_at', '>=', filter.from)
      .where('closed_at', '<', filter.to);
    if (filter.ownerIds) query = query.where('owner_id', 'in', filter.ownerIds);
    if (filter.pipelineId !== undefined) query = query.where('pipeline_id', '=', filter.pipelineId);
    const rows = await query.groupBy(['owner_id', 'status', 'currency']).orderBy('owner_id').orderBy('status').orderBy('currency').execute();
    return rows.map((r) => ({ ownerId: r.owner_id, status: r.status as 'won' | 'lost', currency: r.currency, count: Number(r.count), amountMinor: Number(r.amount_minor) }));
  }

  async openTotals(filter: OpenDealsFilter): Promise<OpenTotal[]> {
    if (matchesNothing(filter.ownerIds)) return [];
    let query = this.ctx.db
      .selectFrom('deals')
      .select(['owner_id', 'currency', 'probability', 'forecast_commit', COUNT.as('count'), AMOUNT.as('amount_minor'), WEIGHTED.as('weighted_minor')])
      .where('status', '=', 'open')
      .where('expected_close_date', '>=', filter.closeFrom)
      .where('expected_close_date', '<=', filter.closeTo);
    if (filter.ownerIds) query = query.where('owner_id', 'in', filter.ownerIds);
    if (filter.pipelineId !== undefined) query = query.where('pipeline_id', '=', filter.pipelineId);
    const rows = await query
      .groupBy(['owner_id', 'currency', 'probability', 'forecast_commit'])
      .orderBy('owner_id')
      .orderBy('currency')
      .orderBy('probability')
      .orderBy('forecast_commit')
      .execute();
    return rows.map((r) => ({
      ownerId: r.owner_id,
      currency: r.currency,
      probability: r.probability,
      commit: readBool(r.forecast_commit),
      count: Number(r.count),
      amountMinor: Number(r.amount_minor),
      weightedMinor: Number(r.weighted_minor),
    }));
  }

  async dealEvents(filter: DealEventsFilter): Promise<CrmEvent[]> {
    if (matchesNothing(filter.ownerIds, filter.types)) return [];
    let query = this.ctx.db
      .selectFrom('events as e')
      .innerJoin('deals as d', 'd.id', 'e.entity_id')
      .selectAll('e')
      .where('e.entity_type', '=', 'deal')
      .where('e.type', 'in', filter.types)
      .where('e.at', '>=', filter.from)
      .where('e.at', '<', filter.to);
    if (filter.ownerIds) query = query.where('d.owner_id', 'in', filter.ownerIds);
    const rows = await query.orderBy('e.at', 'desc').orderBy('e.id', 'desc').limit(filter.limit).execute();
    return rows.map((row) => toEvent(row, this.ctx.engine));
  }

  async stageDurations(filter: StageDurationsFilter): Promise<StageDuration[]> {
    if (matchesNothing(filter.ownerIds)) return [];
    const owners = filter.ownerIds ? sql`and d.owner_id in (${sql.join(filter.ownerIds)})` : sql``;
    const { rows } = await sql<{ stage_id: string; count: number; total_ms: number; median_low: number; median_high: number }>`
      with samples as (
        select t.stage_id, t.duration_ms
        from deal_stage_times t join deals d on d.id = t.deal_id
        where t.last_left_at >= ${filter.leftFrom} and t.last_left_at < ${filter.leftTo} and d.pipeline_id = ${filter.pipelineId} ${owners}
          and not (d.stage_id = t.stage_id and d.status in ('open', 'suspended'))
      ), ranked as (
        select stage_id, duration_ms,
          row_number() over (partition by stage_id order by duration_ms) as rn,
          count(*) over (partition by stage_id) as n
        from samples
      )
      select stage_id, max(n) as count, cast(sum(duration_ms) as bigint) as total_ms,
        min(case when rn = (n + 1) / 2 then duration_ms end) as median_low,
        min(case when rn = (n + 2) / 2 then duration_ms end) as median_high
      from ranked group by stage_id order by stage_id`.execute(this.ctx.db);
    return rows.map((r) => ({ stageId: r.stage_id, count: Number(r.count), totalMs: Number(r.total_ms), medianLowMs: Number(r.median_low), medianHighMs: Number(r.median_high) }));
  }

  async staleDeals(filter: StaleDealsFilter): Promise<StaleDealRow[]> {
    if (matchesNothing(filter.ownerIds) || filter.thresholds.length === 0) return [];
    const engine = this.ctx.engine;
    const owners = filter.ownerIds ? sql`and d.owner_id in (${sql.join(filter.ownerIds)})` : sql``;
    const afterMs = sql`case d.stage_id ${sql.join(filter.thresholds.map((t) => sql`when ${t.stageId} then ${bigintParam(t.afterMs)}`), sql` `)} end`;
    const { rows } = await sql<Selectable<DealsTable> & { time_ms: number }>`
      select * from (
        select d.*, coalesce(t.duration_ms, 0) + ${bigintParam(Date.parse(filter.asOf))} - ${epochMs(engine, sql.ref('d.stage_entered_at'))} as time_ms, ${afterMs} as after_ms
        from deals d left join deal_stage_times t on t.deal_id = d.id and t.stage_id = d.stage_id
        where d.pipeline_id = ${filter.pipelineId} and d.status = 'open' and d.stage_id in (${sql.join(filter.thresholds.map((t) => t.stageId))}) ${owners}
      ) x
      where time_ms > after_ms
      order by (time_ms * 1000) / after_ms desc, id
      limit ${filter.limit}`.execute(this.ctx.db);
    return rows.map((row) => ({ deal: toDeal(row, engine), timeInStageMs: Number(row.time_ms) }));
  }

  async funnel(filter: FunnelFilter): Promise<FunnelRow[]> {
    if (matchesNothing(filter.ownerIds)) return [];
    const engine = this.ctx.engine;
    const owners = filter.ownerIds ? sql`and d.owner_id in (${sql.join(filter.ownerIds)})` : sql``;
    const position = filter.stageIds.length === 0 ? sql`-1` : sql`case sc.stage_id ${sql.join(filter.stageIds.map((id, i) => sql`when ${id} then ${sql.lit(i)}`), sql` `)} else -1 end`;
    const cycle = sql`${epochSeconds(engine, sql.ref('d.closed_at'))} - ${epochSeconds(engine, sql.ref('d.created_at'))}`;
    const { rows } = await sql<{ furthest: number; status: 'won' | 'lost'; count: number; cycle_seconds: number }>`
      select furthest, status, count(*) as count, cast(sum(cycle) as bigint) as cycle_seconds from (
        select d.id, d.status, max(${position}) as furthest, ${cycle} as cycle
        from deals d left join stage_changes sc on sc.deal_id = d.id
        where d.pipeline_id = ${filter.pipelineId} and d.status in ('won', 'lost') and d.closed_at >= ${filter.from} and d.closed_at < ${filter.to} ${owners}
        group by d.id, d.status, d.closed_at, d.created_at
      ) x
      group by furthest, status order by furthest, status`.execute(this.ctx.db);
    return rows.map((r) => ({ furthestIndex: Number(r.furthest), status: r.status, count: Number(r.count), cycleSeconds: Number(r.cycle_seconds) }));
  }

  async repActivity(filter: RepActivityFilter): Promise<RepActivityRows> {
    return repActivity(this.ctx, filter);
  }

  async rfmCells(filter: CustomerValueFilter): Promise<RfmCell[]> {
    return customerValueQueries(this.ctx).cells(filter);
  }

  async rfmAccounts(filter: CustomerValueFilter & { cells: readonly RfmScores[]; limit: number }): Promise<AccountValue[]> {
    return customerValueQueries(this.ctx).accounts(filter);
  }

  async churnCandidates(filter: ChurnFilter): Promise<AccountValue[]> {
    return customerValueQueries(this.ctx).churn(filter);
  }

  async lossReasons(filter: WinLossFilter): Promise<LossRow[]> {
    if (matchesNothing(filter.ownerIds)) return [];
    let query = this.ctx.db
      .selectFrom('deals')
      .select(['lost_reason', 'competitor', 'currency', COUNT.as('count'), AMOUNT.as('amount_minor')])
      .where('status', '=', 'lost')
      .where('closed_at', '>=', filter.from)
      .where('closed_at', '<', filter.to);
    if (filter.ownerIds) query = query.where('owner_id', 'in', filter.ownerIds);
    if (filter.pipelineId !== undefined) query = query.where('pipeline_id', '=', filter.pipelineId);
    const rows = await query
      .groupBy(['lost_reason', 'competitor', 'currency'])
      .orderBy(sql`lost_reason asc nulls first`)
      .orderBy(sql`competitor asc nulls first`)
      .orderBy('currency')
      .execute();
    return rows.map((r) => ({ reason: r.lost_reason, competitor: r.competitor, currency: r.currency, count: Number(r.count), amountMinor: Number(r.amount_minor) }));
  }

  async campaignTotals(campaignId: string): Promise<CampaignTotal[]> {
    const rows = await this.ctx.db
      .selectFrom('deals')
      .select(['status', 'currency', COUNT.as('count'), AMOUNT.as('amount_minor'), WEIGHTED.as('weighted_minor')])
      .where('campaign_id', '=', campaignId)
      .groupBy(['status', 'currency'])
      .orderBy('status')
      .orderBy('currency')
      .execute();
    return rows.map((r) => ({ status: r.status as DealStatus, currency: r.currency, count: Number(r.count), amountMinor: Number(r.amount_minor), weightedMinor: Number(r.weighted_minor) }));
  }
}

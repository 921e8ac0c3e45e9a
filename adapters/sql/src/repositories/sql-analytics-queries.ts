import { moreOverdue } from '@rapport/core';
import type {
  AccountOrders,
  AccountTouches,
  AnalyticsQueries,
  CampaignTotal,
  ClosedDealsFilter,
  ClosedTotal,
  CrmEvent,
  DealEventsFilter,
  DealStatus,
  FunnelFilter,
  FunnelRow,
  LossRow,
  OpenDealsFilter,
  OpenTotal,
  RepActivityFilter,
  RepActivityRows,
  StageDuration,
  StageDurationsFilter,
  StaleDealRow,
  StaleDealsFilter,
  WinLossFilter,
} from '@rapport/core';
import { sql } from 'kysely';
import type { SqlContext } from '../context.js';
import { readBool } from '../engine.js';
import { matchesNothing } from '../sql-paging.js';
import { epochSeconds } from '../sql-time.js';
import { accountOrders, accountTouches } from './sql-customer-value.js';
import { toDeal } from './sql-deal-rows.js';
import { toEvent } from './sql-event-repository.js';
import { AMOUNT_SUM, WEIGHTED_SUM } from './sql-money-sums.js';
import { repActivity } from './sql-rep-activity.js';

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
      .select(['owner_id', 'status', 'currency', COUNT.as('count'), AMOUNT_SUM.as('amount_minor')])
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
      .select(['owner_id', 'currency', 'probability', 'forecast_commit', COUNT.as('count'), AMOUNT_SUM.as('amount_minor'), WEIGHTED_SUM.as('weighted_minor')])
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
    const owners = filter.ownerIds ? sql`and owner_id in (${sql.join(filter.ownerIds)})` : sql``;
    const samples = sql`from deal_stage_times
      where pipeline_id = ${filter.pipelineId} and last_left_at >= ${filter.leftFrom} and last_left_at < ${filter.leftTo} and sitting = 0 ${owners}`;
    if (this.ctx.engine.kind === 'postgres') {
      // One range of deal_stage_times_by_exit. The samples at positions ⌊(n+1)/2⌋ and ⌊(n+2)/2⌋:
      // percentile_disc(f) is the value at position ⌈f·n⌉, so 0.5 gives the first and a fraction a
      // hair above 0.5 the second, for any n below 10¹⁰.
      const { rows } = await sql<{ stage_id: string; count: number; total_ms: number; median_low: number; median_high: number }>`
        select stage_id, count(*) as count, cast(sum(duration_ms) as bigint) as total_ms,
          percentile_disc(0.5) within group (order by duration_ms) as median_low,
          percentile_disc(0.5000000001) within group (order by duration_ms) as median_high
        ${samples} group by stage_id order by stage_id`.execute(this.ctx.db);
      return rows.map((r) => ({ stageId: r.stage_id, count: Number(r.count), totalMs: Number(r.total_ms), medianLowMs: Number(r.median_low), medianHighMs: Number(r.median_high) }));
    }
    // SQLite: counts and totals from one range of deal_stage_times_by_exit, then each stage's
    // middle sample (or two, for an even count) by walking deal_stage_times_by_duration in
    // duration order to it: no sort of the window's samples, which numbering them would need.
    const { rows: stages } = await sql<{ stage_id: string; count: number; total_ms: number }>`
      select stage_id, count(*) as count, cast(sum(duration_ms) as bigint) as total_ms ${samples} group by stage_id order by stage_id`.execute(this.ctx.db);
    const out: StageDuration[] = [];
    for (const stage of stages) {
      const n = Number(stage.count);
      const { rows } = await sql<{ duration_ms: number }>`
        select duration_ms from deal_stage_times indexed by deal_stage_times_by_duration
        where pipeline_id = ${filter.pipelineId} and sitting = 0 and stage_id = ${stage.stage_id}
          and last_left_at >= ${filter.leftFrom} and last_left_at < ${filter.leftTo} ${owners}
        order by duration_ms limit ${2 - (n % 2)} offset ${Math.floor((n - 1) / 2)}`.execute(this.ctx.db);
      const low = Number(rows[0]?.duration_ms ?? 0);
      out.push({ stageId: stage.stage_id, count: n, totalMs: Number(stage.total_ms), medianLowMs: low, medianHighMs: Number(rows[rows.length - 1]?.duration_ms ?? low) });
    }
    return out;
  }

  /**
   * Per stage, the open deals never in it before whose entry is older than now − threshold, oldest
   * first up to the limit (an index range: their order is the stale order), plus every open deal
   * back in a stage it was in before (few; its earlier time counts). Then in exact stale order.
   */
  async staleDeals(filter: StaleDealsFilter): Promise<StaleDealRow[]> {
    if (matchesNothing(filter.ownerIds) || filter.thresholds.length === 0) return [];
    const { db, engine } = this.ctx;
    const asOf = Date.parse(filter.asOf);
    const afterOf = new Map(filter.thresholds.map((t) => [t.stageId, t.afterMs]));
    const candidates: Array<{ id: string; stage_id: string; stage_entered_at: string; prior_ms: number }> = [];
    for (const t of filter.thresholds) {
      let query = db
        .selectFrom('deals as d')
        .select(['d.id', 'd.stage_id', 'd.stage_entered_at', sql<number>`0`.as('prior_ms')])
        .where('d.pipeline_id', '=', filter.pipelineId)
        .where('d.status', '=', 'open')
        .where('d.stage_id', '=', t.stageId)
        .where('d.stage_entered_at', '<', new Date(asOf - t.afterMs).toISOString())
        .where((eb) => eb.not(eb.exists(eb.selectFrom('deal_stage_times as t').select('t.deal_id').whereRef('t.deal_id', '=', 'd.id').whereRef('t.stage_id', '=', 'd.stage_id'))));
      if (filter.ownerIds) query = query.where('d.owner_id', 'in', filter.ownerIds);
      candidates.push(...(await query.orderBy('d.stage_entered_at').orderBy('d.id').limit(filter.limit).execute()));
    }
    let again = db
      .selectFrom('deal_stage_times as t')
      .innerJoin('deals as d', (join) => join.onRef('d.id', '=', 't.deal_id').onRef('d.stage_id', '=', 't.stage_id'))
      .select(['d.id', 'd.stage_id', 'd.stage_entered_at', 't.duration_ms as prior_ms'])
      .where('t.pipeline_id', '=', filter.pipelineId)
      .where('t.sitting', '=', 1)
      .where('d.status', '=', 'open')
      .where('d.stage_id', 'in', filter.thresholds.map((t) => t.stageId));
    if (filter.ownerIds) again = again.where('d.owner_id', 'in', filter.ownerIds);
    candidates.push(...(await again.execute()));
    const stale = candidates
      .map((c) => ({ dealId: c.id, timeInStageMs: Number(c.prior_ms) + asOf - Date.parse(c.stage_entered_at), afterMs: afterOf.get(c.stage_id) ?? Number.POSITIVE_INFINITY }))
      .filter((c) => c.timeInStageMs > c.afterMs)
      .sort(moreOverdue)
      .slice(0, filter.limit);
    if (stale.length === 0) return [];
    const deals = new Map((await db.selectFrom('deals').selectAll().where('id', 'in', stale.map((s) => s.dealId)).execute()).map((row) => [row.id, toDeal(row, engine)]));
    return stale.flatMap((s) => {
      const deal = deals.get(s.dealId);
      return deal ? [{ deal, timeInStageMs: s.timeInStageMs }] : [];
    });
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

  async accountOrders(filter: { asOf: string }): Promise<AccountOrders[]> {
    return accountOrders(this.ctx, filter);
  }

  async accountTouches(filter: { asOf: string; accountIds: readonly string[] }): Promise<AccountTouches[]> {
    return filter.accountIds.length === 0 ? [] : accountTouches(this.ctx, filter);
  }

  async lossReasons(filter: WinLossFilter): Promise<LossRow[]> {
    if (matchesNothing(filter.ownerIds)) return [];
    let query = this.ctx.db
      .selectFrom('deals')
      .select(['lost_reason', 'competitor', 'currency', COUNT.as('count'), AMOUNT_SUM.as('amount_minor')])
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
      .select(['status', 'currency', COUNT.as('count'), AMOUNT_SUM.as('amount_minor'), WEIGHTED_SUM.as('weighted_minor')])
      .where('campaign_id', '=', campaignId)
      .groupBy(['status', 'currency'])
      .orderBy('status')
      .orderBy('currency')
      .execute();
    return rows.map((r) => ({ status: r.status as DealStatus, currency: r.currency, count: Number(r.count), amountMinor: Number(r.amount_minor), weightedMinor: Number(r.weighted_minor) }));
  }
}

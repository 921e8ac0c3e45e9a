import { requireDeal, requirePipeline } from '../../deals/deal.service.js';
import type { Actor, AnalyticsServiceDeps } from '../../services/context.js';
import { invalidInput } from '../../shared/errors.js';
import { lookback, reportTime } from '../report-range.js';
import { resolveScope } from '../scope/report-scope.js';
import { stageTimeStats } from './stage-stats.js';
import { findStaleDeals, STALE_BASELINE_DAYS } from './stale-deals.js';
import type { StageTimesReport, StaleDealsReport } from './stage-times.schema.js';
import { msToDays, stageTimes } from './stage-times.js';

export interface StageTimesQuery {
  scope?: string | undefined;
  pipelineId?: string | undefined;
  /** Calendar dates in the reader's zone; default the last 90 days. */
  from?: string | undefined;
  to?: string | undefined;
  timeZone?: string | undefined;
  dealId?: string | undefined;
}

export const MAX_STALE_DEALS = 200;

/** Time in stage from the stage-history ledger: per-stage average and median, one deal's times, and stale deals. */
export class StageTimeService {
  constructor(private readonly deps: AnalyticsServiceDeps) {}

  async stageTimes(actor: Actor, query: StageTimesQuery): Promise<StageTimesReport> {
    const time = reportTime(actor.user, this.deps.clock.now(), query.timeZone);
    const range = lookback(time, query.from, query.to);
    return this.deps.store.read(async (uow) => {
      const scope = await resolveScope(uow, actor.user, query.scope);
      const pipeline = await requirePipeline(uow, query.pipelineId);
      const durations = await uow.analytics.stageDurations({ pipelineId: pipeline.id, leftFrom: range.start, leftTo: range.end, ...(scope.ownerIds ? { ownerIds: scope.ownerIds } : {}) });
      let deal: StageTimesReport['deal'] = null;
      if (query.dealId) {
        const found = await requireDeal(uow, query.dealId);
        const open = found.status === 'open';
        const times = stageTimes(await uow.deals.stageHistory(found.id), open ? time.now.toISOString() : undefined);
        const names = new Map(pipeline.stages.map((s) => [s.id, s.name]));
        deal = {
          dealId: found.id,
          title: found.title,
          stages: times.map((t) => ({ stageId: t.stageId, stageName: names.get(t.stageId) ?? t.stageId, days: msToDays(t.ms), visits: t.visits, current: open && t.stageId === found.stageId })),
        };
      }
      return { scope: scope.info, pipelineId: pipeline.id, pipelineName: pipeline.name, range, stages: stageTimeStats(pipeline, durations), deal };
    });
  }

  async staleDeals(actor: Actor, query: { scope?: string | undefined; pipelineId?: string | undefined; limit?: number | undefined }): Promise<StaleDealsReport> {
    const limit = query.limit ?? 50;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_STALE_DEALS) throw invalidInput(`Ask for 1 to ${MAX_STALE_DEALS} deals.`, [{ path: 'limit', message: `1–${MAX_STALE_DEALS}.` }]);
    return this.deps.store.read(async (uow) => {
      const scope = await resolveScope(uow, actor.user, query.scope);
      const pipeline = await requirePipeline(uow, query.pipelineId);
      const deals = await findStaleDeals(uow, { pipeline, ownerIds: scope.ownerIds, now: this.deps.clock.now(), limit });
      return { scope: scope.info, pipelineId: pipeline.id, pipelineName: pipeline.name, baselineDays: STALE_BASELINE_DAYS, deals };
    });
  }
}

import { requirePipeline } from '../../deals/deal.service.js';
import type { Actor, AnalyticsServiceDeps } from '../../services/context.js';
import { lookback, reportTime } from '../report-range.js';
import { resolveScope } from '../scope/report-scope.js';
import { funnelFigures, type Funnel } from './funnel.js';
import { funnelReporting } from '../currency/reporting-figures.js';
import { loadRateTable } from '../currency/reporting-rates.js';

export interface FunnelQuery {
  scope?: string | undefined;
  pipelineId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  timeZone?: string | undefined;
}

/** Conversion through a pipeline's stages for the deals closed in a period. */
export class FunnelService {
  constructor(private readonly deps: AnalyticsServiceDeps) {}

  async funnel(actor: Actor, query: FunnelQuery): Promise<Funnel> {
    const time = reportTime(actor.user, this.deps.clock.now(), query.timeZone);
    const range = lookback(time, query.from, query.to);
    return this.deps.store.read(async (uow) => {
      const scope = await resolveScope(uow, actor.user, query.scope);
      const pipeline = await requirePipeline(uow, query.pipelineId);
      const owners = scope.ownerIds ? { ownerIds: scope.ownerIds } : {};
      const rows = await uow.analytics.funnel({ pipelineId: pipeline.id, from: range.start, to: range.end, stageIds: pipeline.stages.map((s) => s.id), ...owners });
      const won = await uow.analytics.closedTotals({ statuses: ['won'], from: range.start, to: range.end, pipelineId: pipeline.id, ...owners });
      const open = await uow.aggregates.stageTotals({ pipelineId: pipeline.id, ...owners });
      const rates = await loadRateTable(uow, time.today);
      const wonByDay = rates ? await uow.reporting.closedByDay({ statuses: ['won'], from: range.start, to: range.end, pipelineId: pipeline.id, ...owners }) : [];
      const reporting = rates && funnelReporting(rates, wonByDay, open, time.today);
      return { scope: scope.info, pipelineId: pipeline.id, pipelineName: pipeline.name, range, ...funnelFigures(pipeline, rows, won, open), reporting };
    });
  }
}

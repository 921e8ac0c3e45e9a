import type { Actor, AnalyticsServiceDeps } from '../../services/context.js';
import { lookback, reportTime } from '../report-range.js';
import { resolveScope } from '../scope/report-scope.js';
import { winLossFigures, type WinLoss } from './win-loss.js';

/** Why deals were lost, and to whom, over a period. */
export class WinLossService {
  constructor(private readonly deps: AnalyticsServiceDeps) {}

  async winLoss(actor: Actor, query: { scope?: string | undefined; pipelineId?: string | undefined; from?: string | undefined; to?: string | undefined; timeZone?: string | undefined }): Promise<WinLoss> {
    const time = reportTime(actor.user, this.deps.clock.now(), query.timeZone);
    const range = lookback(time, query.from, query.to);
    return this.deps.store.read(async (uow) => {
      const scope = await resolveScope(uow, actor.user, query.scope);
      const filter = { from: range.start, to: range.end, ...(scope.ownerIds ? { ownerIds: scope.ownerIds } : {}), ...(query.pipelineId ? { pipelineId: query.pipelineId } : {}) };
      const closed = await uow.analytics.closedTotals({ statuses: ['won', 'lost'], ...filter });
      const losses = await uow.analytics.lossReasons(filter);
      return { scope: scope.info, range, ...winLossFigures(closed, losses) };
    });
  }
}

import { z } from 'zod';
import { pipelineBoard, type PipelineBoard } from './pipeline-board.js';
import { Deal } from '../../deals/deal.schema.js';
import { requirePipeline } from '../../deals/deal.service.js';
import type { Actor, AnalyticsServiceDeps } from '../../services/context.js';
import type { Period } from '../../shared/time-zone.js';
import { periodDays, reportTime } from '../report-range.js';
import { ScopeInfo } from '../report.schema.js';
import { resolveScope } from '../scope/report-scope.js';
import { findStaleDeals } from '../stages/stale-deals.js';
import { reportingFigures } from '../currency/exchange-rate.schema.js';
import { boardReporting } from '../currency/reporting-figures.js';
import { loadRateTable } from '../currency/reporting-rates.js';

export interface PipelineQuery {
  scope?: string | undefined;
  pipelineId?: string | undefined;
  /** Expected close dates from … to (calendar dates, inclusive). */
  closeFrom?: string | undefined;
  closeTo?: string | undefined;
  /** Or: the month / quarter / year holding `date` (default today) in the reader's zone. */
  closePeriod?: Extract<Period, 'month' | 'quarter' | 'year'> | undefined;
  date?: string | undefined;
  timeZone?: string | undefined;
}

/** How many stale deals the board lists. */
export const BOARD_STALE_DEALS = 10;

const CurrencyTotal = z.object({ currency: z.string(), count: z.number().int(), amountMinor: z.number().int(), weightedMinor: z.number().int() });

export const PipelineReport = z.object({
  scope: ScopeInfo,
  /** The expected-close filter applied (calendar dates, inclusive); null when open. */
  closeFrom: z.string().nullable(),
  closeTo: z.string().nullable(),
  board: z.object({
    pipelineId: z.string(),
    pipelineName: z.string(),
    stages: z.array(z.object({ stageId: z.string(), stageName: z.string(), probability: z.number().nullable(), count: z.number().int(), byCurrency: z.array(CurrencyTotal) })),
    totals: z.array(CurrencyTotal),
    count: z.number().int(),
    staleDeals: z.array(z.object({ deal: Deal, stageName: z.string(), daysInStage: z.number().int() })),
  }),
  /** The open deals' amount and weighted amount in the reporting currency, at today's rate; null when no reporting currency is set. */
  reporting: reportingFigures('amountMinor', 'weightedMinor').nullable(),
});
export type PipelineReport = z.infer<typeof PipelineReport> & { board: PipelineBoard };

/** The pipeline board for a scope: open deals by stage, per currency, weighted, with the stalest deals. */
export class PipelineReportService {
  constructor(private readonly deps: AnalyticsServiceDeps) {}

  async board(actor: Actor, query: PipelineQuery): Promise<PipelineReport> {
    const time = reportTime(actor.user, this.deps.clock.now(), query.timeZone);
    const period = query.closePeriod ? periodDays(query.closePeriod, query.date ?? time.today, time.timeZone) : null;
    const closeFrom = query.closeFrom ?? period?.firstDay ?? null;
    const closeTo = query.closeTo ?? period?.lastDay ?? null;
    return this.deps.store.read(async (uow) => {
      const scope = await resolveScope(uow, actor.user, query.scope);
      const pipeline = await requirePipeline(uow, query.pipelineId);
      const totals = await uow.aggregates.stageTotals({
        pipelineId: pipeline.id,
        ...(scope.ownerIds ? { ownerIds: scope.ownerIds } : {}),
        ...(closeFrom ? { closeFrom } : {}),
        ...(closeTo ? { closeTo } : {}),
      });
      const stale = await findStaleDeals(uow, { pipeline, ownerIds: scope.ownerIds, now: time.now, limit: BOARD_STALE_DEALS });
      const board = pipelineBoard(pipeline, totals);
      board.staleDeals = stale.map((s) => ({ deal: s.deal, stageName: s.stageName, daysInStage: s.daysInStage }));
      const rates = await loadRateTable(uow, time.today);
      return { scope: scope.info, closeFrom, closeTo, board, reporting: rates && boardReporting(rates, board.totals, time.today) };
    });
  }
}

import { z } from 'zod';
import type { Pipeline } from '../../deals/pipeline.schema.js';
import { compareCodePoints } from '../../shared/text.js';
import type { StageTotal } from '../../deals/deal-aggregates.port.js';
import type { ClosedTotal, FunnelRow } from '../report-queries.port.js';
import { reportingFigures } from '../currency/exchange-rate.schema.js';
import { DateRange, ratio, ScopeInfo } from '../report.schema.js';

export const FunnelStage = z.object({
  stageId: z.string(),
  stageName: z.string(),
  /** Closed deals that got at least this far (a won deal went through every stage). */
  reached: z.number().int(),
  /** Share of those that reached the next stage; null for the last stage or when none reached this one. */
  toNext: z.number().nullable(),
  /** Share of those that were won. */
  toWon: z.number().nullable(),
});

export const FunnelCurrency = z.object({
  currency: z.string(),
  wonCount: z.number().int(),
  wonMinor: z.number().int(),
  averageDealMinor: z.number().int().nullable(),
  /** Open deals in the pipeline now. */
  openCount: z.number().int(),
  /** open deals × win rate × average won deal ÷ average cycle in whole days (at least one): expected revenue per day, in minor units. */
  velocityMinorPerDay: z.number().int().nullable(),
});

export const Funnel = z.object({
  scope: ScopeInfo,
  pipelineId: z.string(),
  pipelineName: z.string(),
  /** Deals closed (won or lost) in these days. */
  range: DateRange,
  won: z.number().int(),
  lost: z.number().int(),
  winRate: z.number().nullable(),
  /** Created to won, in days, over the deals won in the period. */
  averageCycleDays: z.number().nullable(),
  stages: z.array(FunnelStage),
  byCurrency: z.array(FunnelCurrency),
  /** Won in the period (at close dates' rates) and the open pipeline (at today's) in the reporting currency; null when none is set. */
  reporting: reportingFigures('wonMinor', 'openMinor').nullable(),
});
export type Funnel = z.infer<typeof Funnel>;

export const DAY_SECONDS = 86_400;

/** The cycle velocity divides by: whole days, at least one (a deal won the hour it was made took a day, not 0.04 of one). */
export const velocityDays = (cycleDays: number): number => Math.max(1, Math.round(cycleDays));

/**
 * The funnel of the deals closed in a period: how many reached each stage (by the furthest
 * stage their history shows; won deals passed them all), conversion to the next stage and to
 * won, win rate, average cycle, and sales velocity per currency.
 */
export function funnelFigures(
  pipeline: Pipeline,
  rows: readonly FunnelRow[],
  won: readonly ClosedTotal[],
  open: readonly StageTotal[],
): Pick<Funnel, 'won' | 'lost' | 'winRate' | 'averageCycleDays' | 'stages' | 'byCurrency'> {
  const wonRows = rows.filter((r) => r.status === 'won');
  const wonCount = wonRows.reduce((n, r) => n + r.count, 0);
  const lostCount = rows.filter((r) => r.status === 'lost').reduce((n, r) => n + r.count, 0);
  const reached = (index: number): number => wonCount + rows.filter((r) => r.status === 'lost' && r.furthestIndex >= index).reduce((n, r) => n + r.count, 0);
  const stages = pipeline.stages.map((stage, i) => ({
    stageId: stage.id,
    stageName: stage.name,
    reached: reached(i),
    toNext: i + 1 < pipeline.stages.length ? ratio(reached(i + 1), reached(i)) : null,
    toWon: ratio(wonCount, reached(i)),
  }));
  const winRate = wonCount + lostCount === 0 ? null : wonCount / (wonCount + lostCount);
  const cycleSeconds = wonRows.reduce((n, r) => n + r.cycleSeconds, 0);
  const cycleDays = wonCount === 0 ? null : cycleSeconds / wonCount / DAY_SECONDS;

  const currencies = new Map<string, { wonCount: number; wonMinor: number; openCount: number }>();
  const at = (currency: string) => {
    const row = currencies.get(currency) ?? { wonCount: 0, wonMinor: 0, openCount: 0 };
    currencies.set(currency, row);
    return row;
  };
  for (const w of won) {
    const row = at(w.currency);
    row.wonCount += w.count;
    row.wonMinor += w.amountMinor;
  }
  for (const o of open) at(o.currency).openCount += o.count;
  const byCurrency = [...currencies]
    .sort(([a], [b]) => compareCodePoints(a, b))
    .map(([currency, c]) => {
      const average = c.wonCount === 0 ? null : c.wonMinor / c.wonCount;
      const velocity = average === null || winRate === null || cycleDays === null ? null : Math.round((c.openCount * winRate * average) / velocityDays(cycleDays));
      return { currency, wonCount: c.wonCount, wonMinor: c.wonMinor, averageDealMinor: average === null ? null : Math.round(average), openCount: c.openCount, velocityMinorPerDay: velocity };
    });
  return {
    won: wonCount,
    lost: lostCount,
    winRate: winRate === null ? null : Math.round(winRate * 10_000) / 10_000,
    averageCycleDays: cycleDays === null ? null : Math.round(cycleDays * 100) / 100,
    stages,
    byCurrency,
  };
}

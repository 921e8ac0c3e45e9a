import { z } from 'zod';
import { Money } from '../../shared/money.js';
import { reportingFigures } from '../currency/exchange-rate.schema.js';
import { DateRange, ScopeInfo, UserRef } from '../report.schema.js';

export const ToDate = z.object({
  wonMinor: z.number().int(),
  /** The months' targets added up; null when none was set in this currency. */
  targetMinor: z.number().int().nullable(),
  /** won ÷ target, four decimals; null without a target. */
  attainment: z.number().nullable(),
});
export type ToDate = z.infer<typeof ToDate>;

/** One person's (or team's) forecast in one currency. */
export const ForecastFigures = z.object({
  currency: z.string(),
  /** Won in the period (closedAt within it). */
  closedWonMinor: z.number().int(),
  wonCount: z.number().int(),
  /** closed won + open deals expected to close in the period that are commit (probability ≥ the team's threshold, or marked commit). */
  commitMinor: z.number().int(),
  commitCount: z.number().int(),
  /** closed won + every open deal expected to close in the period. */
  bestCaseMinor: z.number().int(),
  openCount: z.number().int(),
  /** Σ amount × probability of the open deals expected in the period, each rounded half up. */
  weightedPipelineMinor: z.number().int(),
  /** Targets of the period's months; null without one. */
  targetMinor: z.number().int().nullable(),
  attainment: z.number().nullable(),
  monthToDate: ToDate,
  quarterToDate: ToDate,
  yearToDate: ToDate,
});
export type ForecastFigures = z.infer<typeof ForecastFigures>;

export const ForecastRow = z.object({
  kind: z.enum(['rep', 'team', 'total']),
  /** The user or team id; null for the total. */
  id: z.string().nullable(),
  name: z.string(),
  /** The commit threshold (%) applied; null on the total when teams differ. */
  commitThreshold: z.number().int().nullable(),
  /** One entry per currency, by currency code. */
  figures: z.array(ForecastFigures),
});
export type ForecastRow = z.infer<typeof ForecastRow>;

export const ForecastChangeKind = z.enum(['created', 'stage_moved', 'close_date_slipped', 'close_date_pulled_in', 'amount_changed', 'won', 'lost', 'reopened']);
export type ForecastChangeKind = z.infer<typeof ForecastChangeKind>;

/** Why a forecast moved: one change to one deal in the window, netted over the window. */
export const ForecastChange = z.object({
  kind: ForecastChangeKind,
  /** When it (last) happened. */
  at: z.string(),
  dealId: z.string(),
  dealTitle: z.string(),
  owner: UserRef.nullable(),
  /** The deal's amount now. */
  amount: Money,
  fromStage: z.string().nullable().optional(),
  toStage: z.string().nullable().optional(),
  /** forward or backward in the pipeline, for stage moves. */
  direction: z.enum(['forward', 'backward']).optional(),
  fromDate: z.string().nullable().optional(),
  toDate: z.string().nullable().optional(),
  fromAmount: Money.optional(),
  toAmount: Money.optional(),
});
export type ForecastChange = z.infer<typeof ForecastChange>;

export const Forecast = z.object({
  scope: ScopeInfo,
  period: z.enum(['month', 'quarter']),
  range: DateRange,
  /** Month-, quarter- and year-to-date figures run to here: the end of the asked date, or now if sooner. */
  asOf: z.string(),
  reps: z.array(ForecastRow),
  teams: z.array(ForecastRow),
  total: ForecastRow,
  /** Changes since this instant (a week before today by default), newest first. */
  changesSince: z.string(),
  changes: z.array(ForecastChange),
  /**
   * The total row in the reporting currency: wins at their close dates' rates, open deals at
   * today's; null when no reporting currency is set.
   */
  reporting: reportingFigures('closedWonMinor', 'commitMinor', 'bestCaseMinor', 'weightedPipelineMinor').nullable(),
});
export type Forecast = z.infer<typeof Forecast>;

import { z } from 'zod';
import { DateRange, ScopeInfo } from '../report.schema.js';
import { StaleDeal } from './stale-deals.js';

export const StageTimeStatSchema = z.object({
  stageId: z.string(),
  stageName: z.string(),
  deals: z.number().int(),
  averageDays: z.number().nullable(),
  medianDays: z.number().nullable(),
  medianMs: z.number().nullable(),
});

export const DealStageTimes = z.object({
  dealId: z.string(),
  title: z.string(),
  stages: z.array(z.object({ stageId: z.string(), stageName: z.string(), days: z.number(), visits: z.number().int(), current: z.boolean() })),
});
export type DealStageTimes = z.infer<typeof DealStageTimes>;

export const StageTimesReport = z.object({
  scope: ScopeInfo,
  pipelineId: z.string(),
  pipelineName: z.string(),
  range: DateRange,
  stages: z.array(StageTimeStatSchema),
  /** Time in each stage of one deal, when one was asked for. */
  deal: DealStageTimes.nullable(),
});
export type StageTimesReport = z.infer<typeof StageTimesReport>;

export const StaleDealsReport = z.object({
  scope: ScopeInfo,
  pipelineId: z.string(),
  pipelineName: z.string(),
  /** The medians come from deals that left each stage in these days before now. */
  baselineDays: z.number().int(),
  deals: z.array(StaleDeal),
});
export type StaleDealsReport = z.infer<typeof StaleDealsReport>;

import { z } from 'zod';
import { Deal } from '../../deals/deal.schema.js';
import { DateRange, ScopeInfo, UserRef } from '../report.schema.js';

/** An open deal past its stage's staleness threshold. */
export const StaleDeal = z.object({
  deal: Deal,
  stageName: z.string(),
  /** Whole days in the current stage, every visit counted. */
  daysInStage: z.number().int(),
  stageMedianDays: z.number(),
  /** Stale past this many days: the owner's team's stale factor × the median, at least a day. */
  thresholdDays: z.number(),
  staleFactor: z.number(),
  owner: UserRef.nullable(),
});
export type StaleDeal = z.infer<typeof StaleDeal>;

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

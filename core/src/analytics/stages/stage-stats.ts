import type { Pipeline } from '../../deals/pipeline.schema.js';
import { compareCodePoints } from '../../shared/text.js';
import type { StageDuration } from '../report-queries.port.js';
import { DAY_MS, msToDays } from './stage-times.js';

/**
 * The median, defined once for every store: sort the n values ascending and take the values
 * at 1-based positions ⌊(n+1)/2⌋ and ⌊(n+2)/2⌋ (the same one when n is odd); the median is their
 * mean. Stores return those two values; only this mean is taken in JavaScript.
 */
export const medianPositions = (n: number): [number, number] => [Math.floor((n + 1) / 2), Math.floor((n + 2) / 2)];

/** The median of `values` by the definition above; null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const [low, high] = medianPositions(sorted.length);
  return ((sorted[low - 1] ?? 0) + (sorted[high - 1] ?? 0)) / 2;
}

/** A stage's time figures over the deals that left it in the report's period. */
export interface StageTimeStat {
  stageId: string;
  stageName: string;
  /** Deals that left the stage in the period (each counted once, however many visits). */
  deals: number;
  averageDays: number | null;
  medianDays: number | null;
  /** The exact median in milliseconds (what staleness compares against). */
  medianMs: number | null;
}

/** The store's per-stage durations laid out in pipeline order (stages the pipeline dropped last, by id). */
export function stageTimeStats(pipeline: Pipeline, durations: readonly StageDuration[]): StageTimeStat[] {
  const byStage = new Map(durations.map((d) => [d.stageId, d]));
  const names = new Map(pipeline.stages.map((s) => [s.id, s.name]));
  const dropped = durations.map((d) => d.stageId).filter((id) => !names.has(id)).sort(compareCodePoints);
  return [...pipeline.stages.map((s) => s.id), ...dropped].map((stageId) => {
    const d = byStage.get(stageId);
    const medianMs = d && d.count > 0 ? (d.medianLowMs + d.medianHighMs) / 2 : null;
    return {
      stageId,
      stageName: names.get(stageId) ?? stageId,
      deals: d?.count ?? 0,
      averageDays: d && d.count > 0 ? msToDays(d.totalMs / d.count) : null,
      medianDays: medianMs === null ? null : msToDays(medianMs),
      medianMs,
    };
  });
}

/** A stage's median needs this many deals behind it before a deal is called stale against it. */
export const MIN_STALE_SAMPLES = 5;
/** Nothing is stale before a day in its stage, however quick the stage usually is. */
export const MIN_STALE_MS = DAY_MS;

export interface StaleThreshold {
  stageId: string;
  /** A deal is stale once its time in the stage is strictly more than this. */
  afterMs: number;
}

/**
 * When a deal becomes stale in each stage: `factor` × the stage's median, for stages with at
 * least MIN_STALE_SAMPLES deals behind the median, never under a day.
 */
export function staleThresholds(stats: readonly StageTimeStat[], factor: number): StaleThreshold[] {
  return stats
    .filter((s) => s.medianMs !== null && s.deals >= MIN_STALE_SAMPLES)
    .map((s) => ({ stageId: s.stageId, afterMs: Math.max(MIN_STALE_MS, Math.floor(factor * (s.medianMs ?? 0))) }));
}

/**
 * The order stale deals are listed in: most overdue first, by time in stage ÷ threshold compared
 * exactly (cross-multiplied as big integers, so no rounding decides), then by deal id.
 */
export function moreOverdue(a: { timeInStageMs: number; afterMs: number; dealId: string }, b: { timeInStageMs: number; afterMs: number; dealId: string }): number {
  const left = BigInt(a.timeInStageMs) * BigInt(b.afterMs);
  const right = BigInt(b.timeInStageMs) * BigInt(a.afterMs);
  if (left !== right) return left > right ? -1 : 1;
  return a.dealId < b.dealId ? -1 : a.dealId > b.dealId ? 1 : 0;
}

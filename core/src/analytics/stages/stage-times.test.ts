import { describe, expect, it } from 'vitest';
import { aPipeline, aStageChange } from '../../testing/builders.js';
import type { StageChange } from '../../deals/deal.schema.js';
import { median, medianPositions, staleThresholds, stageTimeStats, MIN_STALE_SAMPLES } from './stage-stats.js';
import { completedStageTimes, DAY_MS, stageTimes } from './stage-times.js';

const day = (n: number, hour = 9): string => new Date(Date.UTC(2026, 2, 1 + n, hour)).toISOString();

/** A ledger from (day, stage, status) steps. */
function ledger(steps: Array<[number, string, StageChange['status']]>): StageChange[] {
  return steps.map(([d, stageId, status], i) =>
    aStageChange({ id: `stg_${String(i).padStart(4, '0')}`, dealId: 'deal_x', stageId, status, at: day(d), fromStageId: i === 0 ? null : (steps[i - 1]?.[1] ?? null) }),
  );
}

describe('stageTimes', () => {
  it('adds every visit: 3 days in Proposal, back to Qualified, 2 more days in Proposal is 5 days there', () => {
    const history = ledger([
      [0, 'qualified', 'open'],
      [1, 'proposal', 'open'], // proposal days 1→4: 3 days
      [4, 'qualified', 'open'], // qualified days 4→6
      [6, 'proposal', 'open'], // proposal days 6→8: 2 days
      [8, 'negotiation', 'open'],
    ]);
    expect(completedStageTimes(history)).toEqual([
      { stageId: 'proposal', ms: 5 * DAY_MS, visits: 2, lastLeftAt: day(8) },
      { stageId: 'qualified', ms: 3 * DAY_MS, visits: 2, lastLeftAt: day(6) },
    ]);
    // The current stage runs until "now" only when asked for it.
    expect(stageTimes(history, day(11)).find((t) => t.stageId === 'negotiation')).toEqual({ stageId: 'negotiation', ms: 3 * DAY_MS, visits: 1, lastLeftAt: null });
  });

  it('counts no stage while a deal is suspended, won or lost', () => {
    const history = ledger([
      [0, 'demo', 'open'], // 2 days open in demo
      [2, 'demo', 'suspended'], // 10 days on hold: not in any stage
      [12, 'demo', 'open'], // 1 more day
      [13, 'demo', 'won'],
    ]);
    expect(stageTimes(history, day(40))).toEqual([{ stageId: 'demo', ms: 3 * DAY_MS, visits: 2, lastLeftAt: day(13) }]);
  });

  it('orders the ledger by time then id, whatever order it comes in', () => {
    const history = ledger([
      [0, 'lead', 'open'],
      [2, 'demo', 'open'],
      [5, 'demo', 'lost'],
    ]);
    expect(stageTimes([...history].reverse())).toEqual(stageTimes(history));
    expect(stageTimes(history).map((t) => [t.stageId, t.ms / DAY_MS])).toEqual([
      ['demo', 3],
      ['lead', 2],
    ]);
  });
});

describe('median', () => {
  it('takes the middle value of an odd count and the mean of the two middle values of an even count', () => {
    expect(median([9, 1, 5])).toBe(5);
    expect(median([4, 1, 3, 10])).toBe(3.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNull();
    expect(medianPositions(5)).toEqual([3, 3]);
    expect(medianPositions(6)).toEqual([3, 4]);
  });
});

describe('stage time statistics and staleness', () => {
  const pipeline = aPipeline();

  it('lays stages out in pipeline order with average and median days', () => {
    const stats = stageTimeStats(pipeline, [
      { stageId: 'archived', count: 1, totalMs: DAY_MS, medianLowMs: DAY_MS, medianHighMs: DAY_MS },
      // Proposal samples 2, 3, 4, 11 days: average 5, median (3 + 4) / 2 = 3.5.
      { stageId: 'proposal', count: 4, totalMs: 20 * DAY_MS, medianLowMs: 3 * DAY_MS, medianHighMs: 4 * DAY_MS },
    ]);
    expect(stats.map((s) => [s.stageName, s.deals, s.averageDays, s.medianDays])).toEqual([
      ['Lead', 0, null, null],
      ['Qualified', 0, null, null],
      ['Demo', 0, null, null],
      ['Proposal', 4, 5, 3.5],
      ['Negotiation', 0, null, null],
      ['archived', 1, 1, 1],
    ]);
  });

  it('calls a deal stale past factor × median, only with enough deals behind the median, never under a day', () => {
    const stats = stageTimeStats(pipeline, [
      { stageId: 'lead', count: MIN_STALE_SAMPLES, totalMs: 5 * 3_600_000, medianLowMs: 3_600_000, medianHighMs: 3_600_000 },
      { stageId: 'demo', count: MIN_STALE_SAMPLES - 1, totalMs: 40 * DAY_MS, medianLowMs: 10 * DAY_MS, medianHighMs: 10 * DAY_MS },
      { stageId: 'proposal', count: 6, totalMs: 60 * DAY_MS, medianLowMs: 9 * DAY_MS, medianHighMs: 10 * DAY_MS },
    ]);
    expect(staleThresholds(stats, 2)).toEqual([
      { stageId: 'lead', afterMs: DAY_MS },
      { stageId: 'proposal', afterMs: 19 * DAY_MS },
    ]);
    expect(staleThresholds(stats, 1.5).find((t) => t.stageId === 'proposal')?.afterMs).toBe(14.25 * DAY_MS);
  });
});

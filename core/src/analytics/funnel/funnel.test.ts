import { describe, expect, it } from 'vitest';
import { aPipeline } from '../../testing/builders.js';
import { funnelFigures, velocityDays } from './funnel.js';

describe('sales velocity', () => {
  it('divides by whole days of cycle, at least one', () => {
    expect([0, 0.04, 0.5, 1.49, 1.5, 6.5, 30].map(velocityDays)).toEqual([1, 1, 1, 1, 2, 7, 30]);
  });

  it('gives a deal won seconds after it was created a one-day cycle, not a velocity of billions a day', () => {
    const pipeline = aPipeline();
    const figures = funnelFigures(
      pipeline,
      [{ status: 'won', furthestIndex: pipeline.stages.length - 1, count: 1, cycleSeconds: 3 }],
      [{ ownerId: 'usr_owner', status: 'won', currency: 'EUR', count: 1, amountMinor: 1_000_000 }],
      [{ stageId: pipeline.stages[0]?.id ?? '', currency: 'EUR', count: 10, amountMinor: 50_000, weightedMinor: 5_000 }],
    );
    expect(figures.averageCycleDays).toBe(0);
    // 10 open deals × 100% won × EUR 10,000 average ÷ 1 day.
    expect(figures.byCurrency[0]?.velocityMinorPerDay).toBe(10_000_000);
  });
});

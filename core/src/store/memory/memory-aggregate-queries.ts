import { compareCodePoints } from '../../shared/text.js';
import type { AggregateQueries, StageTotal, StageTotalsFilter } from '../../deals/deal-aggregates.port.js';
import { dealMatches } from '../record-filters.js';
import type { MemoryState } from './memory-state.js';

/** floor((amount × probability + 50) / 100) in exact integer arithmetic. */
export const weightedMinor = (amountMinor: number, probability: number): number =>
  Number((BigInt(amountMinor) * BigInt(probability) + 50n) / 100n);

export class MemoryAggregateQueries implements AggregateQueries {
  constructor(private readonly state: MemoryState) {}

  async stageTotals(filter: StageTotalsFilter): Promise<StageTotal[]> {
    const totals = new Map<string, StageTotal>();
    for (const deal of this.state.deals.all()) {
      if (!dealMatches(deal, { ...filter, statuses: ['open'] })) continue;
      const key = JSON.stringify([deal.stageId, deal.amount.currency]);
      const total = totals.get(key) ?? { stageId: deal.stageId, currency: deal.amount.currency, count: 0, amountMinor: 0, weightedMinor: 0 };
      total.count += 1;
      total.amountMinor += deal.amount.minor;
      total.weightedMinor += weightedMinor(deal.amount.minor, deal.probability);
      totals.set(key, total);
    }
    return [...totals.values()].sort(
      (a, b) => compareCodePoints(a.stageId, b.stageId) || compareCodePoints(a.currency, b.currency),
    );
  }
}

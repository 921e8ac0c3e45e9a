import type { AccountWonDay, ClosedByDayFilter, ClosedDayTotal, ReportingQueries } from '../../analytics/currency/reporting-queries.port.js';
import { compareCodePoints } from '../../shared/text.js';
import { within } from '../record-filters.js';
import type { MemoryState } from './memory-state.js';

/** Adds `amount` to the row under `key`, made by `make` the first time. */
function addTo<T extends { amountMinor: number }>(groups: Map<string, T>, key: string, make: () => T, amount: number, each: (row: T) => void = () => {}): void {
  const row = groups.get(key) ?? make();
  row.amountMinor += amount;
  each(row);
  groups.set(key, row);
}

export class MemoryReportingQueries implements ReportingQueries {
  constructor(private readonly state: MemoryState) {}

  async closedByDay(filter: ClosedByDayFilter): Promise<ClosedDayTotal[]> {
    const groups = new Map<string, ClosedDayTotal>();
    for (const deal of this.state.deals.all()) {
      if ((deal.status !== 'won' && deal.status !== 'lost') || !filter.statuses.includes(deal.status) || deal.closedAt === null) continue;
      if ((filter.from !== undefined && deal.closedAt < filter.from) || (filter.to !== undefined && deal.closedAt >= filter.to)) continue;
      if (!within(filter.ownerIds, deal.ownerId)) continue;
      if ((filter.pipelineId !== undefined && deal.pipelineId !== filter.pipelineId) || (filter.campaignId !== undefined && deal.campaignId !== filter.campaignId)) continue;
      const status = deal.status;
      const day = deal.closedAt.slice(0, 10);
      const currency = deal.amount.currency;
      addTo(groups, JSON.stringify([status, currency, day]), () => ({ status, currency, day, count: 0, amountMinor: 0 }), deal.amount.minor, (row) => {
        row.count += 1;
      });
    }
    return [...groups.values()].sort((a, b) => compareCodePoints(a.status, b.status) || compareCodePoints(a.currency, b.currency) || compareCodePoints(a.day, b.day));
  }

  async accountWonByDay(filter: { asOf: string }): Promise<AccountWonDay[]> {
    const groups = new Map<string, AccountWonDay>();
    for (const deal of this.state.deals.all()) {
      if (deal.status !== 'won' || deal.closedAt === null || deal.closedAt >= filter.asOf) continue;
      const accountId = deal.accountId;
      const currency = deal.amount.currency;
      const day = deal.closedAt.slice(0, 10);
      addTo(groups, JSON.stringify([accountId, currency, day]), () => ({ accountId, currency, day, amountMinor: 0 }), deal.amount.minor);
    }
    return [...groups.values()].sort((a, b) => compareCodePoints(a.accountId, b.accountId) || compareCodePoints(a.currency, b.currency) || compareCodePoints(a.day, b.day));
  }
}

import { describe, expect, it } from 'vitest';
import type { Deal, StageChange } from '../../deals/deal.schema.js';
import { aDeal, aStageChange, PIPELINE_ID } from '../builders.js';
import type { AnalyticsContractContext } from './support.js';

const DAY = 86_400_000;
const T0 = Date.parse('2026-03-01T00:00:00.000Z');
const d = (days: number): string => new Date(T0 + days * DAY).toISOString();

/** A deal and its ledger: open visits [stage, day] in order, then an optional closing [status, day]. */
function dealWithHistory(overrides: Partial<Deal>, visits: Array<[string, number]>, close?: [Deal['status'], number]): { deal: Deal; history: StageChange[] } {
  const last = visits[visits.length - 1] ?? ['lead', 0];
  const deal = aDeal({
    stageId: last[0],
    status: close?.[0] ?? 'open',
    stageEnteredAt: d(last[1]),
    closedAt: close && (close[0] === 'won' || close[0] === 'lost') ? d(close[1]) : null,
    createdAt: d(visits[0]?.[1] ?? 0),
    ...overrides,
  });
  const history = visits.map(([stageId, day], i) =>
    aStageChange({ dealId: deal.id, fromStageId: visits[i - 1]?.[0] ?? null, fromStatus: i === 0 ? null : 'open', stageId, status: 'open', at: d(day) }),
  );
  if (close) history.push(aStageChange({ dealId: deal.id, fromStageId: last[0], fromStatus: 'open', stageId: last[0], status: close[0], at: d(close[1]) }));
  return { deal, history };
}

/**
 * D1 (a): Lead 0→2, Proposal 2→5, Qualified 5→7, Proposal 7→9, Negotiation since day 9.
 * D2 (b): Lead 0→1, Proposal 1→5, won.        D3 (a): Lead 0→4, Proposal 4→10, lost.
 * D4 (b): Lead 0→3, Proposal since day 3.     D5 (a): Proposal 0→2, Qualified 2→3, Proposal since day 3.
 * D6: another pipeline.                        D7 (a): Lead since day 19.
 */
const fixture = () => ({
  d1: dealWithHistory({ ownerId: 'usr_a' }, [['lead', 0], ['proposal', 2], ['qualified', 5], ['proposal', 7], ['negotiation', 9]]),
  d2: dealWithHistory({ ownerId: 'usr_b' }, [['lead', 0], ['proposal', 1]], ['won', 5]),
  d3: dealWithHistory({ ownerId: 'usr_a' }, [['lead', 0], ['proposal', 4]], ['lost', 10]),
  d4: dealWithHistory({ ownerId: 'usr_b' }, [['lead', 0], ['proposal', 3]]),
  d5: dealWithHistory({ ownerId: 'usr_a' }, [['proposal', 0], ['qualified', 2], ['proposal', 3]]),
  d6: dealWithHistory({ ownerId: 'usr_a', pipelineId: 'pipe_other' }, [['lead', 0], ['demo', 5]]),
  d7: dealWithHistory({ ownerId: 'usr_a' }, [['lead', 19]]),
});

export function describeStageAnalyticsContract({ write, read }: AnalyticsContractContext): void {
  async function seed(): Promise<ReturnType<typeof fixture>> {
    const deals = fixture();
    await write(async (uow) => {
      for (const { deal } of Object.values(deals)) await uow.deals.insert(deal);
      // History arrives out of order across deals, as it may from several hubs.
      for (const { history } of Object.values(deals).reverse()) for (const change of history) await uow.deals.appendStageChange(change);
    });
    return deals;
  }

  describe('stage durations', () => {
    it('gives count, total and the two middle samples per stage, each deal once with all its finished visits', async () => {
      await seed();
      const durations = (filter: { ownerIds?: string[]; leftFrom?: string; leftTo?: string }) =>
        read((uow) => uow.analytics.stageDurations({ pipelineId: PIPELINE_ID, leftFrom: d(0), leftTo: d(30), ...filter }));
      // Lead: 2, 1, 4, 3 days → median (2 + 3) / 2. Proposal: D1 3 + 2 = 5, D2 4, D3 6 (D4 and D5 still sit there).
      // Qualified: D1 2, D5 1.
      expect(await durations({})).toEqual([
        { stageId: 'lead', count: 4, totalMs: 10 * DAY, medianLowMs: 2 * DAY, medianHighMs: 3 * DAY },
        { stageId: 'proposal', count: 3, totalMs: 15 * DAY, medianLowMs: 5 * DAY, medianHighMs: 5 * DAY },
        { stageId: 'qualified', count: 2, totalMs: 3 * DAY, medianLowMs: 1 * DAY, medianHighMs: 2 * DAY },
      ]);
      expect(await durations({ ownerIds: ['usr_a'] })).toEqual([
        { stageId: 'lead', count: 2, totalMs: 6 * DAY, medianLowMs: 2 * DAY, medianHighMs: 4 * DAY },
        { stageId: 'proposal', count: 2, totalMs: 11 * DAY, medianLowMs: 5 * DAY, medianHighMs: 6 * DAY },
        { stageId: 'qualified', count: 2, totalMs: 3 * DAY, medianLowMs: 1 * DAY, medianHighMs: 2 * DAY },
      ]);
      // Left in [day 5, day 9): D2 left Proposal on day 5, D1 left Qualified on day 7; D1 left Proposal on day 9, outside.
      expect(await durations({ leftFrom: d(5), leftTo: d(9) })).toEqual([
        { stageId: 'proposal', count: 1, totalMs: 4 * DAY, medianLowMs: 4 * DAY, medianHighMs: 4 * DAY },
        { stageId: 'qualified', count: 1, totalMs: 2 * DAY, medianLowMs: 2 * DAY, medianHighMs: 2 * DAY },
      ]);
      expect(await durations({ ownerIds: [] })).toEqual([]);
    });

    it('follows the ledger as it grows, and forgets a deleted deal', async () => {
      const deals = await seed();
      // D4 leaves Proposal on day 20 after 17 days there.
      await write((uow) => uow.deals.appendStageChange(aStageChange({ dealId: deals.d4.deal.id, fromStageId: 'proposal', stageId: 'negotiation', status: 'open', at: d(20) })));
      await write((uow) => uow.deals.update({ ...deals.d4.deal, stageId: 'negotiation', stageEnteredAt: d(20), version: 2 }));
      await write((uow) => uow.deals.delete(deals.d2.deal.id));
      const proposal = (await read((uow) => uow.analytics.stageDurations({ pipelineId: PIPELINE_ID, leftFrom: d(0), leftTo: d(30) }))).find((s) => s.stageId === 'proposal');
      // D1 5, D3 6, D4 17 (D2's 4 is gone).
      expect(proposal).toEqual({ stageId: 'proposal', count: 3, totalMs: 28 * DAY, medianLowMs: 6 * DAY, medianHighMs: 6 * DAY });
    });
  });

  describe('stale deals', () => {
    const thresholds = [
      { stageId: 'lead', afterMs: DAY },
      { stageId: 'proposal', afterMs: 10 * DAY },
      { stageId: 'negotiation', afterMs: 5 * DAY },
    ];

    it('finds open deals past their stage threshold, counting earlier visits, most overdue first', async () => {
      const deals = await seed();
      const stale = (filter: { ownerIds?: string[]; limit?: number }) =>
        read((uow) => uow.analytics.staleDeals({ pipelineId: PIPELINE_ID, asOf: d(20), thresholds, limit: 10, ...filter }));
      // Day 20: D1 11 days in Negotiation (2.2 × 5); D5 2 + 17 = 19 days in Proposal (1.9 × 10);
      // D4 17 days (1.7 × 10); D7 exactly one day in Lead is not more than a day.
      const rows = await stale({});
      expect(rows.map((r) => [r.deal.id, r.timeInStageMs / DAY])).toEqual([
        [deals.d1.deal.id, 11],
        [deals.d5.deal.id, 19],
        [deals.d4.deal.id, 17],
      ]);
      expect(rows[0]?.deal).toEqual(deals.d1.deal);
      expect((await stale({ limit: 2 })).map((r) => r.deal.id)).toEqual([deals.d1.deal.id, deals.d5.deal.id]);
      expect((await stale({ ownerIds: ['usr_b'] })).map((r) => r.deal.id)).toEqual([deals.d4.deal.id]);
      expect(await stale({ ownerIds: [] })).toEqual([]);
      expect(await read((uow) => uow.analytics.staleDeals({ pipelineId: PIPELINE_ID, asOf: d(20), thresholds: [], limit: 10 }))).toEqual([]);
    });
  });
}

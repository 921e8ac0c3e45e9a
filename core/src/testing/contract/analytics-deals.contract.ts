import { describe, expect, it } from 'vitest';
import type { Deal, StageChange } from '../../deals/deal.schema.js';
import type { AnalyticsUnitOfWork } from '../../store/store.port.js';
import { aDeal, anEvent, aStageChange, PIPELINE_ID } from '../builders.js';
import { ids, type AnalyticsContractContext } from './support.js';

const usd = (minor: number) => ({ minor, currency: 'USD' });
const eur = (minor: number) => ({ minor, currency: 'EUR' });
const STAGES = ['lead', 'qualified', 'demo', 'proposal', 'negotiation'];

async function insertAll(uow: AnalyticsUnitOfWork, deals: readonly Deal[], history: readonly StageChange[] = []): Promise<void> {
  for (const deal of deals) await uow.deals.insert(deal);
  for (const change of history) await uow.deals.appendStageChange(change);
}

/** A ledger for one deal: stages visited while open, then (optionally) the closing status, at the given instants. */
function ledger(deal: Deal, steps: Array<[string, string]>, close?: [Deal['status'], string]): StageChange[] {
  const changes = steps.map(([stageId, at], i) => aStageChange({ dealId: deal.id, fromStageId: steps[i - 1]?.[0] ?? null, stageId, status: 'open', at }));
  const last = steps[steps.length - 1];
  if (close && last) changes.push(aStageChange({ dealId: deal.id, fromStageId: last[0], fromStatus: 'open', stageId: last[0], status: close[0], at: close[1] }));
  return changes;
}

export function describeDealAnalyticsContract({ write, read }: AnalyticsContractContext): void {
  describe('closed and open deal totals', () => {
    it('sums deals closed in [from, to) by owner, status and currency', async () => {
      await write((uow) =>
        insertAll(uow, [
          aDeal({ ownerId: 'usr_a', status: 'won', amount: usd(1000), closedAt: '2026-03-10T10:00:00.000Z' }),
          aDeal({ ownerId: 'usr_a', status: 'won', amount: usd(500), closedAt: '2026-03-31T23:59:59.999Z' }),
          aDeal({ ownerId: 'usr_a', status: 'won', amount: eur(700), closedAt: '2026-04-01T00:00:00.000Z' }),
          aDeal({ ownerId: 'usr_b', status: 'lost', amount: usd(300), closedAt: '2026-03-15T00:00:00.000Z', lostReason: 'Price' }),
          aDeal({ ownerId: 'usr_b', status: 'won', amount: usd(200), closedAt: '2026-03-01T00:00:00.000Z', pipelineId: 'pipe_other' }),
          aDeal({ ownerId: 'usr_b', status: 'open', amount: usd(900) }),
        ]),
      );
      const march = { from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };
      const totals = (extra: { statuses?: Array<'won' | 'lost'>; ownerIds?: string[]; pipelineId?: string }) =>
        read((uow) => uow.analytics.closedTotals({ statuses: ['won', 'lost'], ...march, ...extra }));
      expect(await totals({})).toEqual([
        { ownerId: 'usr_a', status: 'won', currency: 'USD', count: 2, amountMinor: 1500 },
        { ownerId: 'usr_b', status: 'lost', currency: 'USD', count: 1, amountMinor: 300 },
        { ownerId: 'usr_b', status: 'won', currency: 'USD', count: 1, amountMinor: 200 },
      ]);
      expect(await totals({ statuses: ['won'], pipelineId: PIPELINE_ID })).toEqual([{ ownerId: 'usr_a', status: 'won', currency: 'USD', count: 2, amountMinor: 1500 }]);
      expect(await totals({ ownerIds: ['usr_b'], statuses: ['lost'] })).toEqual([{ ownerId: 'usr_b', status: 'lost', currency: 'USD', count: 1, amountMinor: 300 }]);
      expect(await totals({ ownerIds: [] })).toEqual([]);
    });

    it('groups open deals closing in a date range by owner, currency, probability and commit, weighting each deal half up', async () => {
      await write((uow) =>
        insertAll(uow, [
          aDeal({ ownerId: 'usr_a', amount: usd(1000), probability: 60, expectedCloseDate: '2026-03-01' }),
          aDeal({ ownerId: 'usr_a', amount: usd(333), probability: 60, expectedCloseDate: '2026-03-31' }),
          aDeal({ ownerId: 'usr_a', amount: usd(100), probability: 90, expectedCloseDate: '2026-03-20' }),
          aDeal({ ownerId: 'usr_a', amount: usd(100), probability: 10, commit: true, expectedCloseDate: '2026-03-20' }),
          aDeal({ ownerId: 'usr_b', amount: { minor: 5000, currency: 'JPY' }, probability: 60, expectedCloseDate: '2026-04-01' }),
          aDeal({ ownerId: 'usr_b', amount: eur(50), probability: 25, expectedCloseDate: '2026-03-05' }),
          aDeal({ ownerId: 'usr_a', amount: usd(999), status: 'suspended', expectedCloseDate: '2026-03-10' }),
          aDeal({ ownerId: 'usr_a', amount: usd(5), expectedCloseDate: null }),
        ]),
      );
      const open = (ownerIds?: string[]) => read((uow) => uow.analytics.openTotals({ closeFrom: '2026-03-01', closeTo: '2026-03-31', ...(ownerIds ? { ownerIds } : {}) }));
      // 333 × 60% = 199.8 → 200; 1000 × 60% = 600; 50 × 25% = 12.5 → 13.
      expect(await open()).toEqual([
        { ownerId: 'usr_a', currency: 'USD', probability: 10, commit: true, count: 1, amountMinor: 100, weightedMinor: 10 },
        { ownerId: 'usr_a', currency: 'USD', probability: 60, commit: false, count: 2, amountMinor: 1333, weightedMinor: 800 },
        { ownerId: 'usr_a', currency: 'USD', probability: 90, commit: false, count: 1, amountMinor: 100, weightedMinor: 90 },
        { ownerId: 'usr_b', currency: 'EUR', probability: 25, commit: false, count: 1, amountMinor: 50, weightedMinor: 13 },
      ]);
      expect((await open(['usr_b'])).map((r) => r.currency)).toEqual(['EUR']);
      expect(await open([])).toEqual([]);
    });
  });

  describe('deal events', () => {
    it('lists events about deals of the owners in [from, to), newest first, up to a limit', async () => {
      const mine = aDeal({ ownerId: 'usr_a' });
      const theirs = aDeal({ ownerId: 'usr_b' });
      const events = [
        anEvent({ type: 'deal.stage_changed', entityId: mine.id, at: '2026-03-02T00:00:00.000Z' }),
        anEvent({ type: 'deal.updated', entityId: theirs.id, at: '2026-03-03T00:00:00.000Z' }),
        anEvent({ type: 'deal.won', entityId: mine.id, at: '2026-03-09T23:00:00.000Z' }),
        anEvent({ type: 'contact.updated', entityType: 'contact', entityId: 'con_x', at: '2026-03-04T00:00:00.000Z' }),
        anEvent({ type: 'deal.stage_changed', entityId: mine.id, at: '2026-02-20T00:00:00.000Z' }),
        anEvent({ type: 'deal.stage_changed', entityId: 'deal_gone', at: '2026-03-05T00:00:00.000Z' }),
        anEvent({ type: 'deal.created', entityId: theirs.id, at: '2026-03-06T00:00:00.000Z' }),
      ];
      await write(async (uow) => {
        await insertAll(uow, [mine, theirs]);
        for (const e of events) await uow.events.append(e);
      });
      const list = (extra: { ownerIds?: string[]; limit?: number }) =>
        read((uow) =>
          uow.analytics.dealEvents({ types: ['deal.stage_changed', 'deal.updated', 'deal.won', 'contact.updated'], from: '2026-03-01T00:00:00.000Z', to: '2026-03-10T00:00:00.000Z', limit: 50, ...extra }),
        );
      expect(ids(await list({}))).toEqual(ids([events[2]!, events[1]!, events[0]!]));
      expect(await list({})).toContainEqual(events[2]);
      expect(ids(await list({ ownerIds: ['usr_b'] }))).toEqual([events[1]!.id]);
      expect(ids(await list({ limit: 2 }))).toEqual(ids([events[2]!, events[1]!]));
      expect(await list({ ownerIds: [] })).toEqual([]);
    });
  });

  describe('funnel', () => {
    it('counts closed deals by the furthest stage their history reached, with their sales cycles in whole seconds', async () => {
      const deals = {
        f1: aDeal({ status: 'won', createdAt: '2026-03-01T00:00:00.000Z', closedAt: '2026-03-11T00:00:00.000Z' }),
        f2: aDeal({ status: 'won', createdAt: '2026-03-05T12:00:00.500Z', closedAt: '2026-03-06T12:00:01.499Z' }),
        f3: aDeal({ status: 'lost', createdAt: '2026-03-10T00:00:00.000Z', closedAt: '2026-03-12T00:00:00.000Z' }),
        f4: aDeal({ status: 'lost', createdAt: '2026-03-10T00:00:00.000Z', closedAt: '2026-03-11T00:00:00.000Z' }),
        f5: aDeal({ status: 'lost', createdAt: '2026-03-20T00:00:00.000Z', closedAt: '2026-03-20T00:00:00.000Z' }),
        f6: aDeal({ status: 'won', createdAt: '2026-01-01T00:00:00.000Z', closedAt: '2026-02-28T00:00:00.000Z' }),
        f7: aDeal({ status: 'open', createdAt: '2026-03-01T00:00:00.000Z' }),
        f8: aDeal({ status: 'lost', ownerId: 'usr_b', createdAt: '2026-03-01T00:00:00.000Z', closedAt: '2026-03-04T00:00:00.000Z' }),
      };
      const history = [
        ...ledger(deals.f1, [['lead', '2026-03-01T00:00:00.000Z'], ['qualified', '2026-03-02T00:00:00.000Z'], ['demo', '2026-03-04T00:00:00.000Z'], ['proposal', '2026-03-08T00:00:00.000Z']], ['won', '2026-03-11T00:00:00.000Z']),
        ...ledger(deals.f2, [['demo', '2026-03-05T12:00:00.500Z']], ['won', '2026-03-06T12:00:01.499Z']),
        ...ledger(deals.f3, [['lead', '2026-03-10T00:00:00.000Z'], ['qualified', '2026-03-11T00:00:00.000Z']], ['lost', '2026-03-12T00:00:00.000Z']),
        ...ledger(deals.f4, [['lead', '2026-03-10T00:00:00.000Z']], ['lost', '2026-03-11T00:00:00.000Z']),
        ...ledger(deals.f5, [['archived', '2026-03-20T00:00:00.000Z']], ['lost', '2026-03-20T00:00:00.000Z']),
        ...ledger(deals.f6, [['negotiation', '2026-01-01T00:00:00.000Z']], ['won', '2026-02-28T00:00:00.000Z']),
        ...ledger(deals.f7, [['negotiation', '2026-03-01T00:00:00.000Z']]),
        ...ledger(deals.f8, [['lead', '2026-03-01T00:00:00.000Z'], ['qualified', '2026-03-02T00:00:00.000Z'], ['lead', '2026-03-03T00:00:00.000Z']], ['lost', '2026-03-04T00:00:00.000Z']),
      ];
      await write((uow) => insertAll(uow, Object.values(deals), history));
      const funnel = (ownerIds?: string[]) =>
        read((uow) => uow.analytics.funnel({ pipelineId: PIPELINE_ID, from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z', stageIds: STAGES, ...(ownerIds ? { ownerIds } : {}) }));
      expect(await funnel()).toEqual([
        { furthestIndex: -1, status: 'lost', count: 1, cycleSeconds: 0 },
        { furthestIndex: 0, status: 'lost', count: 1, cycleSeconds: 86_400 },
        // f3: 2 days; f8 went back to Lead but had reached Qualified: 3 days.
        { furthestIndex: 1, status: 'lost', count: 2, cycleSeconds: 432_000 },
        // 12:00:00.500 → 12:00:01.499 the next day is 86,401 whole seconds apart (each instant rounded down).
        { furthestIndex: 2, status: 'won', count: 1, cycleSeconds: 86_401 },
        { furthestIndex: 3, status: 'won', count: 1, cycleSeconds: 864_000 },
      ]);
      expect(await funnel(['usr_b'])).toEqual([{ furthestIndex: 1, status: 'lost', count: 1, cycleSeconds: 259_200 }]);
      expect(await funnel([])).toEqual([]);
    });
  });

  describe('lost reasons and campaign totals', () => {
    it('groups lost deals in [from, to) by reason, competitor and currency, missing values first', async () => {
      const lost = (reason: string | null, competitor: string | null, amount: { minor: number; currency: string }, closedAt = '2026-03-10T00:00:00.000Z') =>
        aDeal({ status: 'lost', lostReason: reason, competitor, amount, closedAt, probability: 0 });
      await write((uow) =>
        insertAll(uow, [
          lost('Price', 'Initech', usd(100)),
          lost('Price', 'Initech', usd(50)),
          lost('Price', null, eur(70)),
          lost('No budget', null, usd(10)),
          lost(null, 'Hooli', usd(5)),
          lost('Price', 'Initech', usd(1), '2026-04-01T00:00:00.000Z'),
          aDeal({ status: 'won', amount: usd(7), closedAt: '2026-03-10T00:00:00.000Z' }),
        ]),
      );
      expect(await read((uow) => uow.analytics.lossReasons({ from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' }))).toEqual([
        { reason: null, competitor: 'Hooli', currency: 'USD', count: 1, amountMinor: 5 },
        { reason: 'No budget', competitor: null, currency: 'USD', count: 1, amountMinor: 10 },
        { reason: 'Price', competitor: null, currency: 'EUR', count: 1, amountMinor: 70 },
        { reason: 'Price', competitor: 'Initech', currency: 'USD', count: 2, amountMinor: 150 },
      ]);
      expect(await read((uow) => uow.analytics.lossReasons({ from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z', ownerIds: [] }))).toEqual([]);
    });

    it('sums the deals a campaign sourced by status and currency', async () => {
      await write((uow) =>
        insertAll(uow, [
          aDeal({ campaignId: 'cmp_x', amount: usd(1000), probability: 40 }),
          aDeal({ campaignId: 'cmp_x', amount: usd(500), probability: 60 }),
          aDeal({ campaignId: 'cmp_x', amount: usd(2000), probability: 100, status: 'won', closedAt: '2026-03-01T00:00:00.000Z' }),
          aDeal({ campaignId: 'cmp_x', amount: eur(100), probability: 0, status: 'lost', closedAt: '2026-03-01T00:00:00.000Z' }),
          aDeal({ campaignId: 'cmp_y', amount: usd(1) }),
        ]),
      );
      expect(await read((uow) => uow.analytics.campaignTotals('cmp_x'))).toEqual([
        { status: 'lost', currency: 'EUR', count: 1, amountMinor: 100, weightedMinor: 0 },
        { status: 'open', currency: 'USD', count: 2, amountMinor: 1500, weightedMinor: 700 },
        { status: 'won', currency: 'USD', count: 1, amountMinor: 2000, weightedMinor: 2000 },
      ]);
      expect(await read((uow) => uow.analytics.campaignTotals('cmp_none'))).toEqual([]);
    });
  });
}

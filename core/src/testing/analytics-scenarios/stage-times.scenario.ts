import { describe, expect, it } from 'vitest';
import type { AnalyticsStore } from '../../store/store.port.js';
import type { StoreFactory } from '../contract/support.js';
import { aDealOf, anAccountOf, at, DAY, usd, useWorld } from './support.js';

const START = '2026-03-02T08:00:00.000Z';
const day = (n: number): string => new Date(Date.parse(START) + n * DAY).toISOString();

export function describeStageTimeScenarios(makeStore: StoreFactory<AnalyticsStore>): void {
  describe('time in stage and stale deals', () => {
    const world = useWorld(makeStore, START);

    it('counts every visit: 3 days in Proposal, back to Qualified, 2 more days in Proposal is 5 days there', async () => {
      const w = world();
      const ann = w.as(w.users.ann);
      const deal = await aDealOf(w, w.users.ann, await anAccountOf(w, w.users.ann, 'Acme'), { title: 'Acme rollout', amount: usd(1_000_000) });
      at(w, day(1));
      await w.services.deals.moveStage(ann, deal.id, 'proposal');
      at(w, day(4));
      await w.services.deals.moveStage(ann, deal.id, 'qualified');
      at(w, day(5));
      await w.services.deals.moveStage(ann, deal.id, 'proposal');
      at(w, day(7));
      await w.services.deals.moveStage(ann, deal.id, 'negotiation');
      at(w, day(7.5));
      const report = await w.services.analytics.stages.stageTimes(ann, { dealId: deal.id });
      expect(report.deal?.stages).toEqual([
        { stageId: 'lead', stageName: 'Lead', days: 1, visits: 1, current: false },
        { stageId: 'negotiation', stageName: 'Negotiation', days: 0.5, visits: 1, current: true },
        { stageId: 'proposal', stageName: 'Proposal', days: 5, visits: 2, current: false },
        { stageId: 'qualified', stageName: 'Qualified', days: 1, visits: 1, current: false },
      ]);
      // Ann's stage figures over the last 90 days: one deal left Lead, Qualified and Proposal.
      const byName = Object.fromEntries(report.stages.map((s) => [s.stageName, [s.deals, s.averageDays, s.medianDays]]));
      expect(byName).toEqual({ Lead: [1, 1, 1], Qualified: [1, 1, 1], Demo: [0, null, null], Proposal: [1, 5, 5], Negotiation: [0, null, null] });
    });

    it('calls a deal stale past twice its stage\'s median, or what the team set, and shows it on the board', async () => {
      const w = world();
      const ann = w.as(w.users.ann);
      const accountId = await anAccountOf(w, w.users.ann, 'Initech');
      // Five deals leave Demo after 2, 3, 4, 5 and 6 days: the median is 4 days, so stale after 8.
      const finished = [];
      for (let i = 0; i < 5; i += 1) finished.push(await aDealOf(w, w.users.ann, accountId, { title: `Done ${i}`, amount: usd(100), stageId: 'demo' }));
      const waiting = await aDealOf(w, w.users.ann, accountId, { title: 'Waiting since day 0', amount: usd(5_000), stageId: 'demo' });
      for (const [i, deal] of finished.entries()) {
        at(w, day(2 + i));
        await w.services.deals.moveStage(ann, deal.id, 'proposal');
      }
      const younger = await aDealOf(w, w.users.ann, accountId, { title: 'Waiting since day 6', amount: usd(7_000), stageId: 'demo' });
      at(w, day(15));
      const staleFor = async () => (await w.services.analytics.stages.staleDeals(w.as(w.users.mia), {})).deals.map((d) => [d.deal.title, d.daysInStage, d.stageMedianDays, d.thresholdDays]);
      // Day 15: 15 days > 8; the younger one's 9 days > 8 too; Proposal's five deals are still in it.
      expect(await staleFor()).toEqual([
        ['Waiting since day 0', 15, 4, 8],
        ['Waiting since day 6', 9, 4, 8],
      ]);
      const board = await w.services.analytics.pipeline.board(ann, {});
      expect(board.board.staleDeals.map((d) => [d.deal.id, d.stageName, d.daysInStage])).toEqual([
        [waiting.id, 'Demo', 15],
        [younger.id, 'Demo', 9],
      ]);
      // East raises its factor to 3: stale after 12 days, so only the oldest one.
      await w.services.analytics.settings.update(w.as(w.users.mia), w.users.mia.teamId, { staleFactor: 3 });
      expect(await staleFor()).toEqual([['Waiting since day 0', 15, 4, 12]]);
      // West's Bo sees none of East's deals as his.
      expect((await w.services.analytics.stages.staleDeals(w.as(w.users.bo), {})).deals).toEqual([]);
    });
  });
}

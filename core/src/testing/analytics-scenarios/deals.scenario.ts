import { describe, expect, it } from 'vitest';
import type { AnalyticsStore } from '../../store/store.port.js';
import type { StoreFactory } from '../contract/support.js';
import type { World } from '../world.js';
import { aDealOf, anAccountOf, at, DAY, eur, usd, useWorld } from './support.js';

const START = '2026-03-02T08:00:00.000Z';
const day = (n: number): string => new Date(Date.parse(START) + n * DAY).toISOString();

/**
 * Ann's deals, several sourced by Mia's "Spring webinar" (cost USD 10,000):
 *   F1 (webinar) Lead → Qualified d1 → Demo d2 → Proposal d4 → won d10, USD 5,000.
 *   F2 (webinar) created in Demo, won d3, USD 3,000.
 *   F3 Lead → Qualified d1 → lost d2 to Initech on price, USD 2,000.
 *   F4 (webinar) Lead → lost d1, no budget, EUR 1,000.
 *   F5 (webinar) open in Proposal (60%), USD 4,000.
 */
async function seed(w: World): Promise<string> {
  const ann = w.as(w.users.ann);
  const campaign = await w.services.analytics.campaigns.create(w.as(w.users.mia), { name: 'Spring webinar', channel: 'events', cost: usd(1_000_000), startDate: '2026-03-01' });
  const account = await anAccountOf(w, w.users.ann, 'Acme');
  const deal = (title: string, amount: { minor: number; currency: string }, stageId?: string, sourced = true) =>
    aDealOf(w, w.users.ann, account, { title, amount, ...(stageId ? { stageId } : {}), ...(sourced ? { campaignId: campaign.id } : {}) });
  const f1 = await deal('F1', usd(500_000));
  const f2 = await deal('F2', usd(300_000), 'demo');
  const f3 = await deal('F3', usd(200_000), undefined, false);
  const f4 = await deal('F4', eur(100_000));
  await deal('F5', usd(400_000), 'proposal');
  const steps: Array<[number, () => Promise<unknown>]> = [
    [1, () => w.services.deals.moveStage(ann, f1.id, 'qualified')],
    [1, () => w.services.deals.moveStage(ann, f3.id, 'qualified')],
    [1, () => w.services.deals.lose(ann, f4.id, { reason: 'No budget' })],
    [2, () => w.services.deals.moveStage(ann, f1.id, 'demo')],
    [2, () => w.services.deals.lose(ann, f3.id, { reason: 'Price', competitor: 'Initech' })],
    [3, () => w.services.deals.win(ann, f2.id)],
    [4, () => w.services.deals.moveStage(ann, f1.id, 'proposal')],
    [10, () => w.services.deals.win(ann, f1.id)],
  ];
  for (const [when, step] of steps) {
    at(w, day(when));
    await step();
  }
  at(w, day(12));
  return campaign.id;
}

export function describeDealReportScenarios(makeStore: StoreFactory<AnalyticsStore>): void {
  describe('funnel, win/loss and campaign ROI', () => {
    const world = useWorld(makeStore, START);

    it('converts stage to stage and to won, with win rate, cycle and velocity', async () => {
      const w = world();
      await seed(w);
      const funnel = await w.services.analytics.funnel.funnel(w.as(w.users.ann), {});
      // Reached: every deal Lead; F1, F2 (won) and F3 Qualified; then only the two won deals.
      expect(funnel.stages.map((s) => [s.stageName, s.reached, s.toNext, s.toWon])).toEqual([
        ['Lead', 4, 0.75, 0.5],
        ['Qualified', 3, 0.6667, 0.6667],
        ['Demo', 2, 1, 1],
        ['Proposal', 2, 1, 1],
        ['Negotiation', 2, null, 1],
      ]);
      expect(funnel).toMatchObject({ won: 2, lost: 2, winRate: 0.5, averageCycleDays: 6.5 });
      // 1 open USD deal × 50% × USD 4,000 average won ÷ 7 whole days (6.5 rounded) = USD 285.71 a day.
      expect(funnel.byCurrency).toEqual([{ currency: 'USD', wonCount: 2, wonMinor: 800_000, averageDealMinor: 400_000, openCount: 1, velocityMinorPerDay: 28_571 }]);
    });

    it('breaks losses down by reason and competitor, by count and amount', async () => {
      const w = world();
      await seed(w);
      const report = await w.services.analytics.winLoss.winLoss(w.as(w.users.mia), {});
      expect(report.won).toEqual({ count: 2, byCurrency: [{ currency: 'USD', count: 2, amountMinor: 800_000 }] });
      expect(report.lost).toEqual({ count: 2, byCurrency: [{ currency: 'EUR', count: 1, amountMinor: 100_000 }, { currency: 'USD', count: 1, amountMinor: 200_000 }] });
      expect(report.winRate).toBe(0.5);
      expect(report.reasons).toEqual([
        { reason: 'No budget', count: 1, byCurrency: [{ currency: 'EUR', count: 1, amountMinor: 100_000 }] },
        { reason: 'Price', count: 1, byCurrency: [{ currency: 'USD', count: 1, amountMinor: 200_000 }] },
      ]);
      expect(report.competitors.map((c) => [c.competitor, c.count])).toEqual([['Initech', 1], [null, 1]]);
    });

    it('sets a campaign\'s cost against what it sourced, in the cost\'s currency only', async () => {
      const w = world();
      const id = await seed(w);
      const roi = await w.services.analytics.campaigns.roi(w.as(w.users.mia), id);
      expect(roi.byCurrency).toEqual([
        { currency: 'EUR', deals: 1, openCount: 0, openMinor: 0, weightedMinor: 0, wonCount: 0, wonMinor: 0, lostCount: 1, lostMinor: 100_000 },
        { currency: 'USD', deals: 3, openCount: 1, openMinor: 400_000, weightedMinor: 240_000, wonCount: 2, wonMinor: 800_000, lostCount: 0, lostMinor: 0 },
      ]);
      // (8,000 − 10,000) ÷ 10,000 won back so far; 4,000 ÷ 10,000 still in the pipeline.
      expect(roi).toMatchObject({ roi: -0.2, pipelineToCost: 0.4 });
      await expect(w.services.analytics.campaigns.roi(w.as(w.users.ann), id)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(w.services.analytics.campaigns.roi(w.as(w.users.will), id)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(w.services.analytics.campaigns.delete(w.as(w.users.mia), id)).rejects.toMatchObject({ code: 'conflict' });
      expect((await w.services.analytics.campaigns.roi(w.as(w.users.admin), id)).roi).toBe(-0.2);
    });
  });
}

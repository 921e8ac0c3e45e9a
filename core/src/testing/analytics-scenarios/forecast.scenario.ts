import { describe, expect, it } from 'vitest';
import type { AnalyticsStore } from '../../store/store.port.js';
import type { StoreFactory } from '../contract/support.js';
import type { World } from '../world.js';
import { aDealOf, anAccountOf, at, eur, usd, useWorld } from './support.js';

/**
 * Ann (Europe/Berlin) and Raj (Asia/Shanghai) report to Mia (America/New_York).
 *   Feb 10 10:00Z  Ann wins D0, USD 10,000.
 *   Feb 28 17:00Z  Raj wins R1, CNY 8,000 — Mar 1 01:00 in Shanghai, Feb 28 noon in New York.
 *   Feb 28 23:30Z  Ann wins D1, USD 40,000 — Mar 1 00:30 in Berlin, Feb 28 18:30 in New York.
 *   Mar 3          Ann opens D2 USD 30,000 in Negotiation (80%) closing Mar 20, D3 USD 20,000 in Proposal (60%)
 *                  closing Mar 25, D4 USD 10,000 in Demo (40%) she marks commit closing Mar 31, D5 EUR 5,000 in
 *                  Lead (10%) closing Mar 15, and D6 USD 99.99 closing Apr 1.
 * Targets (set by Mia): Ann USD 50,000 in January and February, 100,000 in March.
 */
async function seed(w: World): Promise<void> {
  const mia = w.as(w.users.mia);
  for (const [month, minor] of [['2026-01', 5_000_000], ['2026-02', 5_000_000], ['2026-03', 10_000_000]] as const) {
    await w.services.analytics.targets.create(mia, { userId: w.users.ann.id, month, amount: usd(minor) });
  }
  const annAccount = await anAccountOf(w, w.users.ann, 'Acme');
  const rajAccount = await anAccountOf(w, w.users.raj, '华为');
  const win = async (user: World['users']['ann'], accountId: string, title: string, amount: { minor: number; currency: string }) => {
    const deal = await aDealOf(w, user, accountId, { title, amount });
    await w.services.deals.win(w.as(user), deal.id);
  };
  await win(w.users.ann, annAccount, 'D0', usd(1_000_000));
  at(w, '2026-02-28T17:00:00.000Z');
  await win(w.users.raj, rajAccount, 'R1', { minor: 800_000, currency: 'CNY' });
  at(w, '2026-02-28T23:30:00.000Z');
  await win(w.users.ann, annAccount, 'D1', usd(4_000_000));
  at(w, '2026-03-03T09:00:00.000Z');
  await aDealOf(w, w.users.ann, annAccount, { title: 'D2', amount: usd(3_000_000), stageId: 'negotiation', expectedCloseDate: '2026-03-20' });
  await aDealOf(w, w.users.ann, annAccount, { title: 'D3', amount: usd(2_000_000), stageId: 'proposal', expectedCloseDate: '2026-03-25' });
  await aDealOf(w, w.users.ann, annAccount, { title: 'D4', amount: usd(1_000_000), stageId: 'demo', expectedCloseDate: '2026-03-31', commit: true });
  await aDealOf(w, w.users.ann, annAccount, { title: 'D5', amount: eur(500_000), stageId: 'lead', expectedCloseDate: '2026-03-15' });
  await aDealOf(w, w.users.ann, annAccount, { title: 'D6', amount: usd(9_999), expectedCloseDate: '2026-04-01' });
  at(w, '2026-03-04T12:00:00.000Z');
}

export function describeForecastScenarios(makeStore: StoreFactory<AnalyticsStore>): void {
  describe('forecast', () => {
    const world = useWorld(makeStore, '2026-02-10T10:00:00.000Z');

    it('adds up won, commit, best case and weighted pipeline against the target, in the reader\'s month', async () => {
      const w = world();
      await seed(w);
      const forecast = await w.services.analytics.forecast.forecast(w.as(w.users.ann), { period: 'month' });
      expect(forecast.range).toMatchObject({ firstDay: '2026-03-01', lastDay: '2026-03-31', start: '2026-02-28T23:00:00.000Z', timeZone: 'Europe/Berlin' });
      expect(forecast.reps.map((r) => r.name)).toEqual(['Ann']);
      // Won: D1 (Mar 1 in Berlin). Commit: + D2 (80% ≥ 80) + D4 (marked) = 40k + 40k. Best case: + all USD open in March (60k).
      // Weighted: 30k × 80% + 20k × 60% + 10k × 40% = 40k. Target 100k: 40% attained. QTD: D0 + D1 = 50k of 200k.
      expect(forecast.total.figures).toEqual([
        {
          currency: 'EUR',
          closedWonMinor: 0,
          wonCount: 0,
          commitMinor: 0,
          commitCount: 0,
          bestCaseMinor: 500_000,
          openCount: 1,
          weightedPipelineMinor: 50_000,
          targetMinor: null,
          attainment: null,
          monthToDate: { wonMinor: 0, targetMinor: null, attainment: null },
          quarterToDate: { wonMinor: 0, targetMinor: null, attainment: null },
          yearToDate: { wonMinor: 0, targetMinor: null, attainment: null },
        },
        {
          currency: 'USD',
          closedWonMinor: 4_000_000,
          wonCount: 1,
          commitMinor: 8_000_000,
          commitCount: 2,
          bestCaseMinor: 10_000_000,
          openCount: 3,
          weightedPipelineMinor: 4_000_000,
          targetMinor: 10_000_000,
          attainment: 0.4,
          monthToDate: { wonMinor: 4_000_000, targetMinor: 10_000_000, attainment: 0.4 },
          quarterToDate: { wonMinor: 5_000_000, targetMinor: 20_000_000, attainment: 0.25 },
          yearToDate: { wonMinor: 5_000_000, targetMinor: 20_000_000, attainment: 0.25 },
        },
      ]);
      expect(forecast.total.commitThreshold).toBe(80);
    });

    it('takes the team\'s commit threshold, and the quarter is three months of targets', async () => {
      const w = world();
      await seed(w);
      await w.services.analytics.settings.update(w.as(w.users.mia), w.users.mia.teamId, { commitThreshold: 60 });
      const forecast = await w.services.analytics.forecast.forecast(w.as(w.users.ann), { period: 'quarter' });
      const usdFigures = forecast.total.figures.find((f) => f.currency === 'USD');
      // D3 at 60% now commits too. The quarter holds D0 and D1 (50k) against 200k.
      expect(usdFigures).toMatchObject({ closedWonMinor: 5_000_000, commitMinor: 5_000_000 + 6_000_000, bestCaseMinor: 11_000_000, targetMinor: 20_000_000, attainment: 0.25 });
      expect(forecast.total.commitThreshold).toBe(60);
    });

    it('counts a deal in the month it closed on the reader\'s calendar', async () => {
      const w = world();
      await seed(w);
      // In Shanghai, Raj's win was on March 1.
      const raj = await w.services.analytics.forecast.forecast(w.as(w.users.raj), {});
      expect(raj.total.figures.map((f) => [f.currency, f.closedWonMinor])).toEqual([['CNY', 800_000]]);
      // In New York both wins were on February 28: not in Mia's March, but in her quarter so far.
      const team = await w.services.analytics.forecast.forecast(w.as(w.users.mia), {});
      expect(team.scope).toMatchObject({ kind: 'team', name: 'East' });
      expect(team.reps.map((r) => r.name)).toEqual(['Ann', 'Raj']);
      const won = (row: (typeof team.reps)[number]) => row.figures.map((f) => [f.currency, f.closedWonMinor, f.quarterToDate.wonMinor]);
      expect(team.reps.map(won)).toEqual([
        [['EUR', 0, 0], ['USD', 0, 5_000_000]],
        [['CNY', 0, 800_000]],
      ]);
      expect(team.teams.map((t) => [t.name, t.figures.map((f) => f.currency)])).toEqual([['East', ['CNY', 'EUR', 'USD']]]);
      // Ann, in Berlin, asking to read it on New York's calendar, sees Mia's figures.
      const asMia = await w.services.analytics.forecast.forecast(w.as(w.users.ann), { timeZone: 'America/New_York' });
      expect(asMia.total.figures.find((f) => f.currency === 'USD')?.closedWonMinor).toBe(0);
    });

    it('lists what changed this week: moves, slips, new amounts, wins and losses', async () => {
      const w = world();
      await seed(w);
      const ann = w.as(w.users.ann);
      const deals = await w.services.deals.list(ann, { ownerIds: [w.users.ann.id], statuses: ['open'] }, { limit: 50 });
      const byTitle = (title: string) => deals.items.find((d) => d.title === title)?.id ?? '';
      at(w, '2026-03-04T13:00:00.000Z');
      await w.services.deals.moveStage(ann, byTitle('D3'), 'negotiation');
      await w.services.deals.update(ann, byTitle('D5'), { expectedCloseDate: '2026-04-15' });
      await w.services.deals.update(ann, byTitle('D4'), { amount: usd(1_200_000) });
      await w.services.deals.lose(ann, byTitle('D6'), { reason: 'No budget' });
      // D2 moves forward and back: no net move.
      await w.services.deals.moveStage(ann, byTitle('D2'), 'proposal');
      await w.services.deals.moveStage(ann, byTitle('D2'), 'negotiation');
      at(w, '2026-03-04T14:00:00.000Z');
      const forecast = await w.services.analytics.forecast.forecast(w.as(w.users.mia), {});
      const seen = forecast.changes.filter((c) => c.kind !== 'created').map((c) => [c.dealTitle, c.kind, c.fromStage ?? c.fromDate ?? c.fromAmount?.minor ?? null, c.toStage ?? c.toDate ?? c.toAmount?.minor ?? null]);
      expect(seen).toEqual([
        ['D3', 'stage_moved', 'Proposal', 'Negotiation'],
        ['D4', 'amount_changed', 1_000_000, 1_200_000],
        ['D5', 'close_date_slipped', '2026-03-15', '2026-04-15'],
        ['D6', 'lost', null, null],
        // Won on Feb 28, within a week of Mar 4.
        ['D1', 'won', null, null],
        ['R1', 'won', null, null],
      ]);
      expect(forecast.changes.filter((c) => c.kind === 'created').map((c) => c.dealTitle)).toEqual(['D2', 'D3', 'D4', 'D5', 'D6', 'D1', 'R1']);
    });
  });
}

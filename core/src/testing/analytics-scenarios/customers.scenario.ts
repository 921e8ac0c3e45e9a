import { describe, expect, it } from 'vitest';
import type { AnalyticsStore } from '../../store/store.port.js';
import type { StoreFactory } from '../contract/support.js';
import type { World } from '../world.js';
import { aDealOf, anAccountOf, at, DAY, usd, useWorld } from './support.js';

const START = '2026-01-01T10:00:00.000Z';
const day = (n: number): string => new Date(Date.parse(START) + n * DAY).toISOString();

/**
 * Ann's customers. Acme bought on days 0, 30 and 60 (USD 1,000 each) and was touched every 10 days
 * from day 0 to 60; Initech bought once on day 40 (USD 800); Globex once on day 50 (USD 500) and
 * was touched on day 95. On day 100 every last order is 40 to 60 days old (recency 4, a quarter);
 * frequency and money rank against each other (ranks of 3 score 1, 3, 5): Acme 4-5-5 (champions),
 * Initech 4-1-3 and Globex 4-1-1 (new: a first purchase, lately).
 */
async function seed(w: World): Promise<void> {
  const ann = w.as(w.users.ann);
  const acme = await anAccountOf(w, w.users.ann, 'Acme');
  const initech = await anAccountOf(w, w.users.ann, 'Initech');
  const globex = await anAccountOf(w, w.users.ann, 'Globex');
  const win = async (accountId: string, minor: number, when: number) => {
    at(w, day(when));
    const deal = await aDealOf(w, w.users.ann, accountId, { title: `Order day ${when}`, amount: usd(minor) });
    await w.services.deals.win(ann, deal.id);
  };
  await win(acme, 100_000, 0);
  await win(acme, 100_000, 30);
  await win(initech, 80_000, 40);
  await win(globex, 50_000, 50);
  await win(acme, 100_000, 60);
  at(w, day(95));
  for (let d = 0; d <= 60; d += 10) await w.services.activities.log(ann, { type: 'call', accountId: acme, occurredAt: day(d) });
  await w.services.activities.log(ann, { type: 'email', accountId: globex, occurredAt: day(95) });
}

export function describeCustomerValueScenarios(makeStore: StoreFactory<AnalyticsStore>): void {
  describe('customer value and churn', () => {
    const world = useWorld(makeStore, START);

    it('scores accounts into segments and lists a segment\'s accounts', async () => {
      const w = world();
      await seed(w);
      at(w, day(100));
      const report = await w.services.analytics.customers.segments(w.as(w.users.ann), { segment: 'champions' });
      expect(report.segments.map((s) => [s.segment, s.accounts, s.orders, s.byCurrency.map((c) => `${c.currency} ${c.amountMinor}`)])).toEqual([
        ['champions', 1, 3, ['USD 300000']],
        ['loyal', 0, 0, []],
        ['new', 2, 2, ['USD 130000']],
        ['promising', 0, 0, []],
        ['at_risk', 0, 0, []],
        ['hibernating', 0, 0, []],
      ]);
      expect(report.accounts).toEqual([
        expect.objectContaining({ accountName: 'Acme', owner: expect.objectContaining({ name: 'Ann' }), recency: 4, frequency: 5, monetary: 5, segment: 'champions', orders: 3, touches: 7, lastTouchAt: day(60) }),
      ]);
      const newcomers = await w.services.analytics.customers.segments(w.as(w.users.mia), { segment: 'new' });
      expect(newcomers.accounts.map((a) => [a.accountName, `${a.recency}${a.frequency}${a.monetary}`])).toEqual([['Initech', '413'], ['Globex', '411']]);
      // A year on, nobody has bought again: Acme was valuable and is now at risk, the others hibernate.
      at(w, day(430));
      const later = await w.services.analytics.customers.segments(w.as(w.users.mia), {});
      expect(later.segments.filter((s) => s.accounts > 0).map((s) => [s.segment, s.accounts])).toEqual([['at_risk', 1], ['hibernating', 2]]);
      const bo = await w.services.analytics.customers.segments(w.as(w.users.bo), {});
      expect(bo.segments.every((s) => s.accounts === 0)).toBe(true);
    });

    it('warns about a valuable account gone quiet for longer than usual for it, with the evidence', async () => {
      const w = world();
      await seed(w);
      at(w, day(100));
      const { risks } = await w.services.analytics.customers.churnRisks(w.as(w.users.mia), {});
      // Acme: touched every 10 days, silent for 40 (> 2 × 10). It orders every 30 days; 40 days is not yet 2 × 30.
      expect(risks).toEqual([
        expect.objectContaining({
          accountName: 'Acme',
          segment: 'champions',
          reasons: ['quiet'],
          lastTouchAt: day(60),
          silentDays: 40,
          usualTouchIntervalDays: 10,
          lastOrderAt: day(60),
          daysSinceLastOrder: 40,
          usualOrderIntervalDays: 30,
          sensitivity: 'normal',
        }),
      ]);
    });

    it('waits longer before warning when the team turns sensitivity down', async () => {
      const w = world();
      await seed(w);
      at(w, day(85));
      // 25 days of silence: more than 2 × 10, not more than 3 × 10.
      expect((await w.services.analytics.customers.churnRisks(w.as(w.users.ann), {})).risks.map((r) => r.accountName)).toEqual(['Acme']);
      await w.services.analytics.settings.update(w.as(w.users.mia), w.users.mia.teamId, { churnSensitivity: 'low' });
      expect((await w.services.analytics.customers.churnRisks(w.as(w.users.ann), {})).risks).toEqual([]);
      await w.services.analytics.settings.update(w.as(w.users.mia), w.users.mia.teamId, { churnSensitivity: 'high' });
      expect((await w.services.analytics.customers.churnRisks(w.as(w.users.ann), {})).risks.map((r) => r.sensitivity)).toEqual(['high']);
    });
  });
}

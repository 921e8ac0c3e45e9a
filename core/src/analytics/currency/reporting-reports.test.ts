import { beforeEach, describe, expect, it } from 'vitest';
import type { Money } from '../../shared/money.js';
import { createWorld, type World } from '../../testing/world.js';

const usd = (minor: number): Money => ({ minor, currency: 'USD' });

/**
 * Reporting currency EUR; USD at 0.90 from 1 February, 0.92 from 1 March, 0.95 from 2 March
 * (today); JPY at 0.0061 from 1 March; no KRW rate at all.
 */
describe('reports in the reporting currency', () => {
  let w: World;
  let acme: string;
  let campaignId: string;
  beforeEach(async () => {
    w = await createWorld({ start: '2026-02-15T09:00:00.000Z' });
    const admin = w.as(w.users.admin);
    const ann = w.as(w.users.ann);
    const rates = w.services.analytics.exchangeRates;
    await rates.setReportingCurrency(admin, 'EUR');
    await rates.importRates(admin, [
      { line: 2, currency: 'USD', date: '2026-02-01', rate: '0.90' },
      { line: 3, currency: 'USD', date: '2026-03-01', rate: '0.92' },
      { line: 4, currency: 'USD', date: '2026-03-02', rate: '0.95' },
      { line: 5, currency: 'JPY', date: '2026-03-01', rate: '0.0061' },
    ]);
    acme = (await w.services.accounts.create(ann, { name: 'Acme' })).id;
    campaignId = (await w.services.analytics.campaigns.create(admin, { name: 'Fair', channel: 'events', cost: usd(100_000), startDate: '2026-02-01', endDate: null })).id;
    const d = await w.services.deals.create(ann, { title: 'D', accountId: acme, amount: usd(50_000), campaignId });
    await w.services.deals.win(ann, d.id); // closes 15 February: 0.90
    w.clock.set('2026-03-01T10:00:00.000Z');
    const e = await w.services.deals.create(ann, { title: 'E', accountId: acme, amount: usd(20_000) });
    await w.services.deals.win(ann, e.id); // closes 1 March: 0.92
    w.clock.set('2026-03-02T08:00:00.000Z');
    await w.services.deals.create(ann, { title: 'A', accountId: acme, amount: usd(100_000), expectedCloseDate: '2026-03-20' });
    await w.services.deals.create(ann, { title: 'B', accountId: acme, amount: { minor: 100_000, currency: 'JPY' } });
    await w.services.deals.create(ann, { title: 'C', accountId: acme, amount: { minor: 50_000, currency: 'KRW' } });
  });
  const admin = () => w.as(w.users.admin);
  const krwToday = { currency: 'KRW', date: '2026-03-02', count: 1, amountMinor: 50_000 };

  it('gives the board its open deals at today\'s rate, and names the currency without one', async () => {
    const report = await w.services.analytics.pipeline.board(admin(), {});
    expect(report.board.totals.map((t) => t.currency)).toEqual(['JPY', 'KRW', 'USD']);
    expect(report.reporting).toMatchObject({ currency: 'EUR', amountMinor: 95_000 + 61_000, missingRates: [krwToday] });
  });

  it('converts the forecast\'s wins at their close date\'s rate and open deals at today\'s', async () => {
    const forecast = await w.services.analytics.forecast.forecast(admin(), { period: 'month' });
    expect(forecast.reporting).toEqual({ currency: 'EUR', closedWonMinor: 18_400, commitMinor: expect.any(Number), bestCaseMinor: 18_400 + 95_000, weightedPipelineMinor: expect.any(Number), missingRates: [] });
  });

  it('gives the funnel its wins at close-date rates and its open pipeline at today\'s', async () => {
    const funnel = await w.services.analytics.funnel.funnel(admin(), {});
    expect(funnel.reporting).toEqual({ currency: 'EUR', wonMinor: 45_000 + 18_400, openMinor: 95_000 + 61_000, missingRates: [krwToday] });
  });

  it('adds up targets, a past month at its last day\'s rate, and says which had none', async () => {
    const mia = w.as(w.users.mia);
    await w.services.analytics.targets.create(mia, { userId: w.users.ann.id, month: '2026-01', amount: { minor: 1_000_000, currency: 'JPY' } });
    await w.services.analytics.targets.create(mia, { userId: w.users.ann.id, month: '2026-02', amount: usd(100_000) });
    await w.services.analytics.targets.create(mia, { userId: w.users.ann.id, month: '2026-03', amount: usd(1_000_000) });
    const list = await w.services.analytics.targets.report(mia, { from: '2026-01', to: '2026-03' });
    expect(list.items).toHaveLength(3);
    expect(list.reporting).toEqual({ currency: 'EUR', targetMinor: 90_000 + 950_000, missingRates: [{ currency: 'JPY', date: '2026-01-31', count: 1, amountMinor: 1_000_000 }] });
  });

  it('gives a campaign its cost, revenue and ROI across currencies', async () => {
    const roi = await w.services.analytics.campaigns.roi(admin(), campaignId);
    expect(roi.reporting).toEqual({ currency: 'EUR', costMinor: 90_000, wonMinor: 45_000, openMinor: 0, weightedMinor: 0, roi: -0.5, missingRates: [] });
  });

  it('ranks customer value in the reporting currency instead of comparing yen and dollars as numbers', async () => {
    const beta = (await w.services.accounts.create(w.as(w.users.ann), { name: 'Beta' })).id;
    const deal = await w.services.deals.create(w.as(w.users.ann), { title: 'Y', accountId: beta, amount: { minor: 100_000, currency: 'JPY' } });
    await w.services.deals.win(w.as(w.users.ann), deal.id); // ¥100,000 = €610 < Acme's $700 = €634
    w.clock.set('2026-03-02T12:00:00.000Z');
    const champions = await w.services.analytics.customers.segments(admin(), { segment: 'champions' });
    expect(champions.ranking).toEqual({ currency: 'EUR', missingRates: [] });
    expect(champions.accounts.map((a) => [a.accountName, a.monetary])).toEqual([['Acme', 5]]);
    const newcomers = await w.services.analytics.customers.segments(admin(), { segment: 'new' });
    expect(newcomers.accounts.map((a) => [a.accountName, a.monetary])).toEqual([['Beta', 1]]);

    // Against GBP there are no rates: nothing is guessed, every amount is listed as left out.
    await w.services.analytics.exchangeRates.setReportingCurrency(admin(), 'GBP');
    const unconverted = await w.services.analytics.customers.segments(admin(), {});
    expect(unconverted.ranking).toEqual({
      currency: 'GBP',
      missingRates: [
        { currency: 'JPY', date: '2026-03-02', count: 1, amountMinor: 100_000 },
        { currency: 'USD', date: '2026-02-15', count: 1, amountMinor: 50_000 },
        { currency: 'USD', date: '2026-03-01', count: 1, amountMinor: 20_000 },
      ],
    });
    expect(unconverted.segments.find((s) => s.segment === 'champions')?.accounts).toBe(0);
  });

  it('answers reporting: null until a reporting currency is set', async () => {
    const fresh = await createWorld();
    expect((await fresh.services.analytics.pipeline.board(fresh.as(fresh.users.admin), {})).reporting).toBeNull();
    expect((await fresh.services.analytics.customers.churnRisks(fresh.as(fresh.users.admin), {})).ranking).toEqual({ currency: null, missingRates: [] });
  });
});

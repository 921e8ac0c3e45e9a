import { describe, expect, it } from 'vitest';
import { ExchangeRate } from '../../analytics/currency/exchange-rate.schema.js';
import { aDeal } from '../builders.js';
import type { AnalyticsContractContext } from './support.js';

const rate = (currency: string, date: string, value: string, quote = 'EUR') => ExchangeRate.parse({ currency, quote, date, rate: value });
const usd = (minor: number) => ({ minor, currency: 'USD' });

export function describeExchangeRateContract({ write, read }: AnalyticsContractContext): void {
  describe('exchange rates', () => {
    it('keeps one rate per reporting currency, currency and date, exactly as written, listed by currency then date', async () => {
      await write(async (uow) => {
        await uow.exchangeRates.put(rate('USD', '2026-03-02', '0.95'));
        await uow.exchangeRates.put(rate('USD', '2026-03-01', '0.92'));
        await uow.exchangeRates.put(rate('JPY', '2026-03-01', '0.0000000061'));
        await uow.exchangeRates.put(rate('USD', '2026-03-01', '0.9', 'GBP'));
        await uow.exchangeRates.put(rate('USD', '2026-03-01', '123456789012.1234567891'));
      });
      const list = (filter: { currencies?: string[]; from?: string; to?: string }) => read((uow) => uow.exchangeRates.list({ quote: 'EUR', ...filter }));
      expect(await list({})).toEqual([rate('JPY', '2026-03-01', '0.0000000061'), rate('USD', '2026-03-01', '123456789012.1234567891'), rate('USD', '2026-03-02', '0.95')]);
      expect((await list({ currencies: ['USD'], to: '2026-03-01' })).map((r) => r.rate)).toEqual(['123456789012.1234567891']);
      expect((await list({ from: '2026-03-02' })).map((r) => r.date)).toEqual(['2026-03-02']);
      expect(await list({ currencies: [] })).toEqual([]);
      expect(await read((uow) => uow.exchangeRates.list({ quote: 'GBP' }))).toEqual([rate('USD', '2026-03-01', '0.9', 'GBP')]);

      expect(await write((uow) => uow.exchangeRates.delete({ quote: 'EUR', currency: 'USD', date: '2026-03-02' }))).toBe(true);
      expect(await write((uow) => uow.exchangeRates.delete({ quote: 'EUR', currency: 'USD', date: '2026-03-02' }))).toBe(false);
      expect((await list({ currencies: ['USD'] })).map((r) => r.date)).toEqual(['2026-03-01']);
    });

    it('sums closed deals by status, currency and UTC close day', async () => {
      await write(async (uow) => {
        for (const deal of [
          aDeal({ ownerId: 'usr_a', status: 'won', amount: usd(100), closedAt: '2026-03-01T00:00:00.000Z' }),
          aDeal({ ownerId: 'usr_a', status: 'won', amount: usd(200), closedAt: '2026-03-01T23:59:59.999Z' }),
          aDeal({ ownerId: 'usr_b', status: 'won', amount: usd(400), closedAt: '2026-03-02T00:00:00.000Z', pipelineId: 'pipe_other' }),
          aDeal({ ownerId: 'usr_b', status: 'won', amount: { minor: 9000, currency: 'JPY' }, closedAt: '2026-03-02T10:00:00.000Z' }),
          aDeal({ ownerId: 'usr_b', status: 'lost', amount: usd(800), closedAt: '2026-03-02T10:00:00.000Z', lostReason: 'Price' }),
          aDeal({ ownerId: 'usr_a', status: 'won', amount: usd(1600), closedAt: '2026-04-01T00:00:00.000Z' }),
          aDeal({ ownerId: 'usr_a', amount: usd(3200) }),
        ]) await uow.deals.insert(deal);
      });
      const march = { from: '2026-03-01T00:00:00.000Z', to: '2026-04-01T00:00:00.000Z' };
      const byDay = (filter: { statuses?: Array<'won' | 'lost'>; ownerIds?: string[]; pipelineId?: string }) =>
        read((uow) => uow.reporting.closedByDay({ statuses: ['won'], ...march, ...filter }));
      expect(await byDay({})).toEqual([
        { status: 'won', currency: 'JPY', day: '2026-03-02', count: 1, amountMinor: 9000 },
        { status: 'won', currency: 'USD', day: '2026-03-01', count: 2, amountMinor: 300 },
        { status: 'won', currency: 'USD', day: '2026-03-02', count: 1, amountMinor: 400 },
      ]);
      expect(await byDay({ statuses: ['lost', 'won'], ownerIds: ['usr_b'], pipelineId: 'pipe_other' })).toEqual([{ status: 'won', currency: 'USD', day: '2026-03-02', count: 1, amountMinor: 400 }]);
      expect(await byDay({ statuses: ['lost'] })).toEqual([{ status: 'lost', currency: 'USD', day: '2026-03-02', count: 1, amountMinor: 800 }]);
      expect(await byDay({ ownerIds: [] })).toEqual([]);
      expect(await read((uow) => uow.reporting.closedByDay({ statuses: ['won'], ownerIds: ['usr_a'] }))).toHaveLength(2);
    });

    it('sums each account\'s won deals by currency and UTC close day, before an instant', async () => {
      await write(async (uow) => {
        for (const deal of [
          aDeal({ accountId: 'acc_b', status: 'won', amount: usd(100), closedAt: '2026-03-01T08:00:00.000Z' }),
          aDeal({ accountId: 'acc_b', status: 'won', amount: usd(50), closedAt: '2026-03-01T09:00:00.000Z' }),
          aDeal({ accountId: 'acc_a', status: 'won', amount: { minor: 7, currency: 'KRW' }, closedAt: '2026-02-01T08:00:00.000Z' }),
          aDeal({ accountId: 'acc_a', status: 'won', amount: usd(999), closedAt: '2026-03-05T00:00:00.000Z' }),
          aDeal({ accountId: 'acc_a', status: 'lost', amount: usd(999), closedAt: '2026-03-01T00:00:00.000Z', lostReason: 'Price' }),
        ]) await uow.deals.insert(deal);
      });
      expect(await read((uow) => uow.reporting.accountWonByDay({ asOf: '2026-03-05T00:00:00.000Z' }))).toEqual([
        { accountId: 'acc_a', currency: 'KRW', day: '2026-02-01', amountMinor: 7 },
        { accountId: 'acc_b', currency: 'USD', day: '2026-03-01', amountMinor: 150 },
      ]);
    });
  });
}

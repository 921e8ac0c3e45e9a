import { describe, expect, it } from 'vitest';
import { convertMinor, missingRatesSentence, RateTable, ReportingSum } from './conversion.js';
import { ExchangeRate, Rate } from './exchange-rate.schema.js';

const rate = (currency: string, date: string, value: string) => ExchangeRate.parse({ currency, quote: 'EUR', date, rate: value });

describe('exchange rates', () => {
  it('keep a rate as exact decimal text, refusing floats that drift and nonsense', () => {
    expect(Rate.parse('0010.2500')).toBe('10.25');
    expect(Rate.parse(1.0842)).toBe('1.0842');
    expect(Rate.parse('0.0000000001')).toBe('0.0000000001');
    for (const bad of ['0', '0.000', '-1.2', '1e-7', '1,234.5', 'abc', '', '1.12345678901']) expect(Rate.safeParse(bad).success).toBe(false);
    expect(Rate.safeParse(1e-7).success).toBe(false);
  });

  it('convert exactly in integers, each currency with its own minor digits, rounding half up once', () => {
    expect(convertMinor(100_000, 'JPY', 'EUR', '0.0061')).toBe(61_000); // ¥100,000 → €610.00
    expect(convertMinor(50_000, 'KRW', 'EUR', '0.00069')).toBe(3_450); // ₩50,000 → €34.50
    expect(convertMinor(1_000, 'EUR', 'JPY', '163.95')).toBe(1_640); // €10.00 → ¥1,639.5 → ¥1,640
    expect(convertMinor(1_000, 'EUR', 'KWD', '0.3345')).toBe(3_345); // €10.00 → 3.345 KWD (three digits)
    expect(convertMinor(1, 'USD', 'EUR', '0.5')).toBe(1); // half a cent rounds up
    // 0.1 + 0.2 would drift as floats; as decimals 3 × 0.1 of 10^13 minor units is exact.
    expect(convertMinor(10 ** 13, 'USD', 'EUR', '0.3')).toBe(3 * 10 ** 12);
  });
});

describe('RateTable', () => {
  const table = new RateTable('EUR', [rate('USD', '2026-03-01', '0.92'), rate('USD', '2026-03-10', '0.90'), rate('JPY', '2026-03-05', '0.0061')]);

  it('takes the latest rate on or before the date, never a later one', () => {
    expect(table.rateOn('USD', '2026-03-01')).toBe('0.92');
    expect(table.rateOn('USD', '2026-03-09')).toBe('0.92');
    expect(table.rateOn('USD', '2026-03-10')).toBe('0.9');
    expect(table.rateOn('USD', '2027-01-01')).toBe('0.9');
    expect(table.rateOn('USD', '2026-02-28')).toBeNull();
    expect(table.rateOn('GBP', '2026-03-10')).toBeNull();
    expect(table.rateOn('EUR', '1999-01-01')).toBe('1');
  });

  it('ignores rates entered for another reporting currency', () => {
    const mixed = new RateTable('EUR', [ExchangeRate.parse({ currency: 'USD', quote: 'GBP', date: '2026-03-01', rate: '0.8' })]);
    expect(mixed.rateOn('USD', '2026-03-02')).toBeNull();
  });
});

describe('ReportingSum', () => {
  const table = new RateTable('EUR', [rate('USD', '2026-03-01', '0.92'), rate('USD', '2026-03-10', '0.90'), rate('JPY', '2026-03-05', '0.0061')]);

  it('converts a closed deal at its close date and an open one at today, and leaves out what has no rate', () => {
    const sum = new ReportingSum(table, ['wonMinor'] as const);
    sum.add('USD', '2026-03-02', { wonMinor: 100_000 }, { count: 1, amountMinor: 100_000 }); // closed 2 March: 0.92
    sum.add('USD', '2026-03-12', { wonMinor: 100_000 }, { count: 1, amountMinor: 100_000 }); // today: 0.90
    sum.add('JPY', '2026-03-04', { wonMinor: 500_000 }, { count: 2, amountMinor: 500_000 }); // before the first JPY rate
    sum.add('GBP', '2026-03-12', { wonMinor: 700 }, { count: 1, amountMinor: 700 });
    sum.add('EUR', '2026-03-12', { wonMinor: 5 }, { count: 1, amountMinor: 5 });
    expect(sum.result()).toEqual({
      currency: 'EUR',
      wonMinor: 92_000 + 90_000 + 5,
      missingRates: [
        { currency: 'GBP', date: '2026-03-12', count: 1, amountMinor: 700 },
        { currency: 'JPY', date: '2026-03-04', count: 2, amountMinor: 500_000 },
      ],
    });
  });

  it('says plainly what was left out', () => {
    expect(missingRatesSentence('EUR', [{ currency: 'JPY', date: '2026-03-04', count: 2, amountMinor: 500_000 }])).toBe(
      'No JPY rate on or before 2026-03-04: 2 amounts (¥500,000) are left out of the EUR total.',
    );
    expect(missingRatesSentence('EUR', [{ currency: 'USD', date: '2026-03-01', count: 1, amountMinor: 150 }], 'de-DE', 'ranking')).toBe(
      'No USD rate on or before 2026-03-01: 1 amount (1,5\u00a0$) is left out of the EUR ranking.',
    );
    expect(missingRatesSentence('EUR', [])).toBe('');
  });
});

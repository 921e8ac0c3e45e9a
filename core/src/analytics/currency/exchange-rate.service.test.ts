import { beforeEach, describe, expect, it } from 'vitest';
import { createWorld, type World } from '../../testing/world.js';

describe('ExchangeRateService', () => {
  let w: World;
  beforeEach(async () => {
    w = await createWorld();
  });
  const rates = () => w.services.analytics.exchangeRates;

  it('lets admins set the reporting currency, and everyone read it', async () => {
    expect(await rates().reportingCurrency(w.as(w.users.ann))).toEqual({ currency: null });
    await expect(rates().setReportingCurrency(w.as(w.users.mia), 'EUR')).rejects.toMatchObject({ code: 'forbidden' });
    await expect(rates().setReportingCurrency(w.as(w.users.admin), 'ZZZ')).rejects.toMatchObject({ code: 'invalid_input' });
    expect(await rates().setReportingCurrency(w.as(w.users.admin), ' eur ')).toEqual({ currency: 'EUR' });
    expect(await rates().reportingCurrency(w.as(w.users.ann))).toEqual({ currency: 'EUR' });
  });

  it('keeps dated rates one by one, exactly as entered, and deletes them', async () => {
    await expect(rates().put(w.as(w.users.admin), 'USD', '2026-03-01', { rate: '0.92' })).rejects.toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/reporting currency first/) });
    await rates().setReportingCurrency(w.as(w.users.admin), 'EUR');
    await expect(rates().put(w.as(w.users.mia), 'USD', '2026-03-01', { rate: '0.92' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(rates().put(w.as(w.users.admin), 'EUR', '2026-03-01', { rate: '2' })).rejects.toMatchObject({ code: 'invalid_input', issues: [{ path: 'currency' }] });
    await expect(rates().put(w.as(w.users.admin), 'USD', '2026-02-30', { rate: '0.92' })).rejects.toMatchObject({ code: 'invalid_input', issues: [{ path: 'date' }] });
    await expect(rates().put(w.as(w.users.admin), 'USD', '2026-03-01', { rate: '-0.92' })).rejects.toMatchObject({ code: 'invalid_input', issues: [{ path: 'rate' }] });
    expect(await rates().put(w.as(w.users.admin), 'usd', '2026-03-01', { rate: '0.920' })).toEqual({ currency: 'USD', quote: 'EUR', date: '2026-03-01', rate: '0.92' });
    await rates().put(w.as(w.users.admin), 'USD', '2026-03-01', { rate: '0.93' });
    await rates().put(w.as(w.users.admin), 'JPY', '2026-03-01', { rate: '0.0061' });
    expect(await rates().list(w.as(w.users.ann))).toEqual([
      { currency: 'JPY', quote: 'EUR', date: '2026-03-01', rate: '0.0061' },
      { currency: 'USD', quote: 'EUR', date: '2026-03-01', rate: '0.93' },
    ]);
    await rates().delete(w.as(w.users.admin), 'USD', '2026-03-01');
    await expect(rates().delete(w.as(w.users.admin), 'USD', '2026-03-01')).rejects.toMatchObject({ code: 'not_found' });
    expect((await rates().list(w.as(w.users.ann), { currency: 'USD' })).length).toBe(0);
  });

  it('imports a file whole or not at all, naming every bad line', async () => {
    await rates().setReportingCurrency(w.as(w.users.admin), 'EUR');
    const bad = [
      { line: 2, currency: 'USD', date: '2026-03-01', rate: '0.92' },
      { line: 3, currency: 'US', date: '2026-03-02', rate: '0.92' },
      { line: 4, currency: 'JPY', date: '03/01/2026', rate: '0.0061' },
      { line: 5, currency: 'USD', date: '2026-03-01', rate: '0.95' },
      { line: 6, currency: 'EUR', date: '2026-03-01', rate: '1' },
    ];
    const refused = await rates().importRates(w.as(w.users.admin), bad).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(/^No rates imported: 4 bad lines\. line 3: currency:/) });
    expect([...new Set((refused as { issues: Array<{ path: string }> }).issues.map((i) => i.path))]).toEqual(['line 3', 'line 4', 'line 5', 'line 6']);
    expect(await rates().list(w.as(w.users.admin))).toEqual([]);

    const good = [
      { line: 2, currency: 'USD', date: '2026-03-01', rate: '0.92' },
      { line: 3, currency: 'USD', date: '2026-03-01', rate: '0.920' },
      { line: 4, currency: 'KRW', date: '2026-03-01', rate: '0.00069' },
    ];
    expect(await rates().importRates(w.as(w.users.admin), good)).toEqual({ imported: 2, currencies: ['KRW', 'USD'], reportingCurrency: 'EUR' });
    await expect(rates().importRates(w.as(w.users.mia), good)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('uses only the rates of the reporting currency now set', async () => {
    await rates().setReportingCurrency(w.as(w.users.admin), 'EUR');
    await rates().put(w.as(w.users.admin), 'USD', '2026-03-01', { rate: '0.92' });
    await rates().setReportingCurrency(w.as(w.users.admin), 'GBP');
    expect(await rates().list(w.as(w.users.admin))).toEqual([]);
    await rates().setReportingCurrency(w.as(w.users.admin), 'EUR');
    expect((await rates().list(w.as(w.users.admin))).map((r) => r.rate)).toEqual(['0.92']);
  });
});

import { describe, expect, it } from 'vitest';
import { readDateTime, readMoney, readNumber, webDomainOf } from './import-values.js';

const value = <T>(read: { ok: true; value: T } | { ok: false; reason: string }): T | string => (read.ok ? read.value : read.reason);

describe('reading the values CRM exports write', () => {
  it('reads English, continental and Swiss numbers alike', () => {
    expect(value(readNumber('1,234.56'))).toBe(1234.56);
    expect(value(readNumber('1.234,56'))).toBe(1234.56);
    expect(value(readNumber('1 234,56'))).toBe(1234.56);
    expect(value(readNumber("1'234.50"))).toBe(1234.5);
    expect(value(readNumber('1,234'))).toBe(1234);
    expect(value(readNumber('0,5'))).toBe(0.5);
    expect(value(readNumber('1234.567'))).toBe(1234.567);
    expect(readNumber('12abc').ok).toBe(false);
    expect(readNumber('1,23,4').ok).toBe(false);
  });

  it('reads amounts into minor units of the cell, column or default currency', () => {
    expect(value(readMoney('1.234,56', 'EUR', 'USD'))).toEqual({ minor: 123456, currency: 'EUR' });
    expect(value(readMoney('$1,200', undefined, 'EUR'))).toEqual({ minor: 120000, currency: 'USD' });
    expect(value(readMoney('JPY 80000', undefined, 'USD'))).toEqual({ minor: 80000, currency: 'JPY' });
    expect(value(readMoney('12.5', '', 'GBP'))).toEqual({ minor: 1250, currency: 'GBP' });
    expect(value(readMoney('lots', 'USD', 'USD'))).toContain('Bad amount');
    expect(value(readMoney('-5', 'USD', 'USD'))).toContain('negative');
  });

  it('reads ISO, US and dotted dates, and refuses the rest naming the formats', () => {
    expect(value(readDateTime('2026-03-31'))).toEqual({ date: '2026-03-31', instant: '2026-03-31T00:00:00.000Z' });
    expect(value(readDateTime('03/31/2026 2:05 PM'))).toEqual({ date: '2026-03-31', instant: '2026-03-31T14:05:00.000Z' });
    expect(value(readDateTime('31.03.2026'))).toMatchObject({ date: '2026-03-31' });
    expect(value(readDateTime('2026-03-31T10:00:00+02:00'))).toMatchObject({ instant: '2026-03-31T08:00:00.000Z' });
    expect(value(readDateTime('02/30/2026'))).toContain('not a real date');
    expect(value(readDateTime('next Tuesday'))).toContain('Date in an unknown format');
  });

  it('finds the web domain in a website address', () => {
    expect(webDomainOf('https://www.Acme.com/about')).toBe('acme.com');
    expect(webDomainOf('not a site')).toBeNull();
  });
});

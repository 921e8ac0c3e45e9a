import { describe, expect, it } from 'vitest';
import { Format } from './format.js';

describe('numbers in the reader\'s locale and the amount\'s own currency', () => {
  it('writes amounts in whole units of each currency, as the locale writes them', () => {
    expect(new Format('en-US').amount(4_800_000, 'EUR')).toBe('€48,000');
    expect(new Format('de-DE').amount(4_800_000, 'EUR')).toBe('48.000\u00a0€');
    expect(new Format('ja-JP').amount(80_000, 'JPY')).toBe('￥80,000');
    expect(new Format('en-US').amount(1_234_500, 'KWD')).toBe('KWD\u00a01,235');
    expect(new Format('fr-FR').amount(9_900, 'USD')).toBe('99\u00a0$US');
  });

  it('shortens amounts for charts and leaves a missing ratio as a dash', () => {
    const format = new Format('en-US');
    expect(format.shortAmount(125_000_000, 'USD')).toBe('$1.3M');
    expect(format.percent(0.4667)).toBe('47%');
    expect(format.percent(null)).toBe('—');
  });

  it('falls back to English for a locale the browser does not know', () => {
    expect(new Format('xx-INVALID-locale-tag-that-is-long').count(12345)).toBe('12,345');
  });

  it('reads calendar dates as dates, not instants, whatever the zone', () => {
    expect(new Format('en-US', 'Pacific/Auckland').date('2020-03-20')).toBe('Mar 20, 2020');
    expect(new Format('en-US', 'America/Los_Angeles').date('2020-03-20')).toBe('Mar 20, 2020');
  });
});

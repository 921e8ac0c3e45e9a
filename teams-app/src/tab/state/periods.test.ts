import { describe, expect, it } from 'vitest';
import { lastDayOf, shiftPeriod } from './periods.js';

describe('stepping through report periods', () => {
  it('moves a day or a week across month and year ends', () => {
    expect(shiftPeriod('2026-11-30', 'day', 1)).toBe('2026-12-01');
    expect(shiftPeriod('2026-01-01', 'day', -1)).toBe('2025-12-31');
    expect(shiftPeriod('2026-12-28', 'week', 1)).toBe('2027-01-04');
    expect(shiftPeriod('2026-03-02', 'week', -1)).toBe('2026-02-23');
  });

  it('moves a month or a quarter to the first of its month, leap years included', () => {
    expect(shiftPeriod('2026-11-01', 'month', -1)).toBe('2026-10-01');
    expect(shiftPeriod('2026-12-01', 'month', 1)).toBe('2027-01-01');
    expect(shiftPeriod('2024-01-01', 'month', 1)).toBe('2024-02-01');
    expect(shiftPeriod('2026-10-01', 'quarter', -1)).toBe('2026-07-01');
    expect(shiftPeriod('2026-01-01', 'quarter', -1)).toBe('2025-10-01');
    expect(shiftPeriod('2026-10-01', 'quarter', 2)).toBe('2027-04-01');
  });

  it('knows where a period ends', () => {
    expect(lastDayOf('2026-11-16', 'week')).toBe('2026-11-22');
    expect(lastDayOf('2024-02-01', 'month')).toBe('2024-02-29');
    expect(lastDayOf('2026-10-01', 'quarter')).toBe('2026-12-31');
    expect(lastDayOf('2026-11-23', 'day')).toBe('2026-11-23');
  });
});

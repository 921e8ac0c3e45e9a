import { describe, expect, it } from 'vitest';
import { churnReasons, churnRule, isValuable, usualIntervalDays } from './churn.js';

const asOf = '2026-06-01T00:00:00.000Z';
const normal = churnRule(200);

describe('churn rule', () => {
  it('flags an account silent for more than twice its usual gap between touches', () => {
    // 4 touches from Jan 1 to Mar 1: 59 days over 3 gaps, usually every 19.67 days.
    // Silent since Mar 1: 92 days > 2 × 19.67 → quiet.
    const account = { touches: 4, firstTouchAt: '2026-01-01T00:00:00.000Z', lastTouchAt: '2026-03-01T00:00:00.000Z', orders: 1, firstOrderAt: '2026-01-15T00:00:00.000Z', lastOrderAt: '2026-01-15T00:00:00.000Z' };
    expect(usualIntervalDays(account.touches, account.firstTouchAt, account.lastTouchAt)).toBe(19.67);
    expect(churnReasons(account, asOf, normal)).toEqual(['quiet']);
    // The same account touched two weeks ago is fine: 14 days ≯ 2 × usual gap (Jan 1 → May 18 over 3 gaps = 45.67 days).
    expect(churnReasons({ ...account, lastTouchAt: '2026-05-18T00:00:00.000Z' }, asOf, normal)).toEqual([]);
  });

  it('flags an account that has gone longer than usual without buying', () => {
    // Won Sep 1 and Nov 1: usually every 61 days; 212 days since Nov 1 > 2 × 61 → buying less.
    const account = { touches: 0, firstTouchAt: null, lastTouchAt: null, orders: 2, firstOrderAt: '2025-09-01T00:00:00.000Z', lastOrderAt: '2025-11-01T00:00:00.000Z' };
    expect(churnReasons(account, asOf, normal)).toEqual(['buying_less']);
    // Won Jun 1 and Dec 1 (183 days apart): 182 days since then is less than 2 × 183.
    expect(churnReasons({ ...account, firstOrderAt: '2025-06-01T00:00:00.000Z', lastOrderAt: '2025-12-01T00:00:00.000Z' }, asOf, normal)).toEqual([]);
    // Won Nov 1 and Jan 1 (61 days apart): 151 days since is more than 2 × 61 but less than the 3 × 61 low sensitivity waits for.
    expect(churnReasons({ ...account, lastOrderAt: '2026-01-01T00:00:00.000Z', firstOrderAt: '2025-11-01T00:00:00.000Z' }, asOf, normal)).toEqual(['buying_less']);
    expect(churnReasons({ ...account, lastOrderAt: '2026-01-01T00:00:00.000Z', firstOrderAt: '2025-11-01T00:00:00.000Z' }, asOf, churnRule(300))).toEqual([]);
  });

  it('needs three touches, a real gap, and two weeks of silence', () => {
    const base = { orders: 1, firstOrderAt: asOf, lastOrderAt: asOf };
    expect(churnReasons({ ...base, touches: 2, firstTouchAt: '2026-01-01T00:00:00.000Z', lastTouchAt: '2026-01-02T00:00:00.000Z' }, asOf, normal)).toEqual([]);
    expect(churnReasons({ ...base, touches: 3, firstTouchAt: '2026-01-01T00:00:00.000Z', lastTouchAt: '2026-01-01T00:00:00.000Z' }, asOf, normal)).toEqual([]);
    // Touched every day, then 13 days of silence: 13 > 2 × 1, but under two weeks.
    expect(churnReasons({ ...base, touches: 11, firstTouchAt: '2026-05-09T00:00:00.000Z', lastTouchAt: '2026-05-19T00:00:00.000Z' }, asOf, normal)).toEqual([]);
    expect(churnReasons({ ...base, touches: 11, firstTouchAt: '2026-05-08T00:00:00.000Z', lastTouchAt: '2026-05-18T00:00:00.000Z' }, asOf, normal)).toEqual(['quiet']);
  });

  it('never warns about buying less before two weeks without an order, however close the last orders were', () => {
    const justNow = { touches: 0, firstTouchAt: null, lastTouchAt: null, orders: 2, firstOrderAt: '2026-05-31T23:59:00.000Z', lastOrderAt: '2026-05-31T23:59:01.000Z' };
    expect(churnReasons(justNow, asOf, normal)).toEqual([]);
    // Two orders a day apart, thirteen days ago: 13 > 2 × 1 day, yet under two weeks.
    expect(churnReasons({ ...justNow, firstOrderAt: '2026-05-18T00:00:00.000Z', lastOrderAt: '2026-05-19T00:00:00.000Z' }, asOf, normal)).toEqual([]);
    expect(churnReasons({ ...justNow, firstOrderAt: '2026-05-17T00:00:00.000Z', lastOrderAt: '2026-05-18T00:00:00.000Z' }, asOf, normal)).toEqual(['buying_less']);
  });

  it('watches valuable accounts only: monetary or frequency score 4 or more', () => {
    expect(isValuable({ recency: 1, frequency: 1, monetary: 4 })).toBe(true);
    expect(isValuable({ recency: 5, frequency: 4, monetary: 1 })).toBe(true);
    expect(isValuable({ recency: 5, frequency: 3, monetary: 3 })).toBe(false);
  });
});

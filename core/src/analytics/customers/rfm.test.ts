import { describe, expect, it } from 'vitest';
import { ranks, recencyScore, rfmScore, scoreAccounts, segmentOf } from './rfm.js';

describe('RFM scores', () => {
  it('scores a rank out of n by its percent rank: 1 + ⌊5 × (rank − 1) / (n − 1)⌋, at most 5', () => {
    expect([1, 2, 3, 4, 5].map((rank) => rfmScore(rank, 5))).toEqual([1, 2, 3, 4, 5]);
    expect([1, 2, 3].map((rank) => rfmScore(rank, 3))).toEqual([1, 3, 5]);
    expect([1, 2].map((rank) => rfmScore(rank, 2))).toEqual([1, 5]);
    expect(rfmScore(1, 1)).toBe(1);
    expect([1, 20, 21, 40, 80, 81, 100].map((rank) => rfmScore(rank, 100))).toEqual([1, 1, 2, 2, 4, 5, 5]);
  });

  it('ranks like SQL RANK(): equal values share the lower rank', () => {
    expect(ranks([1, 1, 2, 3, 1])).toEqual([1, 1, 4, 5, 1]);
    expect(ranks(['2026-03-01', '2025-06-01', '2026-03-01'])).toEqual([2, 1, 2]);
  });

  it('scores accounts against each other, monetary within each currency', () => {
    // Orders 1,1,2,3,1 → frequency ranks 1,1,4,5,1 of 5 → scores 1,1,4,5,1.
    // Seen on 2026-03-02, the last orders are A 51 days old → 4, B and E 1 day → 5, C 29 days → 5, D 274 days → 2.
    // USD A 100 < B 300 < C 500 → ranks of 3 → 1,3,5; EUR C 20 < E 50 < D 1000 → 1,3,5; C keeps its best, 5.
    const paid = (...amounts: Array<[string, number]>) => amounts.map(([currency, amountMinor]) => ({ currency, amountMinor }));
    const accounts = [
      { accountId: 'A', orders: 1, lastOrderAt: '2026-01-10T00:00:00.000Z', byCurrency: paid(['USD', 100]) },
      { accountId: 'B', orders: 1, lastOrderAt: '2026-03-01T00:00:00.000Z', byCurrency: paid(['USD', 300]) },
      { accountId: 'C', orders: 2, lastOrderAt: '2026-02-01T00:00:00.000Z', byCurrency: paid(['EUR', 20], ['USD', 500]) },
      { accountId: 'D', orders: 3, lastOrderAt: '2025-06-01T00:00:00.000Z', byCurrency: paid(['EUR', 1000]) },
      { accountId: 'E', orders: 1, lastOrderAt: '2026-03-01T00:00:00.000Z', byCurrency: paid(['EUR', 50]) },
    ];
    const scores = scoreAccounts(accounts, '2026-03-02T00:00:00.000Z');
    expect(scores.map((s) => `${s.recency}${s.frequency}${s.monetary}`)).toEqual(['411', '513', '545', '255', '513']);
    expect(scores.map(segmentOf)).toEqual(['new', 'new', 'champions', 'at_risk', 'new']);
  });

  it('scores recency by age, so a customer who has just bought is never at risk however many bought after', () => {
    const now = '2026-03-02T12:00:00.000Z';
    const big = { accountId: 'big', orders: 9, lastOrderAt: '2026-03-02T11:59:50.000Z', byCurrency: [{ currency: 'USD', amountMinor: 9_000_000 }] };
    const later = (id: string) => ({ accountId: id, orders: 1, lastOrderAt: '2026-03-02T11:59:59.000Z', byCurrency: [{ currency: 'USD', amountMinor: 100 }] });
    const [scores] = scoreAccounts([big, later('x'), later('y')], now);
    expect(scores?.recency).toBe(5);
    expect(segmentOf(scores!)).toBe('champions');
  });

  it('puts ages in month, quarter, half-year and year buckets', () => {
    const asOf = '2026-12-31T00:00:00.000Z';
    const ago = (days: number) => new Date(Date.parse(asOf) - days * 86_400_000).toISOString();
    expect([0, 30, 31, 91, 92, 182, 183, 365, 366, 2000].map((d) => recencyScore(ago(d), asOf))).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
    expect(recencyScore('2027-01-05T00:00:00.000Z', asOf)).toBe(5);
  });
});

describe('segments', () => {
  it('tries the rules in order, the first that holds names the segment', () => {
    expect(segmentOf({ recency: 5, frequency: 5, monetary: 5 })).toBe('champions');
    expect(segmentOf({ recency: 5, frequency: 5, monetary: 3 })).toBe('loyal');
    expect(segmentOf({ recency: 3, frequency: 3, monetary: 1 })).toBe('loyal');
    expect(segmentOf({ recency: 5, frequency: 1, monetary: 5 })).toBe('new');
    expect(segmentOf({ recency: 3, frequency: 1, monetary: 2 })).toBe('promising');
    expect(segmentOf({ recency: 2, frequency: 1, monetary: 4 })).toBe('at_risk');
    expect(segmentOf({ recency: 1, frequency: 3, monetary: 1 })).toBe('at_risk');
    expect(segmentOf({ recency: 2, frequency: 2, monetary: 3 })).toBe('hibernating');
  });

  it('splits the 125 score combinations among the segments', () => {
    const scores = [1, 2, 3, 4, 5];
    const counts: Record<string, number> = {};
    for (const recency of scores) for (const frequency of scores) for (const monetary of scores) {
      const segment = segmentOf({ recency, frequency, monetary });
      counts[segment] = (counts[segment] ?? 0) + 1;
    }
    // Champions 2 × 2 × 2; loyal 3 × 3 × 5 less the champions; new 2 × 2 × 5; promising recency 3 with frequency 1–2, 1 × 2 × 5;
    // at risk recency 1–2 with frequency 3–5 (15) or frequency 1–2 and monetary 4–5 (4), 2 × 19; hibernating the rest, 2 × 2 × 3.
    expect(counts).toEqual({ champions: 8, loyal: 37, new: 20, promising: 10, at_risk: 38, hibernating: 12 });
  });
});

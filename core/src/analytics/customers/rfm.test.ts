import { describe, expect, it } from 'vitest';
import { ranks, rfmScore, scoreAccounts, segmentOf } from './rfm.js';

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
    // Last orders D < A < C < B = E → recency ranks D1 A2 C3 B4 E4 → scores 1,2,3,4,4.
    // USD A 100 < B 300 < C 500 → ranks of 3 → 1,3,5; EUR C 20 < E 50 < D 1000 → 1,3,5; C keeps its best, 5.
    const paid = (...amounts: Array<[string, number]>) => amounts.map(([currency, amountMinor]) => ({ currency, amountMinor }));
    const accounts = [
      { accountId: 'A', orders: 1, lastOrderAt: '2026-01-10T00:00:00.000Z', byCurrency: paid(['USD', 100]) },
      { accountId: 'B', orders: 1, lastOrderAt: '2026-03-01T00:00:00.000Z', byCurrency: paid(['USD', 300]) },
      { accountId: 'C', orders: 2, lastOrderAt: '2026-02-01T00:00:00.000Z', byCurrency: paid(['EUR', 20], ['USD', 500]) },
      { accountId: 'D', orders: 3, lastOrderAt: '2025-06-01T00:00:00.000Z', byCurrency: paid(['EUR', 1000]) },
      { accountId: 'E', orders: 1, lastOrderAt: '2026-03-01T00:00:00.000Z', byCurrency: paid(['EUR', 50]) },
    ];
    const scores = scoreAccounts(accounts);
    expect(scores.map((s) => `${s.recency}${s.frequency}${s.monetary}`)).toEqual(['211', '413', '345', '155', '413']);
    expect(scores.map(segmentOf)).toEqual(['hibernating', 'new', 'loyal', 'at_risk', 'new']);
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

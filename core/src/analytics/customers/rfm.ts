import type { Segment } from './customer-value.schema.js';
import { DAY_MS } from '../stages/stage-times.js';

/**
 * RFM scoring. Each account with won deals gets three scores from 1 to 5:
 * - recency: how long ago its last won deal closed, by age (RECENCY_BUCKETS), never by rank — a
 *   customer who bought yesterday scores 5 however many others bought since;
 * - frequency: how many deals it has won, ranked against every buying account of the company;
 * - monetary: how much it has paid, ranked among accounts paying in the same currency (money
 *   in two currencies is never added); an account paying in several takes its best score.
 *
 * A ranked score comes from the account's percent rank, (rank − 1) ÷ (n − 1), where rank is 1 + the
 * number of accounts with a strictly lower value (SQL's RANK()): `rfmScore(rank, n)` =
 * 1 + ⌊5 × (rank − 1) ÷ (n − 1)⌋, at most 5 (1 when n is 1). The lowest value scores 1 and the
 * highest 5 however few accounts there are, and equal values score alike.
 */
export const rfmScore = (rank: number, n: number): number => (n <= 1 ? 1 : Math.min(5, 1 + Math.floor((5 * (rank - 1)) / (n - 1))));

/** SQL RANK() over ascending values: for each value, 1 + how many values are strictly smaller. */
export function ranks(values: ReadonlyArray<number | string>): number[] {
  const order = values.map((_, i) => i).sort((a, b) => {
    const x = values[a] as number | string;
    const y = values[b] as number | string;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const rank: number[] = new Array<number>(values.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && values[order[j + 1] as number] === values[order[i] as number]) j += 1;
    for (let k = i; k <= j; k += 1) rank[order[k] as number] = i + 1;
    i = j + 1;
  }
  return rank;
}

/**
 * Recency scores by the days since the last order: within a month 5, a quarter 4, half a year 3,
 * a year 2, longer 1. Business customers buy in months, not days, so these ages are what a
 * manager means by "lately" and "a while".
 */
export const RECENCY_BUCKETS: ReadonlyArray<{ maxDays: number; score: number }> = [
  { maxDays: 30, score: 5 },
  { maxDays: 91, score: 4 },
  { maxDays: 182, score: 3 },
  { maxDays: 365, score: 2 },
];

/** The recency score of an order placed at `lastOrderAt`, seen at `asOf` (an order in the future counts as today's). */
export function recencyScore(lastOrderAt: string, asOf: string): number {
  const days = Math.max(0, (Date.parse(asOf) - Date.parse(lastOrderAt)) / DAY_MS);
  return RECENCY_BUCKETS.find((b) => days <= b.maxDays)?.score ?? 1;
}

/** An account's three scores, each 1–5. */
export interface RfmScores {
  recency: number;
  frequency: number;
  monetary: number;
}

/** The segment rules, in the order they are tried: the first that holds names the segment. */
export const SEGMENT_RULES: ReadonlyArray<{ segment: Segment; rule: string; holds: (s: RfmScores) => boolean }> = [
  { segment: 'champions', rule: 'recency ≥ 4, frequency ≥ 4 and monetary ≥ 4: bought lately, often and a lot', holds: (s) => s.recency >= 4 && s.frequency >= 4 && s.monetary >= 4 },
  { segment: 'loyal', rule: 'recency ≥ 3 and frequency ≥ 3: buys again and again', holds: (s) => s.recency >= 3 && s.frequency >= 3 },
  { segment: 'new', rule: 'recency ≥ 4 and frequency ≤ 2: a first purchase, lately', holds: (s) => s.recency >= 4 && s.frequency <= 2 },
  { segment: 'promising', rule: 'recency ≥ 3: bought not long ago', holds: (s) => s.recency >= 3 },
  { segment: 'at_risk', rule: 'recency ≤ 2 with frequency ≥ 3 or monetary ≥ 4: was valuable, has not bought for a while', holds: (s) => s.frequency >= 3 || s.monetary >= 4 },
  { segment: 'hibernating', rule: 'everyone else: long ago, rarely, little', holds: () => true },
];

export function segmentOf(scores: RfmScores): Segment {
  return SEGMENT_RULES.find((r) => r.holds(scores))?.segment ?? 'hibernating';
}

/** What scoring needs of one account's won deals. */
export interface RfmInput {
  accountId: string;
  orders: number;
  lastOrderAt: string;
  /** Amount won per currency. */
  byCurrency: ReadonlyArray<{ currency: string; amountMinor: number }>;
}

/** Scores every buying account at `asOf` (frequency and monetary against all the others); the result lines up with the input. */
export function scoreAccounts(accounts: readonly RfmInput[], asOf: string): RfmScores[] {
  const n = accounts.length;
  const frequency = ranks(accounts.map((a) => a.orders));
  const monetary = new Array<number>(n).fill(1);
  const payers = new Map<string, Array<{ index: number; amount: number }>>();
  accounts.forEach((a, index) => {
    for (const paid of a.byCurrency) {
      const list = payers.get(paid.currency) ?? [];
      list.push({ index, amount: paid.amountMinor });
      payers.set(paid.currency, list);
    }
  });
  for (const inCurrency of payers.values()) {
    const rank = ranks(inCurrency.map((p) => p.amount));
    inCurrency.forEach((p, i) => {
      monetary[p.index] = Math.max(monetary[p.index] ?? 1, rfmScore(rank[i] ?? 1, inCurrency.length));
    });
  }
  return accounts.map((a, i) => ({ recency: recencyScore(a.lastOrderAt, asOf), frequency: rfmScore(frequency[i] ?? 1, n), monetary: monetary[i] ?? 1 }));
}

import type { Segment } from './customer-value.schema.js';
import { DAY_MS } from '../stages/stage-times.js';
import { instantMs, rankNumbers } from './ranking.js';

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
  if (values.every((v) => typeof v === 'number')) return Array.from(rankNumbers(values as readonly number[]));
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
  return recencyScorer(asOf)(lastOrderAt);
}

/** recencyScore at one `asOf`, for many orders: the bucket limits are worked out once. */
function recencyScorer(asOf: string): (lastOrderAt: string) => number {
  const now = instantMs(asOf);
  return (lastOrderAt) => {
    const days = Math.max(0, (now - instantMs(lastOrderAt)) / DAY_MS);
    for (const b of RECENCY_BUCKETS) if (days <= b.maxDays) return b.score;
    return 1;
  };
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

/** Scores of many accounts, one typed array per score, lined up with the accounts. */
export interface ScoreColumns {
  recency: Uint8Array;
  frequency: Uint8Array;
  monetary: Uint8Array;
}

/** Scores every buying account at `asOf` (frequency and monetary against all the others), as columns. */
export function scoreColumns(accounts: readonly RfmInput[], asOf: string): ScoreColumns {
  const n = accounts.length;
  const recency = new Uint8Array(n);
  const frequency = new Uint8Array(n);
  const monetary = new Uint8Array(n).fill(1);
  const orders = new Float64Array(n);
  const recencyOf = recencyScorer(asOf);
  // Per currency, the accounts paying in it and what each paid.
  const payers = new Map<string, { index: number[]; amount: number[] }>();
  for (let i = 0; i < n; i += 1) {
    const a = accounts[i] as RfmInput;
    orders[i] = a.orders;
    recency[i] = recencyOf(a.lastOrderAt);
    for (const paid of a.byCurrency) {
      let inCurrency = payers.get(paid.currency);
      if (!inCurrency) payers.set(paid.currency, (inCurrency = { index: [], amount: [] }));
      inCurrency.index.push(i);
      inCurrency.amount.push(paid.amountMinor);
    }
  }
  const frequencyRank = rankNumbers(orders);
  for (let i = 0; i < n; i += 1) frequency[i] = rfmScore(frequencyRank[i] as number, n);
  for (const { index, amount } of payers.values()) {
    const rank = rankNumbers(amount);
    for (let j = 0; j < index.length; j += 1) {
      const i = index[j] as number;
      const score = rfmScore(rank[j] as number, index.length);
      if (score > (monetary[i] as number)) monetary[i] = score;
    }
  }
  return { recency, frequency, monetary };
}

/** Scores every buying account at `asOf` (frequency and monetary against all the others); the result lines up with the input. */
export function scoreAccounts(accounts: readonly RfmInput[], asOf: string): RfmScores[] {
  const { recency, frequency, monetary } = scoreColumns(accounts, asOf);
  return accounts.map((_, i) => ({ recency: recency[i] as number, frequency: frequency[i] as number, monetary: monetary[i] as number }));
}

/** The index in SEGMENT_RULES of each combination of scores, at (recency − 1) × 25 + (frequency − 1) × 5 + monetary − 1. */
const SEGMENT_INDEX: Uint8Array = Uint8Array.from({ length: 125 }, (_, k) => {
  const segment = segmentOf({ recency: Math.floor(k / 25) + 1, frequency: (Math.floor(k / 5) % 5) + 1, monetary: (k % 5) + 1 });
  return SEGMENT_RULES.findIndex((r) => r.segment === segment);
});

/** segmentOf as the index of its rule in SEGMENT_RULES, for scores of 1 to 5. */
export const segmentIndex = (recency: number, frequency: number, monetary: number): number =>
  SEGMENT_INDEX[(recency - 1) * 25 + (frequency - 1) * 5 + monetary - 1] as number;

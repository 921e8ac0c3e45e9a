import { z } from 'zod';

/**
 * RFM scoring. Each account with won deals gets three scores from 1 (lowest fifth) to 5 (top
 * fifth), ranked against every such account of the company:
 * - recency: when its last won deal closed (later is better);
 * - frequency: how many deals it has won;
 * - monetary: how much it has paid, ranked among accounts paying in the same currency (money
 *   in two currencies is never added); an account paying in several takes its best score.
 *
 * A score comes from the account's percent rank, (rank − 1) ÷ (n − 1), where rank is 1 + the
 * number of accounts with a strictly lower value (SQL's RANK()): `rfmScore(rank, n)` =
 * 1 + ⌊5 × (rank − 1) ÷ (n − 1)⌋, at most 5 (1 when n is 1). The lowest value scores 1 and the
 * highest 5 however few accounts there are, and equal values score alike.
 */
export const rfmScore = (rank: number, n: number): number => (n <= 1 ? 1 : Math.min(5, 1 + Math.floor((5 * (rank - 1)) / (n - 1))));

/** SQL RANK() over ascending values: 1 + how many values are strictly smaller. */
export function rankAscending<K>(values: ReadonlyMap<K, number | string>): Map<K, number> {
  const sorted = [...values.values()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const firstIndex = new Map<number | string, number>();
  sorted.forEach((v, i) => {
    if (!firstIndex.has(v)) firstIndex.set(v, i);
  });
  return new Map([...values].map(([key, v]) => [key, (firstIndex.get(v) ?? 0) + 1]));
}

/** An account's three scores, each 1–5. */
export interface RfmScores {
  recency: number;
  frequency: number;
  monetary: number;
}

export const Segment = z.enum(['champions', 'loyal', 'new', 'promising', 'at_risk', 'hibernating']);
export type Segment = z.infer<typeof Segment>;

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
  byCurrency: ReadonlyMap<string, number>;
}

/** Scores every buying account against all the others. */
export function scoreAccounts(accounts: readonly RfmInput[]): Map<string, RfmScores> {
  const n = accounts.length;
  const recency = rankAscending(new Map(accounts.map((a) => [a.accountId, a.lastOrderAt])));
  const frequency = rankAscending(new Map(accounts.map((a) => [a.accountId, a.orders])));
  const monetary = new Map<string, number>();
  const currencies = new Set(accounts.flatMap((a) => [...a.byCurrency.keys()]));
  for (const currency of currencies) {
    const payers = new Map(accounts.flatMap((a) => (a.byCurrency.has(currency) ? [[a.accountId, a.byCurrency.get(currency) ?? 0] as const] : [])));
    for (const [accountId, rank] of rankAscending(payers)) {
      monetary.set(accountId, Math.max(monetary.get(accountId) ?? 1, rfmScore(rank, payers.size)));
    }
  }
  return new Map(
    accounts.map((a) => [
      a.accountId,
      { recency: rfmScore(recency.get(a.accountId) ?? 1, n), frequency: rfmScore(frequency.get(a.accountId) ?? 1, n), monetary: monetary.get(a.accountId) ?? 1 },
    ]),
  );
}

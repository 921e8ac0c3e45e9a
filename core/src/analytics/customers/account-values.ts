import { compareCodePoints } from '../../shared/text.js';
import type { AccountOrders, AccountTouches } from '../report-queries.port.js';
import type { ChurnEvidence } from './churn.js';
import { scoreColumns, type RfmScores, type ScoreColumns } from './rfm.js';

/** A buying account with its scores and, once asked for, its touches. */
export interface AccountValue extends AccountOrders, RfmScores, ChurnEvidence {}

/**
 * Every buying account scored at `asOf` (see scoreColumns), with the positions of those in a
 * scope. Scores stay in typed arrays; an AccountValue is built only for an account that is
 * listed or looked at further.
 */
export interface ScoredAccounts extends ScoreColumns {
  orders: readonly AccountOrders[];
  /** Positions in `orders` of the accounts in scope, in account order. */
  inScope: Int32Array;
}

/** `rankBy` lines up with `orders` and gives the amounts monetary scores rank (default: each account's own, per currency). */
export function scoredAccounts(orders: readonly AccountOrders[], asOf: string, ownerIds: readonly string[] | null, rankBy: readonly AccountOrders[] = orders): ScoredAccounts {
  const owners = ownerIds ? new Set(ownerIds) : null;
  const inScope = new Int32Array(orders.length);
  let n = 0;
  for (let i = 0; i < orders.length; i += 1) if (!owners || owners.has((orders[i] as AccountOrders).ownerId)) inScope[n++] = i;
  return { orders, ...scoreColumns(rankBy, asOf), inScope: inScope.subarray(0, n) };
}

/** The account at position `i` with its scores, touches not yet known. */
export function valueAt(scored: ScoredAccounts, i: number): AccountValue {
  const o = scored.orders[i] as AccountOrders;
  // Built field by field: spreading thousands of objects is several times slower.
  return {
    accountId: o.accountId,
    ownerId: o.ownerId,
    orders: o.orders,
    firstOrderAt: o.firstOrderAt,
    lastOrderAt: o.lastOrderAt,
    byCurrency: o.byCurrency,
    recency: scored.recency[i] as number,
    frequency: scored.frequency[i] as number,
    monetary: scored.monetary[i] as number,
    touches: 0,
    firstTouchAt: null,
    lastTouchAt: null,
  };
}

/** The same accounts with their touches filled in. */
export function withTouches(values: readonly AccountValue[], touches: readonly AccountTouches[]): AccountValue[] {
  const byId = new Map(touches.map((t) => [t.accountId, t]));
  return values.map((v) => {
    const t = byId.get(v.accountId);
    if (!t) return v;
    return {
      accountId: v.accountId,
      ownerId: v.ownerId,
      orders: v.orders,
      firstOrderAt: v.firstOrderAt,
      lastOrderAt: v.lastOrderAt,
      byCurrency: v.byCurrency,
      recency: v.recency,
      frequency: v.frequency,
      monetary: v.monetary,
      touches: t.touches,
      firstTouchAt: t.firstTouchAt,
      lastTouchAt: t.lastTouchAt,
    };
  });
}

const total = (s: RfmScores): number => s.recency + s.frequency + s.monetary;

/** Best first: the sum of the scores, then the latest order, then account id. */
export const byValue = (a: AccountValue, b: AccountValue): number =>
  total(b) - total(a) || compareCodePoints(b.lastOrderAt, a.lastOrderAt) || compareCodePoints(a.accountId, b.accountId);

/**
 * The positions `among` in byWorth order, without comparing objects: a stable counting sort on the
 * three scores, then account id within each combination of scores (already in that order when
 * the store lists accounts by id in code-point order).
 */
export function worthOrder(scored: ScoreColumns & { orders: readonly AccountOrders[] }, among: readonly number[]): number[] {
  const key = (i: number): number => (5 - (scored.monetary[i] as number)) * 25 + (5 - (scored.frequency[i] as number)) * 5 + (5 - (scored.recency[i] as number));
  const start = new Int32Array(126);
  for (const i of among) start[key(i) + 1] = (start[key(i) + 1] as number) + 1;
  for (let k = 1; k < start.length; k += 1) start[k] = (start[k] as number) + (start[k - 1] as number);
  const ordered = new Array<number>(among.length);
  const next = start.slice();
  for (const i of among) {
    const k = key(i);
    ordered[next[k] as number] = i;
    next[k] = (next[k] as number) + 1;
  }
  const id = (i: number): string => (scored.orders[i] as AccountOrders).accountId;
  for (let k = 0; k < 125; k += 1) {
    const from = start[k] as number;
    const to = start[k + 1] as number;
    let sorted = true;
    for (let j = from + 1; j < to && sorted; j += 1) sorted = compareCodePoints(id(ordered[j - 1] as number), id(ordered[j] as number)) < 0;
    if (!sorted) {
      const bucket = ordered.slice(from, to).sort((a, b) => compareCodePoints(id(a), id(b)));
      ordered.splice(from, bucket.length, ...bucket);
    }
  }
  return ordered;
}

/** Churn risks first by how much they are worth: monetary, frequency, recency, then account id. */
export const byWorth = (a: AccountValue, b: AccountValue): number =>
  b.monetary - a.monetary || b.frequency - a.frequency || b.recency - a.recency || compareCodePoints(a.accountId, b.accountId);

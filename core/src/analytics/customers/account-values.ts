import { compareCodePoints } from '../../shared/text.js';
import type { AccountOrders, AccountTouches } from '../report-queries.port.js';
import type { ChurnEvidence } from './churn.js';
import { scoreAccounts, type RfmScores } from './rfm.js';

/** A buying account with its scores and, once asked for, its touches. */
export interface AccountValue extends AccountOrders, RfmScores, ChurnEvidence {}

/** Scores every buying account at `asOf` (see scoreAccounts), touches not yet known. */
export function scoredAccounts(orders: readonly AccountOrders[], asOf: string): AccountValue[] {
  const scores = scoreAccounts(orders, asOf);
  // Built field by field: spreading 20,000 objects is several times slower.
  return orders.map((o, i) => {
    const s = scores[i];
    return {
      accountId: o.accountId,
      ownerId: o.ownerId,
      orders: o.orders,
      firstOrderAt: o.firstOrderAt,
      lastOrderAt: o.lastOrderAt,
      byCurrency: o.byCurrency,
      recency: s?.recency ?? 1,
      frequency: s?.frequency ?? 1,
      monetary: s?.monetary ?? 1,
      touches: 0,
      firstTouchAt: null,
      lastTouchAt: null,
    };
  });
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

/** Churn risks first by how much they are worth: monetary, frequency, recency, then account id. */
export const byWorth = (a: AccountValue, b: AccountValue): number =>
  b.monetary - a.monetary || b.frequency - a.frequency || b.recency - a.recency || compareCodePoints(a.accountId, b.accountId);

import { describe, expect, it } from 'vitest';
import type { AccountOrders } from '../report-queries.port.js';
import { byWorth, scoredAccounts, valueAt, worthOrder } from './account-values.js';

/** Accounts with spread-out orders and amounts, listed by id, some ids out of code-point order. */
function someAccounts(n: number): AccountOrders[] {
  return Array.from({ length: n }, (_, i) => ({
    accountId: i % 7 === 0 ? `Z-${i}` : `acc-${String(i).padStart(4, '0')}`,
    ownerId: `u${i % 3}`,
    orders: 1 + ((i * 31) % 9),
    firstOrderAt: '2025-01-15T00:00:00.000Z',
    lastOrderAt: new Date(Date.UTC(2026, 0, 1) + ((i * 7_919) % 500) * 86_400_000).toISOString(),
    byCurrency: [{ currency: i % 5 === 0 ? 'EUR' : 'USD', amountMinor: ((i * 104_729) % 1_000) * 1_000 }],
  }));
}

describe('worthOrder', () => {
  it('lists accounts exactly as sorting them by worth would, whatever order the store gave', () => {
    const scored = scoredAccounts(someAccounts(600), '2026-06-01T00:00:00.000Z', null);
    const all = Array.from(scored.inScope);
    const expected = all.map((i) => valueAt(scored, i)).sort(byWorth).map((v) => v.accountId);
    expect(worthOrder(scored, all).map((i) => valueAt(scored, i).accountId)).toEqual(expected);
  });

  it('keeps to the accounts of a scope', () => {
    const scored = scoredAccounts(someAccounts(60), '2026-06-01T00:00:00.000Z', ['u1']);
    const ordered = worthOrder(scored, Array.from(scored.inScope)).map((i) => valueAt(scored, i));
    expect(ordered).toHaveLength(20);
    expect(new Set(ordered.map((v) => v.ownerId))).toEqual(new Set(['u1']));
  });
});

import { CrmError, type Clock, type Store } from '@rapport/core';

/**
 * Claims `key` for good, through the database: true the first time, false for every later
 * claim from any hub. Slack's retries (X-Slack-Retry-Num), a modal submitted twice and an alert
 * two hubs both see are each carried out once. Claims are kept with the idempotency records
 * (the hub drops them after a day).
 */
export async function claimOnce(store: Store, clock: Clock, space: string, key: string): Promise<boolean> {
  try {
    await store.transaction((uow) => uow.idempotency.put({ userId: `slack:${space}`, key: key.slice(0, 500), fingerprint: space, status: 200, body: '', createdAt: clock.now().toISOString() }));
    return true;
  } catch (error) {
    if (error instanceof CrmError && error.code === 'conflict') return false;
    throw error;
  }
}

import { CrmError } from '../shared/errors.js';
import type { UnitOfWork } from '../store/store.port.js';

const refuse = async (): Promise<never> => {
  throw new CrmError('unavailable', 'Targets, campaigns and reports are kept on the hub, not in this local store. Connect to a hub to see them.');
};

/**
 * For a store that keeps only what a client works with offline (the browser extension's local
 * store): targets, campaigns and the report queries live on the hub, and every call here says
 * so with `unavailable`. Such a store runs the contract suite with `{ analytics: false }`.
 */
export function hubOnlyAnalytics(): Pick<UnitOfWork, 'targets' | 'campaigns' | 'analytics'> {
  return {
    targets: { get: refuse, list: refuse, insert: refuse, update: refuse, delete: refuse },
    campaigns: { get: refuse, list: refuse, insert: refuse, update: refuse, delete: refuse },
    analytics: {
      closedTotals: refuse,
      openTotals: refuse,
      dealEvents: refuse,
      stageDurations: refuse,
      staleDeals: refuse,
      funnel: refuse,
      repActivity: refuse,
      accountOrders: refuse,
      accountTouches: refuse,
      lossReasons: refuse,
      campaignTotals: refuse,
    },
  };
}

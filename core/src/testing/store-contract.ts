import { describe } from 'vitest';
import { describeAccountContract } from './contract/accounts.contract.js';
import { describeActivityContract } from './contract/activities.contract.js';
import { describeAggregateContract } from './contract/aggregates.contract.js';
import { describeAlertContract } from './contract/alerts.contract.js';
import { describeContactContract } from './contract/contacts.contract.js';
import { describeCustomFieldContract } from './contract/custom-fields.contract.js';
import { describeDealContract } from './contract/deals.contract.js';
import { describeDealSortContract } from './contract/deal-sorts.contract.js';
import { describeDeliveryAndEventContract } from './contract/deliveries-events.contract.js';
import { describeReminderContract } from './contract/reminders.contract.js';
import { describeSearchContract } from './contract/search.contract.js';
import { describeSettingsAndPipelineContract } from './contract/settings-pipelines.contract.js';
import { describeTokenContract } from './contract/tokens.contract.js';
import { describeTransactionContract } from './contract/transactions.contract.js';
import { describeUserContract } from './contract/users.contract.js';
import type { AnalyticsStore, Store } from '../store/store.port.js';
import { useFreshStore, type AnalyticsContractContext, type StoreFactory } from './contract/support.js';
import { describeTargetAndCampaignContract } from './contract/targets-campaigns.contract.js';
import { describeDealAnalyticsContract } from './contract/analytics-deals.contract.js';
import { describeStageAnalyticsContract } from './contract/analytics-stages.contract.js';
import { describePeopleAnalyticsContract } from './contract/analytics-people.contract.js';
import { describeExchangeRateContract } from './contract/exchange-rates.contract.js';

export type { StoreFactory } from './contract/support.js';

export interface StoreContractOptions {
  /**
   * False for a store without the analytics capability (a `Store`, not an `AnalyticsStore`):
   * the cases of targets, campaigns and report queries are left out. The types require it
   * for such a store and an AnalyticsStore runs every case.
   */
  analytics: false;
}

/**
 * The one suite every Store implementation runs: each rule of the Store port (see
 * store.port.ts and the ports beside each domain) checked against a fresh, empty store per test.
 *
 * ```ts
 * describeStoreContract('memory', async () => {
 *   const store = new MemoryStore();
 *   return { store, cleanup: () => store.close() };
 * });
 * ```
 */
export function describeStoreContract(name: string, makeStore: StoreFactory<AnalyticsStore>): void;
export function describeStoreContract(name: string, makeStore: StoreFactory, options: StoreContractOptions): void;
export function describeStoreContract(name: string, makeStore: StoreFactory<Store>, options?: StoreContractOptions): void {
  describe(`Store contract: ${name}`, () => {
    const context = useFreshStore(makeStore);
    describeTransactionContract(context);
    describeUserContract(context);
    describeTokenContract(context);
    describeAccountContract(context);
    describeContactContract(context);
    describeSearchContract(context);
    describeSettingsAndPipelineContract(context);
    describeDealContract(context);
    describeDealSortContract(context);
    describeAggregateContract(context);
    describeActivityContract(context);
    describeReminderContract(context);
    describeAlertContract(context);
    describeDeliveryAndEventContract(context);
    describeCustomFieldContract(context);
    if (options?.analytics === false) return;
    // Without the option, the overloads guarantee the store is an AnalyticsStore.
    const analytics = context as AnalyticsContractContext;
    describeTargetAndCampaignContract(analytics);
    describeDealAnalyticsContract(analytics);
    describeStageAnalyticsContract(analytics);
    describePeopleAnalyticsContract(analytics);
    describeExchangeRateContract(analytics);
  });
}

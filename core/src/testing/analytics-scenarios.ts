import { describe } from 'vitest';
import { describeActivityScenarios } from './analytics-scenarios/activity.scenario.js';
import { describeCustomerValueScenarios } from './analytics-scenarios/customers.scenario.js';
import { describeDealReportScenarios } from './analytics-scenarios/deals.scenario.js';
import { describeForecastScenarios } from './analytics-scenarios/forecast.scenario.js';
import { describeStageTimeScenarios } from './analytics-scenarios/stage-times.scenario.js';
import type { AnalyticsStore } from '../store/store.port.js';
import type { StoreFactory } from './contract/support.js';

/**
 * The analytics worked through the services on small, hand-made data whose figures are worked
 * out by hand in each test: time in stage and stale deals, the forecast, the rep activity report
 * in several time zones, funnel, win/loss, campaign ROI, segments and churn warnings. Runs on any
 * Store, so every engine is held to the same answers.
 */
export function describeAnalyticsScenarios(name: string, makeStore: StoreFactory<AnalyticsStore>): void {
  describe(`Analytics scenarios: ${name}`, () => {
    describeStageTimeScenarios(makeStore);
    describeForecastScenarios(makeStore);
    describeActivityScenarios(makeStore);
    describeDealReportScenarios(makeStore);
    describeCustomerValueScenarios(makeStore);
  });
}

import { describe, expectTypeOf, it } from 'vitest';
import type { Services } from '../services/create-services.js';
import { MemoryStore } from '../store/memory/memory-store.js';
import { describeAnalyticsScenarios } from '../testing/analytics-scenarios.js';
import type { ActivityReport } from './activity/activity-report.js';
import type { createAnalyticsServices } from './analytics-services.js';
import type { ChurnRisks } from './customers/customer-value.schema.js';
import type { Forecast } from './forecast/forecast.schema.js';
import type { StaleDeal } from './stages/stage-times.schema.js';

describeAnalyticsScenarios('memory', async () => {
  const store = new MemoryStore();
  return { store, cleanup: () => store.close() };
});

describe('the analytics services', () => {
  it('answer with the report shapes the REST contract publishes', () => {
    type A = ReturnType<typeof createAnalyticsServices>;
    expectTypeOf<Awaited<ReturnType<A['forecast']['forecast']>>>().toEqualTypeOf<Forecast>();
    expectTypeOf<Awaited<ReturnType<A['activity']['report']>>>().toEqualTypeOf<ActivityReport>();
    expectTypeOf<Awaited<ReturnType<A['customers']['churnRisks']>>>().toEqualTypeOf<ChurnRisks>();
    expectTypeOf<Awaited<ReturnType<A['stages']['staleDeals']>>['deals'][number]>().toEqualTypeOf<StaleDeal>();
    expectTypeOf<Services['analytics']>().toEqualTypeOf<A>();
  });
});

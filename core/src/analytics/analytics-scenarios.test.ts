import { MemoryStore } from '../store/memory/memory-store.js';
import { describeAnalyticsScenarios } from '../testing/analytics-scenarios.js';

describeAnalyticsScenarios('memory', async () => {
  const store = new MemoryStore();
  return { store, cleanup: () => store.close() };
});

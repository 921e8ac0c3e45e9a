import { describe, expectTypeOf, it } from 'vitest';
import { describeStoreContract } from '../../testing/index.js';
import type { AnalyticsServiceDeps } from '../../services/context.js';
import type { AnalyticsStore, Store } from '../store.port.js';
import { MemoryStore } from './memory-store.js';

describeStoreContract('memory', async () => {
  const store = new MemoryStore();
  return { store, cleanup: () => store.close() };
});

describe('MemoryStore', () => {
  it('is a Store of kind "memory"', () => {
    expectTypeOf(new MemoryStore()).toExtend<Store>();
    expectTypeOf<MemoryStore['kind']>().toEqualTypeOf<'memory'>();
  });

  it('has the analytics capability, and a Store without it is no AnalyticsStore', () => {
    expectTypeOf<MemoryStore>().toExtend<AnalyticsStore>();
    expectTypeOf<AnalyticsStore>().toExtend<Store>();
    expectTypeOf<Store>().not.toExtend<AnalyticsStore>();
    expectTypeOf<{ store: Store }>().not.toExtend<Pick<AnalyticsServiceDeps, 'store'>>();
  });
});

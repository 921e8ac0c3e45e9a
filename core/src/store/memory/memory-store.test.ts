import { describe, expectTypeOf, it } from 'vitest';
import { describeStoreContract } from '../../testing/index.js';
import type { Store } from '../store.port.js';
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
});

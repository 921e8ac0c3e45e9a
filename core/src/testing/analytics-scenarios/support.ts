import { afterEach, beforeEach } from 'vitest';
import type { Deal } from '../../deals/deal.schema.js';
import type { Money } from '../../shared/money.js';
import type { AnalyticsStore } from '../../store/store.port.js';
import type { StoreFactory } from '../contract/support.js';
import { createWorld, type World } from '../world.js';

export const DAY = 86_400_000;
export const usd = (minor: number): Money => ({ minor, currency: 'USD' });
export const eur = (minor: number): Money => ({ minor, currency: 'EUR' });

/** A fresh world (see createWorld) on a fresh store for every test, its clock starting at `start`. */
export function useWorld(makeStore: StoreFactory<AnalyticsStore>, start: string): () => World {
  let current: { world: World; cleanup(): Promise<void> } | null = null;
  beforeEach(async () => {
    const { store, cleanup } = await makeStore();
    current = { world: await createWorld({ store, start }), cleanup };
  });
  afterEach(async () => {
    await current?.cleanup();
    current = null;
  });
  return () => {
    if (!current) throw new Error('The world is only there inside a test.');
    return current.world;
  };
}

/** Moves the world's clock to an instant. */
export const at = (world: World, instant: string): void => world.clock.set(instant);

/** An account owned by `owner`, created now. */
export async function anAccountOf(world: World, owner: World['users'][keyof World['users']], name: string): Promise<string> {
  return (await world.services.accounts.create(world.as(owner), { name })).id;
}

/** Creates a deal now as `owner`, in a stage, with optional fields. */
export async function aDealOf(
  world: World,
  owner: World['users'][keyof World['users']],
  accountId: string,
  fields: { title: string; amount: Money; stageId?: string; expectedCloseDate?: string; commit?: boolean; campaignId?: string },
): Promise<Deal> {
  return world.services.deals.create(world.as(owner), { accountId, ...fields });
}

import { createServices, ensureDefaultPipeline, ManualClock, TimeOrderedIds, type Services } from '@rapport/core';
import { openStore } from '@rapport/sql';

/** Fills a SQLite data folder through the services, as a hub would have, for a CLI test to read; closes it after. */
export async function seedDataFolder(dataDir: string, start: string, work: (services: Services, clock: ManualClock) => Promise<void>): Promise<void> {
  const store = await openStore({ dataDir });
  const clock = new ManualClock(start);
  const deps = { store, clock, ids: new TimeOrderedIds(() => clock.now().getTime()) };
  await ensureDefaultPipeline(deps);
  try {
    await work(createServices(deps), clock);
  } finally {
    await store.close();
  }
}

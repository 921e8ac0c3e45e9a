import { createServices, ensureDefaultPipeline, systemClock, TimeOrderedIds, type Services, type AnalyticsStore } from '@rapport/core';
import { loadDotEnv, readConfig, type HubConfig } from '../config.js';
import { openDatabase } from '../database.js';
import type { CliIo } from './args.js';

export interface AdminContext {
  config: HubConfig;
  store: AnalyticsStore;
  services: Services;
}

/** Opens the hub's database for an admin command, runs `work`, and closes it again. */
export async function withDatabase<T>(io: CliIo, work: (context: AdminContext) => Promise<T>): Promise<T> {
  loadDotEnv();
  const config = readConfig(io.env);
  const store = await openDatabase(config);
  try {
    const deps = { store, clock: systemClock, ids: new TimeOrderedIds() };
    await ensureDefaultPipeline(deps);
    return await work({ config, store, services: createServices(deps) });
  } finally {
    await store.close();
  }
}

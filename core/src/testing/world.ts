import { ManualClock } from '../shared/clock.js';
import { SequentialIds } from '../shared/ids.js';
import type { Surface } from '../shared/schema.js';
import { ensureDefaultPipeline } from '../services/bootstrap.js';
import type { Actor, AnalyticsServiceDeps } from '../services/context.js';
import { createServices, type Services } from '../services/create-services.js';
import type { AnalyticsStore } from '../store/store.port.js';
import { MemoryStore } from '../store/memory/memory-store.js';
import type { Pipeline } from '../deals/pipeline.schema.js';
import type { User } from '../users/user.schema.js';

/**
 * A small company for service tests: two teams, an admin, a manager per team and two reps,
 * over any Store (the memory store by default) with a manual clock.
 *
 *   East: manager Mia (America/New_York), rep Ann (Europe/Berlin), rep Raj (Asia/Shanghai)
 *   West: manager Will (America/Los_Angeles), rep Bo (America/Los_Angeles)
 */
export interface World {
  store: AnalyticsStore;
  clock: ManualClock;
  deps: AnalyticsServiceDeps;
  services: Services;
  pipeline: Pipeline;
  users: { admin: User; mia: User; ann: User; raj: User; will: User; bo: User };
  as(user: User, surface?: Surface): Actor;
}

export const WORLD_START = '2026-03-02T08:00:00.000Z';

export async function createWorld(options: { store?: AnalyticsStore; start?: string } = {}): Promise<World> {
  const store = options.store ?? new MemoryStore();
  const clock = new ManualClock(options.start ?? WORLD_START);
  const deps: AnalyticsServiceDeps = { store, clock, ids: new SequentialIds() };
  const pipeline = await ensureDefaultPipeline(deps);
  const services = createServices(deps);
  const east = await services.users.createTeam(null, 'East');
  const west = await services.users.createTeam(null, 'West');
  const add = (name: string, role: User['role'], teamId: string | null, timeZone: string) =>
    services.users.create(null, { name, email: `${name.toLowerCase()}@rapport.test`, role, teamId, timeZone });
  const users = {
    admin: await add('Ada', 'admin', null, 'UTC'),
    mia: await add('Mia', 'manager', east.id, 'America/New_York'),
    ann: await add('Ann', 'rep', east.id, 'Europe/Berlin'),
    raj: await add('Raj', 'rep', east.id, 'Asia/Shanghai'),
    will: await add('Will', 'manager', west.id, 'America/Los_Angeles'),
    bo: await add('Bo', 'rep', west.id, 'America/Los_Angeles'),
  };
  return { store, clock, deps, services, pipeline, users, as: (user, surface = 'api') => ({ user, surface }) };
}

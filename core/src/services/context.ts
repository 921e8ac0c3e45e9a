import type { Clock } from '../shared/clock.js';
import type { Ids } from '../shared/ids.js';
import type { Surface } from '../shared/schema.js';
import type { Store } from '../store/store.port.js';
import type { User } from '../users/user.schema.js';

/** What every service is built with. */
export interface ServiceDeps {
  store: Store;
  clock: Clock;
  ids: Ids;
}

/** Who is acting, and through which surface. Every service call takes one. */
export interface Actor {
  user: User;
  surface: Surface;
}

/** For writes guarded by optimistic concurrency (HTTP If-Match, the extension's cached version). */
export interface WriteOptions {
  /** Refuse the write unless the record is still at this version. */
  expectedVersion?: number | undefined;
}

/** The system acting on its own (scheduler, demo seeding): allowed everything, recorded as no user. */
export const SYSTEM_USER_ID = null;

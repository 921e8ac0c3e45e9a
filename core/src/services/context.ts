import type { Clock } from '../shared/clock.js';
import type { Ids } from '../shared/ids.js';
import type { Surface } from '../shared/schema.js';
import type { AnalyticsStore, Store } from '../store/store.port.js';
import type { User } from '../users/user.schema.js';

/** What every service is built with. */
export interface ServiceDeps<S extends Store = Store> {
  store: S;
  clock: Clock;
  ids: Ids;
}

/** What a service that needs analytics (reports, targets, campaigns) is built with. */
export type AnalyticsServiceDeps = ServiceDeps<AnalyticsStore>;

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

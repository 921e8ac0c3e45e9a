import type { AnalyticsStore, Clock, Notifier, Services } from '@rapport/core';
import type { HubConfig } from '../config.js';
import type { Mount } from '../http/app.js';
import type { BearerAuthenticator } from '../http/auth.middleware.js';
import type { Logger } from '../logger.js';

/** What every surface is built from: the process's one set of services, its settings, clock and log. */
export interface SurfaceContext {
  config: HubConfig;
  /** The process's services, with the hub's token cache: a token made or revoked anywhere is seen everywhere. */
  services: Services;
  store: AnalyticsStore;
  clock: Clock;
  logger: Logger;
}

/**
 * A way into Rapport mounted by a hub process (Slack, the Teams tab, later a Teams bot or a
 * mail listener). Everything is optional: a surface gives what it has.
 */
export interface HubSurface {
  /** Lower-case name, for log lines and `surfaceOf`. */
  readonly name: string;
  /** Routes served beside the API. */
  mount?: Mount;
  /** Bearers the API accepts besides personal access tokens (Teams single sign-on). */
  bearers?: readonly BearerAuthenticator[];
  /** Reminder channels it delivers to. */
  notifiers?: readonly Notifier[];
  /**
   * Called once the process serves requests. `background` is true in the one process of a hub
   * that runs timed work (the scheduler's process): start timers there only.
   */
  start?(options: { background: boolean }): Promise<void>;
  /** Called before the process closes its database: finish the work still running. */
  stop?(): Promise<void>;
}

/** A surface whose settings are not set: the runtime logs `reason` (what to set) and mounts nothing. */
export interface SurfaceOff {
  readonly name: string;
  readonly off: string;
}

/** Builds a surface from the process's services, or says it is off. Plain function, called once per process. */
export type SurfaceFactory = (context: SurfaceContext) => HubSurface | SurfaceOff;

export const isSurfaceOff = (surface: HubSurface | SurfaceOff): surface is SurfaceOff => 'off' in surface;

/** A mounted surface by name, with its own type (`surfaceOf<SlackHubSurface>(hub, 'slack')`). */
export function surfaceOf<T extends HubSurface>(owner: { surfaces: readonly HubSurface[] }, name: T['name']): T | null {
  return (owner.surfaces.find((s) => s.name === name) as T | undefined) ?? null;
}

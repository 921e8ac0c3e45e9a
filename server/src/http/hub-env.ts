import type { Actor, Clock, Services, AnalyticsStore } from '@rapport/core';
import type { Logger } from '../logger.js';
import type { BearerAuthenticator } from './auth.middleware.js';
import type { FailedAuthLimit } from './failed-auth-limiter.js';

/** What the HTTP layer is given by the hub's composition root. */
export interface HttpDeps {
  services: Services;
  store: AnalyticsStore;
  logger: Logger;
  version: string;
  publicUrl: string;
  /** Where "now" comes from (the system clock unless a test sets one). */
  clock?: Clock;
  /** Bearers besides personal access tokens (Teams single sign-on), tried in order. */
  bearers?: readonly BearerAuthenticator[];
  /** Failed sign-ins allowed per client address; none are limited when unset. */
  authFailureLimit?: FailedAuthLimit;
  /** This process's number among the hub's workers, when there are several. */
  worker?: number;
  /** The domain of logging addresses and whether the hub takes mail; the public URL's host, not taking mail, when unset. */
  mail?: { domain: string; accepting: boolean };
  /** Where uploaded import files are kept until their job is done (default: a folder in the system's temp folder). */
  importDir?: string;
}

/** Per-request values set by middleware. */
export interface HubVariables {
  actor: Actor;
  /** Set by a handler whose answer differs from the route's usual status (a repeat log is 200, not 201). */
  status: 200 | 201;
}

export type HubEnv = { Variables: HubVariables };

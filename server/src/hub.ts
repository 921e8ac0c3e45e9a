import { join } from 'node:path';
import type { ServerType } from '@hono/node-server';
import type { AnalyticsStore, Services } from '@rapport/core';
import type { Hono } from 'hono';
import type { HubConfig } from './config.js';
import { createApp, type Mount } from './http/app.js';
import type { HubEnv } from './http/hub-env.js';
import type { Logger } from './logger.js';
import type { HubSurface, SurfaceFactory } from './runtime/hub-surface.js';
import { closeServer, listenOn } from './runtime/listen.js';
import { openRuntime, type RuntimeOptions } from './runtime/runtime.js';
import type { SchedulerLoop } from './scheduler/scheduler-loop.js';
import { mailSurface } from './mail/mail.surface.js';
import { slackSurface } from './slack/slack.surface.js';
import { teamsSurface } from './teams/teams.surface.js';
import { VERSION } from './version.js';

/** The surfaces a hub mounts unless told otherwise; each one that is not configured logs why and stays off. */
export const HUB_SURFACES: readonly SurfaceFactory[] = [teamsSurface, slackSurface, mailSurface];

export interface HubOptions extends RuntimeOptions {
  /** Routes served beside the API besides the surfaces' (a benchmark's no-op route). */
  mounts?: Mount[];
  /** This process's number among the hub's workers (RAPPORT_WORKERS above 1), shown by /health. */
  worker?: number;
}

/** One running Rapport hub: the runtime (database, services, scheduler, surfaces) served over HTTP. */
export interface Hub {
  config: HubConfig;
  logger: Logger;
  store: AnalyticsStore;
  services: Services;
  surfaces: readonly HubSurface[];
  app: Hono<HubEnv>;
  scheduler: SchedulerLoop;
  /** Starts listening, then the scheduler (when enabled) and the surfaces; resolves with the address. */
  listen(): Promise<{ url: string; port: number }>;
  /** Stops the surfaces and the scheduler, stops taking requests, closes the database. */
  close(): Promise<void>;
}

/** The hub: the process's runtime with the surfaces in `options.surfaces` (default `HUB_SURFACES`) mounted beside the REST API. */
export async function createHub(options: HubOptions): Promise<Hub> {
  const runtime = await openRuntime({ ...options, surfaces: options.surfaces ?? HUB_SURFACES });
  const { config, services, store, logger, clock, surfaces } = runtime;
  const mounts = [...surfaces.flatMap((s) => (s.mount ? [s.mount] : [])), ...(options.mounts ?? [])];
  const bearers = surfaces.flatMap((s) => s.bearers ?? []);
  const app = createApp({ services, store, logger, version: VERSION, publicUrl: config.publicUrl, clock, bearers, authFailureLimit: config.authFailures, mail: { domain: config.mail.domain, accepting: config.mail.port !== null }, importDir: join(config.dataDir, 'imports'), ...(options.worker ? { worker: options.worker } : {}) }, mounts);

  let server: ServerType | null = null;
  return {
    config,
    logger,
    store,
    services,
    surfaces,
    app,
    scheduler: runtime.scheduler,
    listen: async () => {
      const address = await listenOn(app.fetch, config, (started) => (server = started));
      await runtime.start();
      return address;
    },
    close: async () => {
      await runtime.stop();
      await closeServer(server);
      await runtime.close();
    },
  };
}

import { serve, type ServerType } from '@hono/node-server';
import {
  createServices,
  ensureDefaultPipeline,
  ReminderScheduler,
  systemClock,
  TimeOrderedIds,
  type Clock,
  type Notifier,
  type Services,
  type AnalyticsStore,
} from '@rapport/core';
import type { Hono } from 'hono';
import type { HubConfig } from './config.js';
import { openDatabase } from './database.js';
import { CachingTokenService, TokenAwareUserService } from './http/caching-token-service.js';
import { createApp, type Mount } from './http/app.js';
import type { HubEnv } from './http/hub-env.js';
import { createLogger, type Logger } from './logger.js';
import { LogNotifier } from './scheduler/log-notifier.js';
import { ExtensionNotifier } from './scheduler/extension-notifier.js';
import { SchedulerLoop } from './scheduler/scheduler-loop.js';
import { createHubTeams } from './teams/teams-hub.js';
import { VERSION } from './version.js';

const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;

export interface HubOptions {
  config: HubConfig;
  logger?: Logger;
  clock?: Clock;
  /** An already-open store (tests); by default the configured database is opened. */
  store?: AnalyticsStore;
  /** Delivery channels besides the log. */
  notifiers?: Notifier[];
  /** Things served beside the API (Slack events); the Teams tab's files are always served. */
  mounts?: Mount[];
}

/** One running Rapport hub: the database, the services, the HTTP app and the reminder scheduler. */
export interface Hub {
  config: HubConfig;
  logger: Logger;
  store: AnalyticsStore;
  services: Services;
  app: Hono<HubEnv>;
  scheduler: SchedulerLoop;
  /** Starts listening (and the scheduler, when enabled); resolves with the address. */
  listen(): Promise<{ url: string; port: number }>;
  /** Stops taking requests, finishes the scheduler pass, closes the database. */
  close(): Promise<void>;
}

/** The hub's composition root: plain constructor calls, in order. */
export async function createHub(options: HubOptions): Promise<Hub> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  const store = options.store ?? (await openDatabase(config));
  const deps = { store, clock, ids: new TimeOrderedIds(() => clock.now().getTime()) };
  await ensureDefaultPipeline(deps);
  const tokens = new CachingTokenService(deps);
  const services = { ...createServices(deps), tokens, users: new TokenAwareUserService(deps, tokens) };

  const teams = createHubTeams(config, services, clock);
  const app = createApp({ services, store, logger, version: VERSION, publicUrl: config.publicUrl, clock, bearers: teams.bearers }, [teams.mount, ...(options.mounts ?? [])]);

  const notifiers = [new LogNotifier(logger), new ExtensionNotifier(), ...(options.notifiers ?? [])];
  const scheduler = new ReminderScheduler(deps, { owner: config.hubId, notifiers });
  const housekeeping = async () => {
    await store.transaction((uow) => uow.idempotency.deleteBefore(new Date(clock.now().getTime() - IDEMPOTENCY_TTL_MS).toISOString()));
  };
  const loop = new SchedulerLoop(scheduler, config.scheduler.intervalMs, logger, housekeeping);

  let server: ServerType | null = null;
  return {
    config,
    logger,
    store,
    services,
    app,
    scheduler: loop,
    listen: () =>
      new Promise((resolve, reject) => {
        const started = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
          if (config.scheduler.enabled) loop.start();
          const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
          resolve({ url: `http://${host.includes(':') ? `[${host}]` : host}:${info.port}`, port: info.port });
        });
        started.once('error', reject);
        server = started;
      }),
    close: async () => {
      await loop.stop();
      if (server) {
        const closing = server;
        await new Promise<void>((resolve) => {
          closing.close(() => resolve());
          if ('closeAllConnections' in closing) closing.closeAllConnections();
        });
      }
      await store.close();
    },
  };
}

import { createServices, ensureDefaultPipeline, ReminderScheduler, systemClock, TimeOrderedIds, type Clock, type Notifier, type Services, type AnalyticsStore } from '@rapport/core';
import type { HubConfig } from '../config.js';
import { openDatabase } from '../database.js';
import { CachingTokenService } from '../http/caching-token-service.js';
import { createLogger, type Logger } from '../logger.js';
import { ExtensionNotifier } from '../scheduler/extension-notifier.js';
import { LogNotifier } from '../scheduler/log-notifier.js';
import { SchedulerLoop } from '../scheduler/scheduler-loop.js';
import { isSurfaceOff, type HubSurface, type SurfaceFactory } from './hub-surface.js';

const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;

export interface RuntimeOptions {
  config: HubConfig;
  logger?: Logger;
  clock?: Clock;
  /** An already-open store (tests); by default the configured database is opened. */
  store?: AnalyticsStore;
  /** Delivery channels besides the log, the extension's mailbox and the surfaces' own. */
  notifiers?: readonly Notifier[];
  /** The surfaces this process mounts, built in order from its one set of services. */
  surfaces?: readonly SurfaceFactory[];
  /**
   * Whether this process runs the hub's timed work (when RAPPORT_SCHEDULER is on): the scheduler
   * loop, housekeeping and the surfaces' timers. False in the second and later workers of a hub.
   */
  background?: boolean;
}

/**
 * What every Rapport process stands on: its settings, log, clock, one open database, one set of
 * services (with the token cache), the surfaces built from them, and the reminder scheduler.
 */
export interface Runtime {
  config: HubConfig;
  logger: Logger;
  clock: Clock;
  store: AnalyticsStore;
  services: Services;
  surfaces: readonly HubSurface[];
  scheduler: SchedulerLoop;
  /** Starts the scheduler (in the background process, when enabled) and the surfaces. */
  start(): Promise<void>;
  /** Stops the surfaces and finishes the scheduler pass; the database stays open. */
  stop(): Promise<void>;
  /** Stops (if not yet stopped) and closes the database. */
  close(): Promise<void>;
}

/** The one composition of a process: plain constructor calls, in order. */
export async function openRuntime(options: RuntimeOptions): Promise<Runtime> {
  const { config } = options;
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  const store = options.store ?? (await openDatabase(config));
  const deps = { store, clock, ids: new TimeOrderedIds(() => clock.now().getTime()) };
  await ensureDefaultPipeline(deps);
  const tokens = new CachingTokenService(deps);
  const services: Services = { ...createServices(deps), tokens };

  const background = options.background ?? true;
  const surfaces: HubSurface[] = [];
  for (const factory of options.surfaces ?? []) {
    const surface = factory({ config, services, store, clock, logger });
    // Said once per hub: by its only process, or by the worker that runs timed work.
    if (isSurfaceOff(surface)) (background ? logger.info : logger.debug)(`${surface.name} is off: ${surface.off}`);
    else surfaces.push(surface);
  }

  const notifiers = [new LogNotifier(logger), new ExtensionNotifier(), ...(options.notifiers ?? []), ...surfaces.flatMap((s) => s.notifiers ?? [])];
  const scheduler = new ReminderScheduler(deps, { owner: config.hubId, notifiers });
  const housekeeping = async () => {
    await store.transaction((uow) => uow.idempotency.deleteBefore(new Date(clock.now().getTime() - IDEMPOTENCY_TTL_MS).toISOString()));
    // Custom fields deleted more than 30 days ago go for good, with their values.
    await services.customFields.purgeExpired();
  };
  const loop = new SchedulerLoop(scheduler, config.scheduler.intervalMs, logger, housekeeping);
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      for (const surface of [...surfaces].reverse()) await surface.stop?.();
      await loop.stop();
    })());

  return {
    config,
    logger,
    clock,
    store,
    services,
    surfaces,
    scheduler: loop,
    start: async () => {
      // Timed work runs in one process of a hub, and not at all on a hub with RAPPORT_SCHEDULER=0.
      const timed = background && config.scheduler.enabled;
      if (timed) loop.start();
      for (const surface of surfaces) await surface.start?.({ background: timed });
    },
    stop,
    close: async () => {
      await stop();
      await store.close();
    },
  };
}

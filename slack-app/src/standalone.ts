import { hostname } from 'node:os';
import { serve, type ServerType } from '@hono/node-server';
import { createServices, ensureDefaultPipeline, ReminderScheduler, systemClock, TimeOrderedIds, type AnalyticsStore } from '@rapport/core';
import { openStore } from '@rapport/sql';
import type { SlackLogger } from './logger.js';
import { createSlackApp, type SlackSurface } from './slack-app.js';

/** Settings of the Slack app running on its own, from the environment (the hub's names where they are shared). */
export interface StandaloneConfig {
  databaseUrl: string | null;
  dataDir: string;
  host: string;
  port: number;
  publicUrl: string | null;
  signingSecret: string;
  botToken: string;
  /** SLACK_APP_TOKEN (xapp-…): Socket Mode, for development without a public URL. */
  appToken: string | null;
  apiUrl: string | null;
  /** Deliver reminder DMs from this process (RAPPORT_SCHEDULER, default on). */
  scheduler: boolean;
  schedulerIntervalMs: number;
}

export function readStandaloneConfig(env: Record<string, string | undefined>): StandaloneConfig {
  const need = (name: string): string => {
    const value = env[name]?.trim();
    if (!value) throw new Error(`${name} is not set. The Slack app needs SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN (see slack-app/README.md).`);
    return value;
  };
  const port = Number(env.PORT ?? 4401);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT: "${env.PORT}" is not a port number.`);
  return {
    databaseUrl: env.DATABASE_URL?.trim() || null,
    dataDir: env.RAPPORT_DATA_DIR?.trim() || './data',
    host: env.HOST?.trim() || '127.0.0.1',
    port,
    publicUrl: env.RAPPORT_PUBLIC_URL?.trim().replace(/\/+$/, '') || null,
    signingSecret: need('SLACK_SIGNING_SECRET'),
    botToken: need('SLACK_BOT_TOKEN'),
    appToken: env.SLACK_APP_TOKEN?.trim() || null,
    apiUrl: env.SLACK_API_URL?.trim() || null,
    scheduler: !['0', 'false', 'off', 'no'].includes((env.RAPPORT_SCHEDULER ?? '1').trim().toLowerCase()),
    schedulerIntervalMs: Number(env.RAPPORT_SCHEDULER_INTERVAL_MS ?? 15_000),
  };
}

export interface RunningSlackApp {
  slack: SlackSurface;
  store: AnalyticsStore;
  /** Where Slack reaches it over HTTP; null in Socket Mode. */
  url: string | null;
  stop(): Promise<void>;
}

/**
 * The Slack app on its own, against the hub's database (PostgreSQL when several processes
 * share it): an HTTP server for /slack/events, or a Socket Mode connection, plus the reminder
 * scheduler delivering Slack DMs.
 */
export async function runStandalone(config: StandaloneConfig, logger: SlackLogger): Promise<RunningSlackApp> {
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const clock = systemClock;
  const deps = { store, clock, ids: new TimeOrderedIds() };
  await ensureDefaultPipeline(deps);
  const services = createServices(deps);
  const slack = createSlackApp({ services, store, clock, signingSecret: config.signingSecret, botToken: config.botToken, apiUrl: config.apiUrl, publicUrl: config.publicUrl, appToken: config.appToken, logger });
  const scheduler = new ReminderScheduler(deps, { owner: `${hostname()}-${process.pid}-slack`, notifiers: [slack.notifier] });
  // Each pass also drops claims older than a day (Slack retries and double clicks come within minutes).
  const pass = async () => {
    await scheduler.tick();
    await store.transaction((uow) => uow.idempotency.deleteBefore(new Date(clock.now().getTime() - 86_400_000).toISOString()));
  };
  const timer = config.scheduler
    ? setInterval(() => void pass().catch((error: unknown) => logger.error('reminder pass failed', { error: String(error) })), config.schedulerIntervalMs)
    : null;
  timer?.unref();

  let server: ServerType | null = null;
  let url: string | null = null;
  const events = slack.fetch;
  if (events) {
    url = await new Promise<string>((resolve, reject) => {
      const started = serve(
        {
          hostname: config.host,
          port: config.port,
          fetch: (request: Request) => {
            const path = new URL(request.url).pathname;
            if (path === '/slack/events') return events(request);
            if (path.startsWith('/slack/open/')) return slack.links.page(path.slice('/slack/open/'.length));
            if (path === '/health') return Response.json({ status: 'ok', database: store.kind });
            return new Response('Not found', { status: 404 });
          },
        },
        (info) => resolve(`http://${config.host}:${info.port}`),
      );
      started.once('error', reject);
      server = started;
    });
  }
  await slack.start();
  return {
    slack,
    store,
    url,
    stop: async () => {
      if (timer) clearInterval(timer);
      await slack.stop();
      const running = server as ServerType | null;
      if (running) await new Promise<void>((resolve) => running.close(() => resolve()));
      await store.close();
    },
  };
}

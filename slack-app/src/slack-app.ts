import { systemClock, type Clock, type Services, type AnalyticsStore } from '@rapport/core';
import { App, SocketModeReceiver, webApi, type Receiver } from '@slack/bolt';
import { ChannelAlerts } from './alerts/channel-alerts.js';
import { linkWorkspaceUsers } from './identity/link-workspace.js';
import { registerListeners } from './listeners/index.js';
import { WorkQueue } from './listeners/work-queue.js';
import type { ListenerDeps } from './listeners/deps.js';
import { boltLogger, silentSlackLogger, type SlackLogger } from './logger.js';
import { SlackNotifier } from './notifier/slack-notifier.js';
import { claimOnce } from './once.js';
import { FetchReceiver } from './receiver/fetch-receiver.js';
import { openLinks, type OpenLinks } from './open/open-links.js';

export interface SlackAppOptions {
  services: Services;
  store: AnalyticsStore;
  clock?: Clock;
  signingSecret: string;
  /** The bot token (xoxb-…). */
  botToken: string;
  /** Slack's Web API base URL; a local stand-in in tests. Default https://slack.com/api/ */
  apiUrl?: string | null;
  /** Where people reach the hub, for "Open in browser"; null leaves the button out. */
  publicUrl?: string | null;
  logger?: SlackLogger;
  /** Socket Mode, for development without a public URL: an app-level token (xapp-…). */
  appToken?: string | null;
  ackTimeoutMs?: number;
  alertIntervalMs?: number;
  /** How many requests are worked on at once after their ack (2 on SQLite, 8 on PostgreSQL); the rest wait their turn. */
  concurrency?: number;
}

/** The Slack app, ready to mount: its HTTP endpoint, the reminder DM channel and the channel alerts. */
export interface SlackSurface {
  app: App;
  /** POST /slack/events as a fetch handler; null in Socket Mode. */
  fetch: ((request: Request) => Promise<Response>) | null;
  /** GET /slack/open/<link>: a customer card in the browser, for "Open in browser". */
  links: OpenLinks;
  notifier: SlackNotifier;
  alerts: ChannelAlerts;
  /** Resolves once no listener is still working after its ack. */
  idle(): Promise<void>;
  /**
   * Connects in Socket Mode; with `background` (the default) also starts the alert timer and
   * links workspace users. A hub running several processes passes false in all but one.
   */
  start(options?: { background?: boolean }): Promise<void>;
  stop(): Promise<void>;
}

/** Web API calls wait out Slack's Retry-After and retry a few times; a reminder DM leaves that to the scheduler. */
function webClient(token: string, options: SlackAppOptions, logger: SlackLogger, rejectRateLimitedCalls: boolean): webApi.WebClient {
  return new webApi.WebClient(token, {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    logger: boltLogger(logger),
    retryConfig: { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 10_000 },
    rejectRateLimitedCalls,
    timeout: 10_000,
  });
}

/**
 * SQLite answers one query at a time, so more than a couple of jobs at once only makes every
 * acknowledgement wait behind them; PostgreSQL works on several (its pool has ten connections).
 */
const defaultConcurrency = (store: AnalyticsStore): number => (store.kind === 'postgres' ? 8 : 2);

/** The Slack app's composition root: plain constructor calls, in order. */
export function createSlackApp(options: SlackAppOptions): SlackSurface {
  const clock = options.clock ?? systemClock;
  const logger = options.logger ?? silentSlackLogger;
  const { services, store, botToken } = options;
  const once = (space: string, key: string) => claimOnce(store, clock, space, key);
  const links = openLinks({ services, clock, secret: options.signingSecret, publicUrl: options.publicUrl ?? null });

  const receiver: Receiver & { idle?: () => Promise<void> } = options.appToken
    ? new SocketModeReceiver({ appToken: options.appToken, logger: boltLogger(logger), ...(options.apiUrl ? { clientOptions: { slackApiUrl: options.apiUrl } } : {}) })
    : new FetchReceiver({ signingSecret: options.signingSecret, logger, ...(options.ackTimeoutMs ? { ackTimeoutMs: options.ackTimeoutMs } : {}) });

  const client = webClient(botToken, options, logger, false);
  const app = new App({
    receiver,
    // Rapport keeps no conversation state in Slack; Bolt's per-message store would only cost time.
    convoStore: false,
    logger: boltLogger(logger),
    clientOptions: { ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}), retryConfig: { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 10_000 }, timeout: 10_000 },
    // One workspace, one bot token: nothing to look up per request, so Slack being unreachable
    // never stops a request. The app listens to no message events, so it never hears itself.
    ignoreSelf: false,
    authorize: async () => ({ botToken }),
  });

  const deps: ListenerDeps = { services, store, clock, logger, openUrl: (id, userId) => links.urlFor(id, userId), claimOnce: once, queue: new WorkQueue(options.concurrency ?? defaultConcurrency(store)) };
  registerListeners(app, deps);
  app.error(async (error) => {
    logger.error('the Slack app failed', { error: error instanceof Error ? error.stack : String(error) });
  });

  const notifier = new SlackNotifier({
    client: webClient(botToken, options, logger, true),
    claim: (key) => once('dm', key),
    release: (key) => store.transaction((uow) => uow.idempotency.release('slack:dm', key)),
  });
  const alerts = new ChannelAlerts({ services, store, clock, client, logger, claimOnce: once, ...(options.alertIntervalMs ? { intervalMs: options.alertIntervalMs } : {}) });
  const fetchReceiver = receiver instanceof FetchReceiver ? receiver : null;

  return {
    app,
    fetch: fetchReceiver ? fetchReceiver.fetch : null,
    links,
    notifier,
    alerts,
    idle: async () => fetchReceiver?.idle(),
    start: async ({ background = true } = {}) => {
      if (!fetchReceiver) await app.start();
      if (!background) return;
      alerts.start();
      // In the background: reminder DMs then reach people before they first use the app.
      void linkWorkspaceUsers({ services, store, client, logger }).then(
        (linked) => linked > 0 && logger.info('linked Rapport users to their Slack accounts by email', { linked }),
        (error: unknown) => logger.warn('could not link Rapport users to Slack', { error: error instanceof Error ? error.message : String(error) }),
      );
    },
    stop: async () => {
      await alerts.stop();
      if (fetchReceiver) await fetchReceiver.stop();
      else await app.stop();
    },
  };
}

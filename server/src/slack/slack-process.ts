import type { ServerType } from '@hono/node-server';
import type { AnalyticsStore } from '@rapport/core';
import type { SlackSurface } from '@rapport/slack-app';
import { CrmError } from '@rapport/core';
import { Hono } from 'hono';
import { readConfig, type HubConfig } from '../config.js';
import { mountHealth } from '../http/app.js';
import type { HubEnv } from '../http/hub-env.js';
import type { Logger } from '../logger.js';
import { surfaceOf } from '../runtime/hub-surface.js';
import { closeServer, listenOn } from '../runtime/listen.js';
import { openRuntime } from '../runtime/runtime.js';
import { VERSION } from '../version.js';
import { slackSurface, type SlackHubSurface } from './slack.surface.js';

/** The port the Slack app listens on when it runs on its own and PORT is unset. */
export const SLACK_PROCESS_PORT = 4401;

const SLACK_SETTINGS_MISSING = 'SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN are not set. The Slack app needs both (see slack-app/README.md).';

/** The hub's settings for the Slack app on its own: port 4401 unless PORT is set, and the Slack settings required. */
export function readSlackProcessConfig(env: NodeJS.ProcessEnv): HubConfig {
  const config = readConfig(env, { port: SLACK_PROCESS_PORT });
  if (!config.slack) {
    throw new CrmError('invalid_input', SLACK_SETTINGS_MISSING, {
      issues: [{ path: 'SLACK_SIGNING_SECRET', message: 'Set it with SLACK_BOT_TOKEN.' }],
    });
  }
  return config;
}

export interface SlackProcess {
  slack: SlackSurface;
  store: AnalyticsStore;
  /** Where Slack reaches it over HTTP; null in Socket Mode. */
  url: string | null;
  stop(): Promise<void>;
}

/**
 * The Slack app on its own, against the hub's database (PostgreSQL when several processes share
 * it): the same runtime as the hub with only the Slack surface, serving /slack/events, the
 * "Open in browser" pages and /health over HTTP (or connected in Socket Mode), and delivering
 * reminders when RAPPORT_SCHEDULER is on.
 */
export async function startSlackProcess(config: HubConfig, logger?: Logger): Promise<SlackProcess> {
  const runtime = await openRuntime({ config, surfaces: [slackSurface], ...(logger ? { logger } : {}) });
  const surface = surfaceOf<SlackHubSurface>(runtime, 'slack');
  if (!surface) {
    await runtime.close();
    throw new CrmError('invalid_input', SLACK_SETTINGS_MISSING);
  }
  let server: ServerType | null = null;
  let url: string | null = null;
  if (surface.slack.fetch) {
    const app = new Hono<HubEnv>();
    mountHealth(app, { store: runtime.store, version: VERSION });
    surface.mount?.(app);
    try {
      url = (await listenOn(app.fetch, config, (started) => (server = started))).url;
    } catch (error) {
      await runtime.close();
      throw error;
    }
  }
  await runtime.start();
  return {
    slack: surface.slack,
    store: runtime.store,
    url,
    stop: async () => {
      await runtime.stop();
      await closeServer(server);
      await runtime.close();
    },
  };
}

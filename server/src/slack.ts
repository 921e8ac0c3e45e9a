import { createServices, systemClock, TimeOrderedIds, type Clock, type AnalyticsStore } from '@rapport/core';
import { createSlackApp, type SlackSurface } from '@rapport/slack-app';
import type { HubConfig } from './config.js';
import type { Mount } from './http/app.js';
import type { Logger } from './logger.js';

/** The Slack app for a hub, when SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN are set; null otherwise. */
export function createHubSlack(config: HubConfig, store: AnalyticsStore, logger: Logger, clock: Clock = systemClock): SlackSurface | null {
  if (!config.slack) return null;
  const services = createServices({ store, clock, ids: new TimeOrderedIds(() => clock.now().getTime()) });
  return createSlackApp({
    services,
    store,
    clock,
    signingSecret: config.slack.signingSecret,
    botToken: config.slack.botToken,
    apiUrl: config.slack.apiUrl,
    publicUrl: config.publicUrl,
    logger,
  });
}

/** Serves the Slack app beside the API: Slack's requests at /slack/events, "Open in browser" pages at /slack/open/…. */
export function slackMount(slack: SlackSurface): Mount {
  return (app) => {
    const events = slack.fetch;
    if (events) app.post('/slack/events', (c) => events(c.req.raw));
    app.get('/slack/open/:link', (c) => slack.links.page(c.req.param('link')));
  };
}

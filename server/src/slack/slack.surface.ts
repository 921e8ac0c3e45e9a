import { createSlackApp, type SlackSurface } from '@rapport/slack-app';
import type { HubSurface, SurfaceFactory } from '../runtime/hub-surface.js';

/** The Slack app as mounted in a hub process. */
export interface SlackHubSurface extends HubSurface {
  readonly name: 'slack';
  slack: SlackSurface;
}

/**
 * The Slack app, on the process's services, when SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN are
 * set: Slack's requests at POST /slack/events, "Open in browser" pages at GET /slack/open/…,
 * reminder DMs, and (in the process running timed work) the deal alerts.
 */
export const slackSurface: SurfaceFactory = ({ config, services, store, clock, logger }) => {
  if (!config.slack) return { name: 'slack', off: 'set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN to turn it on' };
  const slack = createSlackApp({
    services,
    store,
    clock,
    signingSecret: config.slack.signingSecret,
    botToken: config.slack.botToken,
    apiUrl: config.slack.apiUrl,
    appToken: config.slack.appToken,
    publicUrl: config.publicUrl,
    logger,
  });
  const surface: SlackHubSurface = {
    name: 'slack',
    slack,
    notifiers: [slack.notifier],
    mount: (app) => {
      const events = slack.fetch;
      if (events) app.post('/slack/events', (c) => events(c.req.raw));
      app.get('/slack/open/:link', (c) => slack.links.page(c.req.param('link')));
    },
    start: (options) => slack.start(options),
    stop: () => slack.stop(),
  };
  return surface;
};

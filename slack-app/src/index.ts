export { createSlackApp, type SlackAppOptions, type SlackSurface } from './slack-app.js';
export { FetchReceiver, type FetchReceiverOptions } from './receiver/fetch-receiver.js';
export { SlackNotifier } from './notifier/slack-notifier.js';
export { ChannelAlerts } from './alerts/channel-alerts.js';
export type { SlackLogger } from './logger.js';
export { escapeText } from './views/mrkdwn.js';
export { renderManifest, BOT_SCOPES } from './manifest.js';
export { linkWorkspaceUsers } from './identity/link-workspace.js';

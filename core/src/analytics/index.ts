/** Pipeline analytics: targets, campaigns, settings, report queries and the services that answer them. */
export * from './analytics.port.js';
export * from './stages/stage-times.js';
export * from './stages/stage-stats.js';
export * from './customers/rfm.js';
export * from './customers/churn.js';
export * from './settings/analytics-settings.schema.js';
export * from './targets/target.schema.js';
export * from './campaigns/campaign.schema.js';
export * from './hub-only.js';

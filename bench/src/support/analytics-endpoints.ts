import type { Actor, Services } from '@rapport/core';

/** The instant the generated history ends: reports are read as of then. */
export const REPORT_DAY = '2026-06-01';
const NOW = `${REPORT_DAY}T00:00:00.000Z`;
const DAYS_90 = '2026-03-03T00:00:00.000Z';
const DAYS_180 = '2025-12-03T00:00:00.000Z';
const YEAR = '2026-01-01T00:00:00.000Z';
const WEEK = ['2026-05-25T00:00:00.000Z', '2026-06-01T00:00:00.000Z'] as const;

/** A read of the rows an endpoint's query covers, with no GROUP BY: what computing it in JavaScript would start from. */
export interface Baseline {
  text: string;
  params: unknown[];
}

export interface AnalyticsEndpoint {
  name: string;
  run(services: Services, admin: Actor, ids: { pipelineId: string; campaignId: string }): Promise<unknown>;
  baseline(ids: { pipelineId: string; campaignId: string }): Baseline[];
}

const openDeals = (pipelineId: string): Baseline => ({
  text: "SELECT owner_id, stage_id, currency, amount_minor, probability FROM deals WHERE pipeline_id = ? AND status = 'open'",
  params: [pipelineId],
});
const stageSamples = (pipelineId: string, from: string): Baseline => ({
  text: 'SELECT t.stage_id, t.duration_ms, d.stage_id, d.status FROM deal_stage_times t JOIN deals d ON d.id = t.deal_id WHERE t.last_left_at >= ? AND t.last_left_at < ? AND d.pipeline_id = ?',
  params: [from, NOW, pipelineId],
});
const wonBefore: Baseline = {
  text: "SELECT d.account_id, d.currency, d.amount_minor, d.closed_at FROM deals d JOIN accounts a ON a.id = d.account_id WHERE d.status = 'won' AND d.closed_at < ?",
  params: [NOW],
};

/**
 * Every analytics endpoint as the admin reads it on the generated data (scope: everyone, UTC),
 * on the day the generated history ends.
 */
export const ANALYTICS_ENDPOINTS: AnalyticsEndpoint[] = [
  {
    name: 'GET /pipeline',
    run: (s, a) => s.analytics.pipeline.board(a, {}),
    baseline: ({ pipelineId }) => [openDeals(pipelineId), stageSamples(pipelineId, DAYS_180)],
  },
  {
    name: 'GET /forecast (quarter)',
    run: (s, a) => s.analytics.forecast.forecast(a, { period: 'quarter', date: '2026-05-15' }),
    baseline: () => [
      { text: "SELECT owner_id, currency, amount_minor FROM deals WHERE status = 'won' AND closed_at >= ? AND closed_at < ?", params: [YEAR, NOW] },
      { text: "SELECT owner_id, currency, probability, forecast_commit, amount_minor FROM deals WHERE status = 'open' AND expected_close_date >= ? AND expected_close_date <= ?", params: ['2026-04-01', '2026-06-30'] },
    ],
  },
  {
    name: 'GET /stage-times',
    run: (s, a) => s.analytics.stages.stageTimes(a, {}),
    baseline: ({ pipelineId }) => [stageSamples(pipelineId, DAYS_90)],
  },
  {
    name: 'GET /stale-deals',
    run: (s, a) => s.analytics.stages.staleDeals(a, {}),
    baseline: ({ pipelineId }) => [
      stageSamples(pipelineId, DAYS_180),
      {
        text: "SELECT d.id, d.stage_id, d.stage_entered_at, t.duration_ms FROM deals d LEFT JOIN deal_stage_times t ON t.deal_id = d.id AND t.stage_id = d.stage_id WHERE d.pipeline_id = ? AND d.status = 'open'",
        params: [pipelineId],
      },
    ],
  },
  {
    name: 'GET /funnel',
    run: (s, a) => s.analytics.funnel.funnel(a, {}),
    baseline: ({ pipelineId }) => [
      {
        text: "SELECT d.id, d.status, d.created_at, d.closed_at, sc.stage_id FROM deals d LEFT JOIN stage_changes sc ON sc.deal_id = d.id WHERE d.pipeline_id = ? AND d.status IN ('won', 'lost') AND d.closed_at >= ? AND d.closed_at < ?",
        params: [pipelineId, DAYS_90, NOW],
      },
      openDeals(pipelineId),
    ],
  },
  {
    name: 'GET /reports/activity (week)',
    run: (s, a) => s.analytics.activity.report(a, { period: 'week', date: '2026-05-25' }),
    baseline: () => [
      { text: 'SELECT author_id, type FROM activities WHERE occurred_at >= ? AND occurred_at < ?', params: [...WEEK] },
      { text: 'SELECT owner_id FROM contacts WHERE created_at >= ? AND created_at < ?', params: [...WEEK] },
      { text: 'SELECT owner_id FROM accounts WHERE created_at >= ? AND created_at < ?', params: [...WEEK] },
      { text: 'SELECT owner_id, currency, amount_minor FROM deals WHERE created_at >= ? AND created_at < ?', params: [...WEEK] },
      { text: "SELECT owner_id, status, currency, amount_minor FROM deals WHERE status IN ('won', 'lost') AND closed_at >= ? AND closed_at < ?", params: [...WEEK] },
      { text: 'SELECT deal_id FROM stage_changes WHERE at >= ? AND at < ?', params: [...WEEK] },
    ],
  },
  {
    name: 'GET /segments',
    run: (s, a) => s.analytics.customers.segments(a, { segment: 'champions' }),
    baseline: () => [wonBefore],
  },
  {
    name: 'GET /churn-risks',
    run: (s, a) => s.analytics.customers.churnRisks(a, {}),
    baseline: () => [
      wonBefore,
      { text: "SELECT account_id, occurred_at FROM activities WHERE occurred_at < ? AND account_id IN (SELECT account_id FROM deals WHERE status = 'won')", params: [NOW] },
    ],
  },
  {
    name: 'GET /win-loss',
    run: (s, a) => s.analytics.winLoss.winLoss(a, {}),
    baseline: () => [{ text: "SELECT owner_id, status, lost_reason, competitor, currency, amount_minor FROM deals WHERE status IN ('won', 'lost') AND closed_at >= ? AND closed_at < ?", params: [DAYS_90, NOW] }],
  },
  {
    name: 'GET /campaigns/{id}/roi',
    run: (s, a, { campaignId }) => s.analytics.campaigns.roi(a, campaignId),
    baseline: ({ campaignId }) => [{ text: 'SELECT status, currency, amount_minor, probability FROM deals WHERE campaign_id = ?', params: [campaignId] }],
  },
];

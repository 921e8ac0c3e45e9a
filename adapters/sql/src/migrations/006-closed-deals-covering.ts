import type { Migration } from './migration.js';

/**
 * Deals closed in a period (forecast, funnel, win/loss, the activity report) and the stages a
 * deal's history went through (the funnel) are read from indexes alone, not row by row from
 * their tables.
 */
export const closedDealsCovering: Migration = {
  version: 6,
  name: 'closed deals covering',
  statements: () => [
    'DROP INDEX deals_by_closed',
    'CREATE INDEX deals_by_closed ON deals (status, closed_at, owner_id, currency, amount_minor, pipeline_id, created_at, id)',
    'CREATE INDEX stage_changes_stages ON stage_changes (deal_id, stage_id)',
  ],
};

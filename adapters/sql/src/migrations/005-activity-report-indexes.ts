import type { Migration } from './migration.js';

/**
 * The activity report reads its rows from indexes alone: a week's activities by author and type,
 * and the stage moves of a week with their deals, without fetching each row from its table.
 */
export const activityReportIndexes: Migration = {
  version: 5,
  name: 'activity report indexes',
  statements: () => [
    'CREATE INDEX activities_by_time_and_author ON activities (occurred_at, author_id, type)',
    'DROP INDEX stage_changes_by_time',
    'CREATE INDEX stage_changes_by_time ON stage_changes (at, deal_id, from_stage_id, stage_id)',
  ],
};

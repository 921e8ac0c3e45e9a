import type { Migration } from './migration.js';

/**
 * Each stage's finished times in duration order, so SQLite reads a stage's median by walking
 * this index to the middle sample instead of numbering and sorting every sample of the window.
 */
export const stageTimesByDuration: Migration = {
  version: 8,
  name: 'stage times by duration',
  statements: () => ['CREATE INDEX deal_stage_times_by_duration ON deal_stage_times (pipeline_id, sitting, stage_id, duration_ms, last_left_at, owner_id)'],
};

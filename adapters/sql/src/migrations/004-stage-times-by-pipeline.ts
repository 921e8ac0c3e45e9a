import type { Migration } from './migration.js';

/**
 * Report queries answered from covering indexes. Each deal_stage_times row also carries its
 * deal's pipeline and owner and whether the deal sits in that stage now (open or suspended), kept
 * in step on every deal write, so stage medians read one index range instead of joining every
 * deal. Pipeline totals, stale deals by stage and time entered, and won deals by account read
 * their columns from indexes alone.
 */
export const stageTimesByPipeline: Migration = {
  version: 4,
  name: 'stage times by pipeline',
  statements: ({ text, int }) => [
    `ALTER TABLE deal_stage_times ADD COLUMN pipeline_id ${text} NOT NULL DEFAULT ''`,
    `ALTER TABLE deal_stage_times ADD COLUMN owner_id ${text} NOT NULL DEFAULT ''`,
    `ALTER TABLE deal_stage_times ADD COLUMN sitting ${int} NOT NULL DEFAULT 0`,
    `UPDATE deal_stage_times SET
      pipeline_id = COALESCE((SELECT d.pipeline_id FROM deals d WHERE d.id = deal_stage_times.deal_id), ''),
      owner_id = COALESCE((SELECT d.owner_id FROM deals d WHERE d.id = deal_stage_times.deal_id), ''),
      sitting = CASE WHEN EXISTS (SELECT 1 FROM deals d WHERE d.id = deal_stage_times.deal_id AND d.stage_id = deal_stage_times.stage_id
        AND d.status IN ('open', 'suspended')) THEN 1 ELSE 0 END`,
    'DROP INDEX deal_stage_times_by_exit',
    'CREATE INDEX deal_stage_times_by_exit ON deal_stage_times (pipeline_id, last_left_at, stage_id, duration_ms, owner_id, sitting)',
    'CREATE INDEX deal_stage_times_sitting ON deal_stage_times (pipeline_id, sitting, deal_id)',
    'DROP INDEX deals_by_pipeline',
    'CREATE INDEX deals_by_pipeline ON deals (pipeline_id, status, stage_id, currency, amount_minor, probability, owner_id)',
    'CREATE INDEX deals_open_by_stage ON deals (pipeline_id, status, stage_id, stage_entered_at, id, owner_id)',
    'CREATE INDEX deals_won_by_account ON deals (status, account_id, currency, closed_at, amount_minor)',
  ],
};

import { sortKey } from '@rapport/core';
import type { Migration } from './migration.js';

/** Deals sorted by title are keyed in chunks, so a large table is not held in memory at once. */
const BACKFILL_CHUNK = 2_000;

/**
 * Pipelines that teams edit, and deal lists in the orders the API offers:
 *
 * - `pipelines` gains the team it belongs to (null: company-wide), a version for If-Match,
 *   and the time it last changed;
 * - the stage-history ledger records the pipeline of each stage (`pipeline_id`, and
 *   `from_pipeline_id` for the stage left), so a move between pipelines is on record; older
 *   entries take the pipeline their deal is in now, which is where they happened;
 * - `deals.title_key` is the title's sortKey, and each order (amount, expected close with
 *   no date last, time entered the stage, creation, title) has an index ending in the id.
 */
export const editablePipelines: Migration = {
  version: 12,
  name: 'editable pipelines',
  statements: ({ text, int }) => [
    `ALTER TABLE pipelines ADD COLUMN team_id ${text}`,
    `ALTER TABLE pipelines ADD COLUMN version ${int} NOT NULL DEFAULT 1`,
    `ALTER TABLE pipelines ADD COLUMN updated_at ${text} NOT NULL DEFAULT ''`,
    'UPDATE pipelines SET updated_at = created_at',
    `ALTER TABLE stage_changes ADD COLUMN pipeline_id ${text}`,
    `ALTER TABLE stage_changes ADD COLUMN from_pipeline_id ${text}`,
    'UPDATE stage_changes SET pipeline_id = (SELECT deals.pipeline_id FROM deals WHERE deals.id = stage_changes.deal_id)',
    'UPDATE stage_changes SET from_pipeline_id = pipeline_id WHERE from_stage_id IS NOT NULL',
    `ALTER TABLE deals ADD COLUMN title_key ${text} NOT NULL DEFAULT ''`,
    'CREATE INDEX deals_by_amount ON deals (amount_minor, id)',
    "CREATE INDEX deals_by_close_date_sort ON deals ((COALESCE(expected_close_date, '9999-12-31')), id)",
    'CREATE INDEX deals_by_stage_entered ON deals (stage_entered_at, id)',
    'CREATE INDEX deals_by_created_id ON deals (created_at, id)',
    'CREATE INDEX deals_by_title ON deals (title_key, id)',
  ],
  backfill: async (db) => {
    let after = '';
    for (;;) {
      const rows = await db.selectFrom('deals').select(['id', 'title']).where('id', '>', after).orderBy('id').limit(BACKFILL_CHUNK).execute();
      for (const row of rows) await db.updateTable('deals').set({ title_key: sortKey(row.title) }).where('id', '=', row.id).execute();
      const last = rows.at(-1);
      if (!last || rows.length < BACKFILL_CHUNK) return;
      after = last.id;
    }
  },
};

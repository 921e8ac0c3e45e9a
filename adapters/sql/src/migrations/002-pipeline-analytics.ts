import { completedStageTimes, type StageChange } from '@rapport/core';
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import { toStageChange } from '../repositories/sql-deal-rows.js';
import { toStageTimeRows } from '../repositories/sql-stage-times.js';
import type { Migration } from './migration.js';

const BACKFILL_BATCH = 2_000;

/**
 * Targets, campaigns, and `deal_stage_times`: the finished time each deal spent in each stage,
 * kept in step with the stage-history ledger on every append (see SqlDealRepository), so time
 * in stage is read from one small row per deal and stage instead of walking the ledger.
 * Indexes for the report queries' ranges. Existing ledgers are folded into the new table.
 */
export const pipelineAnalytics: Migration = {
  version: 2,
  name: 'pipeline analytics',
  statements: ({ text, int, bigint, table }) => [
    `CREATE TABLE targets (id ${text} PRIMARY KEY, user_id ${text} NOT NULL, month ${text} NOT NULL, amount_minor ${bigint} NOT NULL,
      currency ${text} NOT NULL, version ${int} NOT NULL, created_at ${text} NOT NULL, updated_at ${text} NOT NULL)${table}`,
    'CREATE UNIQUE INDEX targets_by_user_month ON targets (user_id, month, currency)',

    `CREATE TABLE campaigns (id ${text} PRIMARY KEY, name ${text} NOT NULL, sort_key ${text} NOT NULL, channel ${text} NOT NULL,
      cost_minor ${bigint} NOT NULL, currency ${text} NOT NULL, start_date ${text} NOT NULL, end_date ${text}, team_id ${text},
      version ${int} NOT NULL, created_at ${text} NOT NULL, updated_at ${text} NOT NULL)${table}`,
    'CREATE INDEX campaigns_by_name ON campaigns (sort_key, id)',
    'CREATE INDEX campaigns_by_team ON campaigns (team_id, sort_key, id)',

    `CREATE TABLE deal_stage_times (deal_id ${text} NOT NULL, stage_id ${text} NOT NULL, duration_ms ${bigint} NOT NULL,
      visits ${int} NOT NULL, last_left_at ${text} NOT NULL, PRIMARY KEY (deal_id, stage_id))${table}`,
    'CREATE INDEX deal_stage_times_by_exit ON deal_stage_times (last_left_at, deal_id, stage_id)',

    'CREATE INDEX deals_by_closed ON deals (status, closed_at)',
    'CREATE INDEX deals_by_created ON deals (created_at)',
    'CREATE INDEX stage_changes_by_time ON stage_changes (at)',
    'CREATE INDEX contacts_by_created ON contacts (created_at)',
    'CREATE INDEX accounts_by_created ON accounts (created_at)',
    'CREATE INDEX reminders_by_completion ON reminders (completed_at)',
  ],
  async backfill(db: Kysely<Database>): Promise<void> {
    let after = '';
    for (;;) {
      const dealIds = await db.selectFrom('stage_changes').select('deal_id').distinct().where('deal_id', '>', after).orderBy('deal_id').limit(BACKFILL_BATCH).execute();
      if (dealIds.length === 0) return;
      const ids = dealIds.map((row) => row.deal_id);
      const rows = await db.selectFrom('stage_changes').selectAll().where('deal_id', 'in', ids).orderBy('deal_id').orderBy('at').orderBy('id').execute();
      const byDeal = new Map<string, StageChange[]>();
      for (const row of rows) byDeal.set(row.deal_id, [...(byDeal.get(row.deal_id) ?? []), toStageChange(row)]);
      const times = [...byDeal].flatMap(([dealId, history]) => toStageTimeRows(dealId, completedStageTimes(history)));
      for (let i = 0; i < times.length; i += 500) await db.insertInto('deal_stage_times').values(times.slice(i, i + 500)).execute();
      after = ids[ids.length - 1] ?? after;
    }
  },
};

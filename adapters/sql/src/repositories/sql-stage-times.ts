import { completedStageTimes, type StageTime } from '@rapport/core';
import type { Insertable, Kysely } from 'kysely';
import type { Database, DealStageTimesTable } from '../database.js';
import { toStageChange } from './sql-deal-rows.js';

export const toStageTimeRows = (dealId: string, times: readonly StageTime[]): Array<Insertable<DealStageTimesTable>> =>
  times.flatMap((t) => (t.lastLeftAt === null ? [] : [{ deal_id: dealId, stage_id: t.stageId, duration_ms: t.ms, visits: t.visits, last_left_at: t.lastLeftAt }]));

/**
 * Rewrites a deal's rows of `deal_stage_times` from its whole ledger, with core's
 * `completedStageTimes`: one definition of time in stage, however the ledger grew.
 */
export async function refreshStageTimes(db: Kysely<Database>, dealId: string): Promise<void> {
  const history = await db.selectFrom('stage_changes').selectAll().where('deal_id', '=', dealId).orderBy('at').orderBy('id').execute();
  const rows = toStageTimeRows(dealId, completedStageTimes(history.map(toStageChange)));
  await db.deleteFrom('deal_stage_times').where('deal_id', '=', dealId).execute();
  if (rows.length > 0) await db.insertInto('deal_stage_times').values(rows).execute();
}

import { completedStageTimes, type Deal, type StageChange, type StageTime } from '@rapport/core';
import type { Insertable, Kysely } from 'kysely';
import type { Database, DealStageTimesTable } from '../database.js';
import { toStageChange } from './sql-deal-rows.js';

/** The rows of deal_stage_times as migration 2 first wrote them (its backfill still does). */
export const toStageTimeRows = (dealId: string, times: readonly StageTime[]): Array<Insertable<DealStageTimesTable>> =>
  times.flatMap((t) => (t.lastLeftAt === null ? [] : [{ deal_id: dealId, stage_id: t.stageId, duration_ms: t.ms, visits: t.visits, last_left_at: t.lastLeftAt }]));

type DealFacts = Pick<Deal, 'pipelineId' | 'ownerId' | 'stageId' | 'status'>;

/** 1 when the deal sits in `stageId` now: open or suspended there. */
const sits = (deal: DealFacts | undefined, stageId: string): number => (deal && deal.stageId === stageId && (deal.status === 'open' || deal.status === 'suspended') ? 1 : 0);

/** A deal's rows of `deal_stage_times`, from its whole ledger (oldest first) and where it stands now. */
export const stageTimeRowsOf = (dealId: string, deal: DealFacts | undefined, history: readonly StageChange[]): Array<Insertable<DealStageTimesTable>> =>
  toStageTimeRows(dealId, completedStageTimes(history)).map((r) => ({
    ...r,
    pipeline_id: deal?.pipelineId ?? '',
    owner_id: deal?.ownerId ?? '',
    sitting: sits(deal, r.stage_id),
  }));

/**
 * Rewrites a deal's rows of `deal_stage_times` from its whole ledger, with core's
 * `completedStageTimes`: one definition of time in stage, however the ledger grew.
 */
export async function refreshStageTimes(db: Kysely<Database>, dealId: string): Promise<void> {
  const history = await db.selectFrom('stage_changes').selectAll().where('deal_id', '=', dealId).orderBy('at').orderBy('id').execute();
  const row = await db.selectFrom('deals').select(['pipeline_id', 'owner_id', 'stage_id', 'status']).where('id', '=', dealId).executeTakeFirst();
  const deal: DealFacts | undefined = row && { pipelineId: row.pipeline_id, ownerId: row.owner_id, stageId: row.stage_id, status: row.status as Deal['status'] };
  const rows = stageTimeRowsOf(dealId, deal, history.map(toStageChange));
  await db.deleteFrom('deal_stage_times').where('deal_id', '=', dealId).execute();
  if (rows.length > 0) await db.insertInto('deal_stage_times').values(rows).execute();
}

/** Keeps a deal's stage-time rows in step with the deal: its pipeline, owner, and the stage it sits in. */
export async function syncStageTimeFacts(db: Kysely<Database>, deal: Deal & { id: string }): Promise<void> {
  const open = deal.status === 'open' || deal.status === 'suspended';
  await db
    .updateTable('deal_stage_times')
    .set((eb) => ({
      pipeline_id: deal.pipelineId,
      owner_id: deal.ownerId,
      sitting: open ? eb.case().when('stage_id', '=', deal.stageId).then(1).else(0).end() : 0,
    }))
    .where('deal_id', '=', deal.id)
    .execute();
}

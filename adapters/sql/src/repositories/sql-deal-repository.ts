import { readCursor, type Deal, type DealFilter, type DealRepository, type DealSort, type Page, type PageRequest, type StageChange } from '@rapport/core';
import type { SelectQueryBuilder } from 'kysely';
import type { SqlContext } from '../context.js';
import type { Database } from '../database.js';
import { expectInserted } from '../errors.js';
import { pageSortedByField, whereCustomFields } from '../sql-custom-fields.js';
import { affected, afterKeyset, matchesNothing, pageOfRows } from '../sql-paging.js';
import { toDeal, toDealRow, toStageChange, toStageChangeRow } from './sql-deal-rows.js';
import { refreshStageTimes, syncStageTimeFacts } from './sql-stage-times.js';
import { listSortedDeals } from './sql-deal-sort.js';

/** Adds a deal filter's conditions to a query over `deals`. */
export function whereDeal<O>(query: SelectQueryBuilder<Database, 'deals', O>, filter: DealFilter): SelectQueryBuilder<Database, 'deals', O> {
  let q = query;
  if (filter.accountId !== undefined) q = q.where('account_id', '=', filter.accountId);
  if (filter.primaryContactId !== undefined) q = q.where('primary_contact_id', '=', filter.primaryContactId);
  if (filter.ownerIds) q = q.where('owner_id', 'in', filter.ownerIds);
  if (filter.statuses) q = q.where('status', 'in', filter.statuses);
  if (filter.pipelineId !== undefined) q = q.where('pipeline_id', '=', filter.pipelineId);
  if (filter.stageId !== undefined) q = q.where('stage_id', '=', filter.stageId);
  if (filter.campaignId !== undefined) q = q.where('campaign_id', '=', filter.campaignId);
  if (filter.closeFrom !== undefined) q = q.where('expected_close_date', '>=', filter.closeFrom);
  if (filter.closeTo !== undefined) q = q.where('expected_close_date', '<=', filter.closeTo);
  return q;
}

export class SqlDealRepository implements DealRepository {
  constructor(private readonly ctx: SqlContext) {}

  async get(id: string): Promise<Deal | null> {
    const row = await this.ctx.db.selectFrom('deals').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toDeal(row, this.ctx.engine) : null;
  }

  async getMany(ids: readonly string[]): Promise<Deal[]> {
    if (ids.length === 0) return [];
    const rows = await this.ctx.db.selectFrom('deals').selectAll().where('id', 'in', ids).orderBy('id').execute();
    return rows.map((row) => toDeal(row, this.ctx.engine));
  }

  async list(filter: DealFilter, page: PageRequest, sort?: DealSort): Promise<Page<Deal>> {
    // A built-in order (amount, close date, …) unless the list is sorted by a custom field.
    if (sort && !filter.custom?.sort) return listSortedDeals(this.ctx, filter, page, sort);
    if (matchesNothing(filter.ownerIds, filter.statuses)) return { items: [], nextCursor: null };
    const kind = this.ctx.engine.kind;
    let query = whereDeal(this.ctx.db.selectFrom('deals').selectAll(), filter);
    query = whereCustomFields(query, kind, filter.custom);
    const fieldSort = filter.custom?.sort;
    if (fieldSort) return pageSortedByField(query, kind, page, fieldSort, (row) => toDeal(row, this.ctx.engine));
    const after = readCursor(page.cursor, 1);
    if (after) query = query.where(afterKeyset(['id'], after));
    const rows = await query.orderBy('id').limit(page.limit + 1).execute();
    return pageOfRows(rows, page.limit, (row) => [row.id], (row) => toDeal(row, this.ctx.engine));
  }

  async insert(deal: Deal): Promise<void> {
    await this.ctx.atomic(async (db) => {
      const result = await db.insertInto('deals').values(toDealRow(deal, this.ctx.engine)).onConflict((oc) => oc.doNothing()).executeTakeFirst();
      expectInserted(result, 'deal', deal.id);
      await syncStageTimeFacts(db, deal);
    });
  }

  /** Also keeps the deal's rows of deal_stage_times in step (owner, pipeline, the stage it sits in). */
  async update(next: Deal): Promise<boolean> {
    const { id: _id, ...changes } = toDealRow(next, this.ctx.engine);
    return this.ctx.atomic(async (db) => {
      const result = await db.updateTable('deals').set(changes).where('id', '=', next.id).where('version', '=', next.version - 1).executeTakeFirst();
      if (affected(result) === 0) return false;
      await syncStageTimeFacts(db, next);
      return true;
    });
  }

  async delete(id: string): Promise<void> {
    await this.ctx.atomic(async (db) => {
      await db.deleteFrom('stage_changes').where('deal_id', '=', id).execute();
      await db.deleteFrom('deal_stage_times').where('deal_id', '=', id).execute();
      await db.deleteFrom('deals').where('id', '=', id).execute();
    });
  }

  async reassignAccount(fromAccountId: string, toAccountId: string, at: string): Promise<number> {
    const result = await this.ctx.db
      .updateTable('deals')
      .set((eb) => ({ account_id: toAccountId, version: eb('version', '+', 1), updated_at: at }))
      .where('account_id', '=', fromAccountId)
      .executeTakeFirst();
    return affected(result);
  }

  async reassignContact(fromContactId: string, toContactId: string | null, at: string): Promise<number> {
    const result = await this.ctx.db
      .updateTable('deals')
      .set((eb) => ({ primary_contact_id: toContactId, version: eb('version', '+', 1), updated_at: at }))
      .where('primary_contact_id', '=', fromContactId)
      .executeTakeFirst();
    return affected(result);
  }

  /** Also brings the deal's rows of deal_stage_times up to date, in the same write. */
  async appendStageChange(change: StageChange): Promise<void> {
    await this.ctx.atomic(async (db) => {
      const result = await db.insertInto('stage_changes').values(toStageChangeRow(change)).onConflict((oc) => oc.doNothing()).executeTakeFirst();
      expectInserted(result, 'stage change', change.id);
      await refreshStageTimes(db, change.dealId);
    });
  }

  async stageHistory(dealId: string): Promise<StageChange[]> {
    const rows = await this.ctx.db
      .selectFrom('stage_changes')
      .selectAll()
      .where('deal_id', '=', dealId)
      .orderBy('at')
      .orderBy('id')
      .execute();
    return rows.map(toStageChange);
  }
}

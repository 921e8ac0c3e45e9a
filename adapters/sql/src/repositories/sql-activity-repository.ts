import { readCursor, storeConflicts } from '@rapport/core';
import type { Activity, ActivityFilter, ActivityRepository, ActivityType, Page, PageRequest, Surface } from '@rapport/core';
import type { Insertable, Selectable } from 'kysely';
import type { SqlContext } from '../context.js';
import type { ActivitiesTable } from '../database.js';
import type { Engine } from '../engine.js';
import { affected, afterKeyset, linkedToAny, matchesNothing, pageOfRows } from '../sql-paging.js';

/** An activity as its row (also what a bulk insert writes). */
export const activityRow = (a: Activity, engine: Engine): Insertable<ActivitiesTable> => ({
  id: a.id,
  type: a.type,
  subject: a.subject,
  body: a.body,
  occurred_at: a.occurredAt,
  contact_id: a.contactId,
  account_id: a.accountId,
  deal_id: a.dealId,
  author_id: a.authorId,
  surface: a.surface,
  external_id: a.externalId,
  participants: engine.json(a.participants),
  created_at: a.createdAt,
});

const toActivity = (row: Selectable<ActivitiesTable>, engine: Engine): Activity => ({
  id: row.id,
  type: row.type as ActivityType,
  subject: row.subject,
  body: row.body,
  occurredAt: row.occurred_at,
  contactId: row.contact_id,
  accountId: row.account_id,
  dealId: row.deal_id,
  authorId: row.author_id,
  surface: row.surface as Surface,
  externalId: row.external_id,
  participants: engine.readJson<string[]>(row.participants),
  createdAt: row.created_at,
});

export class SqlActivityRepository implements ActivityRepository {
  constructor(private readonly ctx: SqlContext) {}

  async get(id: string): Promise<Activity | null> {
    const row = await this.ctx.db.selectFrom('activities').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toActivity(row, this.ctx.engine) : null;
  }

  async findByExternalId(externalId: string): Promise<Activity | null> {
    const row = await this.ctx.db.selectFrom('activities').selectAll().where('external_id', '=', externalId).executeTakeFirst();
    return row ? toActivity(row, this.ctx.engine) : null;
  }

  async list(filter: ActivityFilter, page: PageRequest): Promise<Page<Activity>> {
    const after = readCursor(page.cursor, 2);
    const linked = filter.about ? linkedToAny(filter.about) : undefined;
    if (linked === null || matchesNothing(filter.types)) return { items: [], nextCursor: null };
    let query = this.ctx.db.selectFrom('activities').selectAll();
    if (linked) query = query.where(linked);
    if (filter.authorId !== undefined) query = query.where('author_id', '=', filter.authorId);
    if (filter.types) query = query.where('type', 'in', filter.types);
    if (filter.from !== undefined) query = query.where('occurred_at', '>=', filter.from);
    if (filter.to !== undefined) query = query.where('occurred_at', '<', filter.to);
    if (after) query = query.where(afterKeyset(['occurred_at', 'id'], after, true));
    const rows = await query.orderBy('occurred_at', 'desc').orderBy('id', 'desc').limit(page.limit + 1).execute();
    return pageOfRows(rows, page.limit, (row) => [row.occurred_at, row.id], (row) => toActivity(row, this.ctx.engine));
  }

  async insert(activity: Activity): Promise<void> {
    const result = await this.ctx.db
      .insertInto('activities')
      .values(activityRow(activity, this.ctx.engine))
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0n) > 0) return;
    if (await this.get(activity.id)) throw storeConflicts.duplicateId('activity', activity.id);
    const logged = activity.externalId === null ? null : await this.findByExternalId(activity.externalId);
    throw storeConflicts.externalIdTaken(activity.externalId ?? '', logged?.id ?? 'unknown');
  }

  async delete(id: string): Promise<void> {
    await this.ctx.db.deleteFrom('activities').where('id', '=', id).execute();
  }

  async reassignContact(fromContactId: string, toContactId: string | null): Promise<number> {
    const result = await this.ctx.db.updateTable('activities').set({ contact_id: toContactId }).where('contact_id', '=', fromContactId).executeTakeFirst();
    return affected(result);
  }

  async reassignAccount(fromAccountId: string, toAccountId: string | null): Promise<number> {
    const result = await this.ctx.db.updateTable('activities').set({ account_id: toAccountId }).where('account_id', '=', fromAccountId).executeTakeFirst();
    return affected(result);
  }
}

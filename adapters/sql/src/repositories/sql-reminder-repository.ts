import { compareCodePoints, readCursor } from '@rapport/core';
import type { AlertClaim, Page, PageRequest, Reminder, ReminderFilter, ReminderRepository } from '@rapport/core';
import { sql, type SqlBool } from 'kysely';
import type { SqlContext } from '../context.js';
import { expectInserted } from '../errors.js';
import { affected, afterKeyset, linkedToAny, matchesNothing, pageOfRows } from '../sql-paging.js';
import { toReminder, toReminderRow } from './sql-reminder-rows.js';

/** Written as literals, not parameters, so the engines can match the partial index on open alerts. */
const IS_OPEN = sql<SqlBool>`status = 'open'`;

export class SqlReminderRepository implements ReminderRepository {
  constructor(private readonly ctx: SqlContext) {}

  async get(id: string): Promise<Reminder | null> {
    const row = await this.ctx.db.selectFrom('reminders').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toReminder(row, this.ctx.engine) : null;
  }

  async list(filter: ReminderFilter, page: PageRequest): Promise<Page<Reminder>> {
    const after = readCursor(page.cursor, 2);
    const linked = filter.about ? linkedToAny(filter.about) : undefined;
    if (linked === null || matchesNothing(filter.statuses)) return { items: [], nextCursor: null };
    let query = this.ctx.db.selectFrom('reminders').selectAll();
    if (linked) query = query.where(linked);
    if (filter.assigneeId !== undefined) query = query.where('assignee_id', '=', filter.assigneeId);
    if (filter.statuses) query = query.where('status', 'in', filter.statuses);
    if (filter.fireBefore !== undefined) query = query.where('fire_at', '<', filter.fireBefore);
    if (after) query = query.where(afterKeyset(['fire_at', 'id'], after));
    const rows = await query.orderBy('fire_at').orderBy('id').limit(page.limit + 1).execute();
    return pageOfRows(rows, page.limit, (row) => [row.fire_at, row.id], (row) => toReminder(row, this.ctx.engine));
  }

  async insert(reminder: Reminder): Promise<void> {
    const result = await this.ctx.db
      .insertInto('reminders')
      .values(toReminderRow(reminder, this.ctx.engine))
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    expectInserted(result, 'reminder', reminder.id);
  }

  async update(next: Reminder): Promise<boolean> {
    const { id: _id, ...changes } = toReminderRow(next, this.ctx.engine);
    const result = await this.ctx.db
      .updateTable('reminders')
      .set(changes)
      .where('id', '=', next.id)
      .where('version', '=', next.version - 1)
      .executeTakeFirst();
    return affected(result) > 0;
  }

  /**
   * One UPDATE … WHERE id IN (the due reminders) … RETURNING: atomic on SQLite, and on
   * PostgreSQL the inner SELECT locks with SKIP LOCKED, so concurrent claimers take disjoint rows.
   */
  async claimAlerts(claim: AlertClaim): Promise<Reminder[]> {
    if (claim.limit <= 0) return [];
    let due = this.ctx.db
      .selectFrom('reminders')
      .select('id')
      .where(IS_OPEN)
      .where('alert_at', 'is not', null)
      .where('alert_at', '<=', claim.now)
      .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<=', claim.now)]))
      .orderBy('alert_at')
      .orderBy('id')
      .limit(claim.limit);
    if (this.ctx.engine.kind === 'postgres') due = due.forUpdate().skipLocked();
    const rows = await this.ctx.db
      .updateTable('reminders')
      .set({ lease_owner: claim.owner, lease_until: claim.leaseUntil })
      .where('id', 'in', due)
      .returningAll()
      .execute();
    return rows
      .sort((a, b) => compareCodePoints(a.alert_at ?? '', b.alert_at ?? '') || compareCodePoints(a.id, b.id))
      .map((row) => toReminder(row, this.ctx.engine));
  }

  async releaseAlert(id: string, owner: string, version: number, alertAt: string | null): Promise<void> {
    await this.ctx.db
      .updateTable('reminders')
      .set({
        lease_owner: null,
        lease_until: null,
        alert_at: sql<string | null>`case when ${sql.ref('version')} = ${version} then ${alertAt} else ${sql.ref('alert_at')} end`,
      })
      .where('id', '=', id)
      .where('lease_owner', '=', owner)
      .execute();
  }

  async reassignContact(fromContactId: string, toContactId: string | null, at?: string): Promise<number> {
    return this.relink('contact_id', fromContactId, toContactId, at);
  }

  async reassignAccount(fromAccountId: string, toAccountId: string | null, at?: string): Promise<number> {
    return this.relink('account_id', fromAccountId, toAccountId, at);
  }

  private async relink(column: 'contact_id' | 'account_id', from: string, to: string | null, at: string | undefined): Promise<number> {
    const result = await this.ctx.db
      .updateTable('reminders')
      .set((eb) => ({ [column]: to, version: eb('version', '+', 1), updated_at: at ?? eb.ref('updated_at') }))
      .where(column, '=', from)
      .executeTakeFirst();
    return affected(result);
  }
}

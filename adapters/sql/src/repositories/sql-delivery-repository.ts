import type { DeliveryRepository, DeliveryStatus, ReminderDelivery } from '@rapport/core';
import type { Insertable, Selectable } from 'kysely';
import type { SqlContext } from '../context.js';
import type { ReminderDeliveriesTable } from '../database.js';

const toRow = (d: ReminderDelivery): Insertable<ReminderDeliveriesTable> => ({
  id: d.id,
  reminder_id: d.reminderId,
  fire_at: d.fireAt,
  channel: d.channel,
  status: d.status,
  attempts: d.attempts,
  last_error: d.lastError,
  next_attempt_at: d.nextAttemptAt,
  delivered_at: d.deliveredAt,
  updated_at: d.updatedAt,
});

const toDelivery = (row: Selectable<ReminderDeliveriesTable>): ReminderDelivery => ({
  id: row.id,
  reminderId: row.reminder_id,
  fireAt: row.fire_at,
  channel: row.channel,
  status: row.status as DeliveryStatus,
  attempts: row.attempts,
  lastError: row.last_error,
  nextAttemptAt: row.next_attempt_at,
  deliveredAt: row.delivered_at,
  updatedAt: row.updated_at,
});

export class SqlDeliveryRepository implements DeliveryRepository {
  constructor(private readonly ctx: SqlContext) {}

  async find(reminderId: string, fireAt: string, channel: string): Promise<ReminderDelivery | null> {
    const row = await this.ctx.db
      .selectFrom('reminder_deliveries')
      .selectAll()
      .where('reminder_id', '=', reminderId)
      .where('fire_at', '=', fireAt)
      .where('channel', '=', channel)
      .executeTakeFirst();
    return row ? toDelivery(row) : null;
  }

  async listForReminder(reminderId: string): Promise<ReminderDelivery[]> {
    const rows = await this.ctx.db
      .selectFrom('reminder_deliveries')
      .selectAll()
      .where('reminder_id', '=', reminderId)
      .orderBy('fire_at')
      .orderBy('id')
      .execute();
    return rows.map(toDelivery);
  }

  async save(delivery: ReminderDelivery): Promise<void> {
    const row = toRow(delivery);
    const { reminder_id: _r, fire_at: _f, channel: _c, ...changes } = row;
    await this.ctx.atomic((db) =>
      db
        .insertInto('reminder_deliveries')
        .values(row)
        .onConflict((oc) => oc.columns(['reminder_id', 'fire_at', 'channel']).doUpdateSet(changes))
        .execute(),
    );
  }
}

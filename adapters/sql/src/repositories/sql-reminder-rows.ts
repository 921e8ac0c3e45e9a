import { fireTime, type AwaitingReply, type Recurrence, type Reminder, type ReminderStatus } from '@rapport/core';
import type { Insertable, Selectable } from 'kysely';
import type { RemindersTable } from '../database.js';
import type { Engine } from '../engine.js';

/** A reminder's columns, without its lease (which only claimAlerts and releaseAlert write). */
export const toReminderRow = (r: Reminder, engine: Engine): Insertable<RemindersTable> => ({
  id: r.id,
  title: r.title,
  notes: r.notes,
  contact_id: r.contactId,
  account_id: r.accountId,
  deal_id: r.dealId,
  assignee_id: r.assigneeId,
  created_by_id: r.createdById,
  due_at: r.dueAt,
  time_zone: r.timeZone,
  snoozed_until: r.snoozedUntil,
  fire_at: fireTime(r),
  recurrence: engine.nullableJson(r.recurrence),
  status: r.status,
  completed_at: r.completedAt,
  alert_at: r.alertAt,
  awaiting_reply: engine.nullableJson(r.awaitingReply),
  version: r.version,
  created_at: r.createdAt,
  updated_at: r.updatedAt,
});

export const toReminder = (row: Selectable<RemindersTable>, engine: Engine): Reminder => ({
  id: row.id,
  title: row.title,
  notes: row.notes,
  contactId: row.contact_id,
  accountId: row.account_id,
  dealId: row.deal_id,
  assigneeId: row.assignee_id,
  createdById: row.created_by_id,
  dueAt: row.due_at,
  timeZone: row.time_zone,
  snoozedUntil: row.snoozed_until,
  recurrence: engine.readNullableJson<Recurrence>(row.recurrence),
  status: row.status as ReminderStatus,
  completedAt: row.completed_at,
  alertAt: row.alert_at,
  awaitingReply: engine.readNullableJson<AwaitingReply>(row.awaiting_reply),
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

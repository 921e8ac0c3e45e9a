import type { ReminderDelivery } from './reminder.schema.js';

export interface DeliveryRepository {
  find(reminderId: string, fireAt: string, channel: string): Promise<ReminderDelivery | null>;
  /** Oldest first (by fireAt, then id). */
  listForReminder(reminderId: string): Promise<ReminderDelivery[]>;
  /** Inserts or replaces the row for (reminderId, fireAt, channel). */
  save(delivery: ReminderDelivery): Promise<void>;
}

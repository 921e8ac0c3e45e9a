import type { ReminderDelivery } from '../../reminders/reminder.schema.js';
import type { DeliveryRepository } from '../../reminders/delivery.port.js';
import type { MemoryState } from './memory-state.js';
import { sortBy } from '../record-paging.js';

const keyOf = (reminderId: string, fireAt: string, channel: string): string => JSON.stringify([reminderId, fireAt, channel]);

/** Deliveries are kept by (reminder, firing, channel): saving one replaces the row for that triple. */
export class MemoryDeliveryRepository implements DeliveryRepository {
  constructor(private readonly state: MemoryState) {}

  async find(reminderId: string, fireAt: string, channel: string): Promise<ReminderDelivery | null> {
    return this.state.deliveries.get(keyOf(reminderId, fireAt, channel));
  }

  async listForReminder(reminderId: string): Promise<ReminderDelivery[]> {
    const rows = this.state.deliveries.all().filter((delivery) => delivery.reminderId === reminderId);
    return sortBy(rows, { keyOf: (d) => [d.fireAt, d.id], length: 2 });
  }

  async save(delivery: ReminderDelivery): Promise<void> {
    this.state.deliveries.set(keyOf(delivery.reminderId, delivery.fireAt, delivery.channel), delivery);
  }
}

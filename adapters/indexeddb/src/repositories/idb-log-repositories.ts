import {
  eventMatches,
  pageFrom,
  storeConflicts,
  type CrmEvent,
  type DeliveryRepository,
  type EventFilter,
  type EventRepository,
  type IdempotencyRecord,
  type IdempotencyRepository,
  type Page,
  type PageRequest,
  type ReminderDelivery,
  type SettingsRepository,
} from '@rapport/core';
import type { IdbTx } from '../idb-tx.js';
import { paginate, readCursor, sortBy } from '../idb-paging.js';

/** Deliveries are kept by (reminder, firing, channel): saving one replaces the row for that triple. */
export class IdbDeliveryRepository implements DeliveryRepository {
  constructor(private readonly tx: IdbTx) {}

  find(reminderId: string, fireAt: string, channel: string): Promise<ReminderDelivery | null> {
    return this.tx.get<ReminderDelivery>('deliveries', [reminderId, fireAt, channel]);
  }

  async listForReminder(reminderId: string): Promise<ReminderDelivery[]> {
    return sortBy(await this.tx.query<ReminderDelivery>('deliveries', 'reminder', reminderId), { keyOf: (d) => [d.fireAt, d.id], length: 2 });
  }

  save(delivery: ReminderDelivery): Promise<void> {
    return this.tx.write(async () => {
      this.tx.put('deliveries', { k: [delivery.reminderId, delivery.fireAt, delivery.channel], doc: delivery, i: { reminder: delivery.reminderId } });
    });
  }
}

const NEWEST_FIRST = { keyOf: (e: CrmEvent) => [e.at, e.id], length: 2, descending: true };

export class IdbEventRepository implements EventRepository {
  constructor(private readonly tx: IdbTx) {}

  append(event: CrmEvent): Promise<void> {
    return this.tx.write(async () => {
      if (await this.tx.get('events', event.id)) throw storeConflicts.duplicateId('event', event.id);
      this.tx.put('events', { k: event.id, doc: event, i: { at: [event.at, event.id], entity: [event.entityType, event.entityId] } });
    });
  }

  async list(filter: EventFilter, page: PageRequest): Promise<Page<CrmEvent>> {
    const where = (e: CrmEvent): boolean => eventMatches(e, filter);
    if (filter.entityType !== undefined && filter.entityId !== undefined) {
      return paginate((await this.tx.query<CrmEvent>('events', 'entity', [filter.entityType, filter.entityId])).filter(where), page, NEWEST_FIRST);
    }
    const after = readCursor(page.cursor, 2);
    const range = after ? IDBKeyRange.upperBound([after[0], after[1]], true) : null;
    const rows = await this.tx.scan<CrmEvent>('events', { index: 'at', range, direction: 'prev', where, limit: page.limit + 1 });
    return pageFrom(rows, page.limit, NEWEST_FIRST.keyOf);
  }
}

export class IdbIdempotencyRepository implements IdempotencyRepository {
  constructor(private readonly tx: IdbTx) {}

  get(userId: string, key: string): Promise<IdempotencyRecord | null> {
    return this.tx.get<IdempotencyRecord>('idempotency', [userId, key]);
  }

  put(record: IdempotencyRecord): Promise<void> {
    return this.tx.write(async () => {
      if (await this.get(record.userId, record.key)) throw storeConflicts.idempotencyKeyTaken(record.key);
      this.tx.put('idempotency', { k: [record.userId, record.key], doc: record, i: { created: record.createdAt } });
    });
  }

  complete(userId: string, key: string, status: number, body: string): Promise<boolean> {
    return this.tx.write(async () => {
      const record = await this.get(userId, key);
      if (!record) return false;
      this.tx.put('idempotency', { k: [userId, key], doc: { ...record, status, body }, i: { created: record.createdAt } });
      return true;
    });
  }

  release(userId: string, key: string): Promise<void> {
    return this.tx.write(async () => this.tx.delete('idempotency', [userId, key]));
  }

  deleteBefore(createdAt: string): Promise<number> {
    return this.tx.write(async () => {
      const old = await this.tx.query<IdempotencyRecord>('idempotency', 'created', IDBKeyRange.upperBound(createdAt, true));
      for (const record of old) this.tx.delete('idempotency', [record.userId, record.key]);
      return old.length;
    });
  }
}

/** Values are kept as JSON text, so they come back the way a SQL store gives them. */
export class IdbSettingsRepository implements SettingsRepository {
  constructor(private readonly tx: IdbTx) {}

  async get<T = unknown>(key: string): Promise<T | null> {
    const json = await this.tx.get<string>('settings', key);
    return json === null ? null : (JSON.parse(json) as T | null);
  }

  set(key: string, value: unknown): Promise<void> {
    return this.tx.write(async () => this.tx.put('settings', { k: key, doc: JSON.stringify(value ?? null), i: {} }));
  }
}

import { storeConflicts } from '../store-conflicts.js';
import type { IdempotencyRecord, IdempotencyRepository } from '../idempotency.port.js';
import type { MemoryState } from './memory-state.js';

const keyOf = (userId: string, key: string): string => JSON.stringify([userId, key]);

export class MemoryIdempotencyRepository implements IdempotencyRepository {
  constructor(private readonly state: MemoryState) {}

  async get(userId: string, key: string): Promise<IdempotencyRecord | null> {
    return this.state.idempotency.get(keyOf(userId, key));
  }

  async put(record: IdempotencyRecord): Promise<void> {
    const id = keyOf(record.userId, record.key);
    if (this.state.idempotency.has(id)) throw storeConflicts.idempotencyKeyTaken(record.key);
    this.state.idempotency.set(id, record);
  }

  async complete(userId: string, key: string, status: number, body: string): Promise<boolean> {
    const id = keyOf(userId, key);
    const record = this.state.idempotency.get(id);
    if (!record) return false;
    this.state.idempotency.set(id, { ...record, status, body });
    return true;
  }

  async release(userId: string, key: string): Promise<void> {
    this.state.idempotency.delete(keyOf(userId, key));
  }

  async deleteBefore(createdAt: string): Promise<number> {
    let deleted = 0;
    for (const record of this.state.idempotency.all()) {
      if (record.createdAt < createdAt && this.state.idempotency.delete(keyOf(record.userId, record.key))) deleted += 1;
    }
    return deleted;
  }
}

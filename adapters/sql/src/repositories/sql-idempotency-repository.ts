import { storeConflicts, type IdempotencyRecord, type IdempotencyRepository } from '@rapport/core';
import type { SqlContext } from '../context.js';
import { affected } from '../sql-paging.js';

export class SqlIdempotencyRepository implements IdempotencyRepository {
  constructor(private readonly ctx: SqlContext) {}

  async get(userId: string, key: string): Promise<IdempotencyRecord | null> {
    const row = await this.ctx.db
      .selectFrom('idempotency_records')
      .selectAll()
      .where('user_id', '=', userId)
      .where('key', '=', key)
      .executeTakeFirst();
    return row
      ? { userId: row.user_id, key: row.key, fingerprint: row.fingerprint, status: row.status, body: row.body, createdAt: row.created_at }
      : null;
  }

  async put(record: IdempotencyRecord): Promise<void> {
    const result = await this.ctx.db
      .insertInto('idempotency_records')
      .values({
        user_id: record.userId,
        key: record.key,
        fingerprint: record.fingerprint,
        status: record.status,
        body: record.body,
        created_at: record.createdAt,
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0n) === 0) throw storeConflicts.idempotencyKeyTaken(record.key);
  }

  async complete(userId: string, key: string, status: number, body: string): Promise<boolean> {
    const result = await this.ctx.db
      .updateTable('idempotency_records')
      .set({ status, body })
      .where('user_id', '=', userId)
      .where('key', '=', key)
      .executeTakeFirst();
    return affected(result) > 0;
  }

  async release(userId: string, key: string): Promise<void> {
    await this.ctx.db.deleteFrom('idempotency_records').where('user_id', '=', userId).where('key', '=', key).execute();
  }

  async deleteBefore(createdAt: string): Promise<number> {
    return affected(await this.ctx.db.deleteFrom('idempotency_records').where('created_at', '<', createdAt).executeTakeFirst());
  }
}

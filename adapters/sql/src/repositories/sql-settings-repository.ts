import type { SettingsRepository } from '@rapport/core';
import type { SqlContext } from '../context.js';

export class SqlSettingsRepository implements SettingsRepository {
  constructor(private readonly ctx: SqlContext) {}

  async get<T = unknown>(key: string): Promise<T | null> {
    const row = await this.ctx.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
    return row ? this.ctx.engine.readNullableJson<T>(row.value) : null;
  }

  async set(key: string, value: unknown): Promise<void> {
    const json = this.ctx.engine.json(value);
    await this.ctx.db
      .insertInto('settings')
      .values({ key, value: json })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: json }))
      .execute();
  }
}

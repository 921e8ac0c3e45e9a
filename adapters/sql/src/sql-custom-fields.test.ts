import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aCustomField } from '@rapport/core/testing';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteStore } from './sqlite/sqlite-store.js';

/** A commonly filtered custom field gets an index on its value when it is defined, and loses it when it is removed for good. */
describe('custom field indexes on SQLite', () => {
  let dir = '';
  let file = '';
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'rapport-cf-index-'));
    file = join(dir, 'rapport.db');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const inspect = <T>(look: (db: BetterSqlite3.Database) => T): T => {
    const db = new BetterSqlite3(file, { readonly: true });
    try {
      return look(db);
    } finally {
      db.close();
    }
  };
  const plan = (query: string): string =>
    inspect((db) => (db.prepare(`EXPLAIN QUERY PLAN ${query}`).all() as Array<{ detail: string }>).map((row) => row.detail).join('\n'));
  const indexes = (): string[] => inspect((db) => (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'cf_%' ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name));

  it('answers a filter on a select from the index made for it, and drops it with the field; a text field gets none', async () => {
    const store = await createSqliteStore({ file });
    const region = aCustomField({ key: 'region', type: 'single_select', options: [{ id: 'emea', label: 'EMEA' }] });
    const note = aCustomField({ key: 'note', type: 'text' });
    const tier = aCustomField({ objectType: 'account', key: 'tier', type: 'number' });
    await store.transaction(async (uow) => {
      for (const field of [region, note, tier]) await uow.customFields.insert(field);
    });
    expect(indexes()).toEqual(['cf_accounts_tier', 'cf_deals_region']);
    expect(plan("SELECT id FROM deals WHERE json_extract(custom_fields, '$.region') IN ('emea')")).toContain('cf_deals_region');
    await store.transaction((uow) => uow.customFields.delete(region.id));
    expect(indexes()).toEqual(['cf_accounts_tier']);
    await store.close();
  });
});

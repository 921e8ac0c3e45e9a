import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aContact, aDeal, anAccount, anActivity, aStageChange, aUser } from '@rapport/core/testing';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { createPostgresStore } from '../postgres/postgres-store.js';
import type { SqlStore } from '../sql-store.js';
import { createSqliteStore } from '../sqlite/sqlite-store.js';
import { createTestDatabase, type TestDatabase } from '../testing/index.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrate.js';

interface Engine {
  kind: 'sqlite' | 'postgres';
  open(): Promise<SqlStore>;
  /** Runs SQL on the database directly, outside any Store. */
  query(text: string): Promise<unknown[]>;
}

function describeMigrationRules(engine: () => Engine): void {
  it('migrates a new database once, records it, and keeps data across reopening', async () => {
    const deal = aDeal({ title: 'Survives a restart ✓' });
    const contact = aContact({ name: 'Zoë 王', emails: ['zoe@acme.com'] });
    const first = await engine().open();
    await first.transaction(async (uow) => {
      await uow.deals.insert(deal);
      await uow.contacts.insert(contact);
    });
    await first.close();
    const second = await engine().open();
    expect(await second.read((uow) => uow.deals.get(deal.id))).toEqual(deal);
    expect((await second.read((uow) => uow.contacts.findByEmails(['zoe@acme.com']))).map((c) => c.id)).toEqual([contact.id]);
    await second.close();
    const recorded = await engine().query('SELECT version, name FROM schema_migrations ORDER BY version');
    expect(recorded).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    expect(recorded).toHaveLength(MIGRATIONS.length);
    expect(Math.max(...recorded.map((r) => (r as { version: number }).version))).toBe(SCHEMA_VERSION);
  });

  it('refuses a database a newer Rapport has migrated, and leaves it as it was', async () => {
    await (await engine().open()).close();
    const newer = SCHEMA_VERSION + 1;
    await engine().query(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (${newer}, 'from the future', '2030-01-01T00:00:00.000Z')`);
    const refusal = await engine()
      .open()
      .then(() => null, (error: unknown) => error);
    expect(refusal).toMatchObject({ name: 'CrmError', code: 'unavailable', details: { databaseSchemaVersion: newer, supportedSchemaVersion: SCHEMA_VERSION } });
    expect((refusal as Error).message).toMatch(/newer Rapport.*Upgrade Rapport/);
    expect(await engine().query('SELECT version FROM schema_migrations ORDER BY version')).toEqual([...MIGRATIONS.map((m) => ({ version: m.version })), { version: newer }]);
  });

  /** Version 15's down: reminders without the email they await a reply to. Every test going back to 10 or before needs it. */
  const undoVersion15 = async (): Promise<void> => {
    await undoVersion16();
    await engine().query('ALTER TABLE reminders DROP COLUMN awaiting_reply');
  };

  /** Version 12's down: pipelines without team and version, a ledger without pipelines, deals without title keys and sort indexes. */
  const undoVersion12 = async (): Promise<void> => {
    await undoVersion13();
    for (const index of ['deals_by_amount', 'deals_by_close_date_sort', 'deals_by_stage_entered', 'deals_by_created_id', 'deals_by_title']) await engine().query(`DROP INDEX ${index}`);
    await engine().query('ALTER TABLE deals DROP COLUMN title_key');
    for (const column of ['pipeline_id', 'from_pipeline_id']) await engine().query(`ALTER TABLE stage_changes DROP COLUMN ${column}`);
    for (const column of ['team_id', 'version', 'updated_at']) await engine().query(`ALTER TABLE pipelines DROP COLUMN ${column}`);
  };

  /** Undoes versions 5 to 10, newest first (those before need options or tests of their own). */
  const undoVersions5To10 = async (): Promise<void> => {
    await undoVersion10();
    await undoVersion9();
    await undoVersion8();
    await undoVersion7();
    await undoVersion6();
    await undoVersion5();
  };

  /** Version 13's down: the exchange rates table. */
  const undoVersion13 = async (): Promise<void> => {
    await undoVersion14();
    await engine().query('DROP TABLE exchange_rates');
  };

  /** Version 14's down: the import tables. */
  const undoVersion14 = async (): Promise<void> => {
    await undoVersion15();
    for (const table of ['import_rejections', 'import_jobs', 'import_links']) await engine().query(`DROP TABLE ${table}`);
  };

  /** Version 17's down: the connector tables. */
  const undoVersion17 = async (): Promise<void> => {
    for (const table of ['sync_outbox', 'sync_cursors', 'remote_links', 'crm_connections']) await engine().query(`DROP TABLE ${table}`);
  };

  /** Version 11's down: the custom field definitions and the records' value columns. */
  const undoVersion11 = async (): Promise<void> => {
    await undoVersion12();
    await engine().query('DROP TABLE custom_fields');
    for (const table of ['accounts', 'contacts', 'deals']) await engine().query(`ALTER TABLE ${table} DROP COLUMN custom_fields`);
  };

  /**
   * Version 10's down: the term table as version 3 left it, holding each entry's terms again,
   * then the entries and (SQLite) their text index and its triggers.
   */
  const undoVersion10 = async (): Promise<void> => {
    // Every later version first (each undo starts with the versions after it), so a test can step back to 10 or before.
    await undoVersion11();
    const text = engine().kind === 'postgres' ? 'text COLLATE "C"' : 'TEXT';
    await engine().query(`CREATE TABLE search_terms (entity_kind ${text} NOT NULL, entity_id ${text} NOT NULL, term ${text} NOT NULL,
      sort_key ${text} NOT NULL DEFAULT '', PRIMARY KEY (entity_kind, term, entity_id))`);
    await engine().query('CREATE INDEX search_terms_by_term_name ON search_terms (entity_kind, term, sort_key, entity_id)');
    await engine().query('CREATE INDEX search_terms_by_entity ON search_terms (entity_kind, entity_id, term)');
    const literal = (value: string): string => `'${value.replaceAll("'", "''")}'`;
    const entries = (await engine().query('SELECT entity_kind, entity_id, sort_key, terms FROM search_entries')) as Array<Record<'entity_kind' | 'entity_id' | 'sort_key' | 'terms', string>>;
    for (const entry of entries) {
      for (const term of entry.terms.trim().split(' ').filter((t) => t.length > 0)) {
        await engine().query(`INSERT INTO search_terms (entity_kind, entity_id, term, sort_key) VALUES (${[entry.entity_kind, entry.entity_id, term, entry.sort_key].map(literal).join(', ')})`);
      }
    }
    if (engine().kind === 'sqlite') for (const op of ['insert', 'update', 'delete']) await engine().query(`DROP TRIGGER search_entries_fts_${op}`);
    if (engine().kind === 'sqlite') await engine().query('DROP TABLE search_entries_fts');
    await engine().query('DROP TABLE search_entries');
  };

  /**
   * Version 16's down: PostgreSQL's prefix table, its trigger and functions go and the trigram
   * index is back; SQLite's entries are written again in the order of their ids, numbered one
   * after another as version 10 numbered them.
   */
  const undoVersion16 = async (): Promise<void> => {
    await undoVersion17();
    if (engine().kind === 'postgres') {
      await engine().query('DROP FUNCTION search_entries_keep_prefixes() CASCADE');
      await engine().query('DROP FUNCTION search_entry_prefixes(text)');
      await engine().query('DROP TABLE search_prefixes');
      await engine().query('CREATE INDEX search_entries_by_terms ON search_entries USING gin (terms gin_trgm_ops)');
      return;
    }
    await engine().query('DROP INDEX search_entries_in_name_order');
    await engine().query('CREATE TABLE entries_before AS SELECT entity_kind, entity_id, sort_key, terms FROM search_entries ORDER BY entity_kind DESC, entity_id DESC');
    await engine().query('DELETE FROM search_entries');
    await engine().query('INSERT INTO search_entries (entity_kind, entity_id, sort_key, terms) SELECT * FROM entries_before');
    await engine().query('DROP TABLE entries_before');
  };

  /** Version 9's down: its triggers (PostgreSQL: with their functions), then its tables. */
  const undoVersion9 = async (): Promise<void> => {
    if (engine().kind === 'postgres') {
      for (const fn of ['deals_keep_account_summaries', 'activities_keep_account_summaries']) await engine().query(`DROP FUNCTION ${fn}() CASCADE`);
    } else {
      for (const table of ['deals', 'activities']) for (const op of ['insert', 'update', 'delete']) await engine().query(`DROP TRIGGER ${table}_summary_${op}`);
    }
    for (const table of ['account_order_totals', 'account_touch_totals']) await engine().query(`DROP TABLE ${table}`);
  };

  const undoVersion8 = async (): Promise<void> => {
    await engine().query('DROP INDEX deal_stage_times_by_duration');
  };

  const undoVersion7 = async (): Promise<void> => {
    await engine().query('DROP INDEX users_by_email');
    await engine().query('CREATE INDEX users_by_email ON users (email)');
  };

  const undoVersion6 = async (): Promise<void> => {
    await engine().query('DROP INDEX stage_changes_stages');
    await engine().query('DROP INDEX deals_by_closed');
    await engine().query('CREATE INDEX deals_by_closed ON deals (status, closed_at)');
  };

  const undoVersion5 = async (): Promise<void> => {
    await engine().query('DROP INDEX activities_by_time_and_author');
    await engine().query('DROP INDEX stage_changes_by_time');
    await engine().query('CREATE INDEX stage_changes_by_time ON stage_changes (at)');
  };

  /** Undoes version 4's indexes on deals, and (unless the table goes too) its stage-time columns. */
  const undoVersion4 = async (options: { keepStageTimes: boolean }): Promise<void> => {
    for (const index of ['deals_open_by_stage', 'deals_won_by_account', 'deals_by_pipeline']) await engine().query(`DROP INDEX ${index}`);
    await engine().query('CREATE INDEX deals_by_pipeline ON deals (pipeline_id, status, stage_id, currency)');
    if (!options.keepStageTimes) return;
    for (const index of ['deal_stage_times_by_exit', 'deal_stage_times_sitting']) await engine().query(`DROP INDEX ${index}`);
    for (const column of ['pipeline_id', 'owner_id', 'sitting']) await engine().query(`ALTER TABLE deal_stage_times DROP COLUMN ${column}`);
    await engine().query('CREATE INDEX deal_stage_times_by_exit ON deal_stage_times (last_left_at, deal_id, stage_id)');
  };

  const undoVersion3 = async (): Promise<void> => {
    await engine().query('DROP INDEX search_terms_by_term_name');
    await engine().query('DROP INDEX search_terms_by_entity');
    await engine().query('ALTER TABLE search_terms DROP COLUMN sort_key');
    await engine().query('CREATE INDEX search_terms_by_entity ON search_terms (entity_kind, entity_id)');
  };

  it('stops the upgrade to version 7 when two users share an address, names it, and changes nothing', async () => {
    const first = await engine().open();
    await first.transaction(async (uow) => {
      await uow.users.insert(aUser({ id: 'usr_ann1', email: 'ann@acme.com' }));
      await uow.users.insert(aUser({ id: 'usr_ann2', email: 'ann.lee@acme.com' }));
    });
    await first.close();
    await undoVersion10();
    await undoVersion9();
    await undoVersion8();
    await undoVersion7();
    await engine().query("DELETE FROM schema_migrations WHERE version >= 7");
    // What an older Rapport let happen: a second user at the same address.
    await engine().query("UPDATE users SET email = 'ann@acme.com' WHERE id = 'usr_ann2'");
    const refusal = await engine()
      .open()
      .then(() => null, (error: unknown) => error);
    expect(refusal).toMatchObject({ name: 'CrmError', code: 'unavailable', details: { sharedEmails: ['ann@acme.com'] } });
    expect((refusal as Error).message).toMatch(/ann@acme\.com \(users usr_ann1, usr_ann2\).*Nothing was changed/);
    expect(await engine().query('SELECT MAX(version) AS v FROM schema_migrations')).toEqual([{ v: 6 }]);
    expect(await engine().query('SELECT id, email FROM users ORDER BY id')).toEqual([{ id: 'usr_ann1', email: 'ann@acme.com' }, { id: 'usr_ann2', email: 'ann@acme.com' }]);
    // Fixed by hand, the upgrade goes through and the database refuses a second Ann from then on.
    await engine().query("UPDATE users SET email = 'ann.lee@acme.com' WHERE id = 'usr_ann2'");
    const upgraded = await engine().open();
    const clash = await upgraded.transaction((uow) => uow.users.insert(aUser({ id: 'usr_ann3', email: 'ann@acme.com' }))).then(() => null, (error: unknown) => error);
    await upgraded.close();
    expect(clash).toMatchObject({ code: 'conflict' });
  });

  it('sums up the won deals and activities a database already holds when it upgrades to version 9, and keeps them summed up', async () => {
    const asOf = '2026-06-01T00:00:00.000Z';
    const first = await engine().open();
    await first.transaction(async (uow) => {
      await uow.accounts.insert(anAccount({ id: 'acc_kim', ownerId: 'usr_kim' }));
      await uow.deals.insert(aDeal({ accountId: 'acc_kim', status: 'won', closedAt: '2026-02-01T00:00:00.000Z', amount: { minor: 4_000, currency: 'EUR' } }));
      await uow.deals.insert(aDeal({ accountId: 'acc_kim', status: 'won', closedAt: '2026-03-01T00:00:00.000Z', amount: { minor: 6_000, currency: 'EUR' } }));
      await uow.deals.insert(aDeal({ accountId: 'acc_kim', status: 'lost', closedAt: '2026-04-01T00:00:00.000Z' }));
      await uow.activities.insert(anActivity({ accountId: 'acc_kim', occurredAt: '2026-01-15T00:00:00.000Z' }));
      await uow.activities.insert(anActivity({ accountId: 'acc_kim', occurredAt: '2026-03-15T00:00:00.000Z' }));
    });
    await first.close();
    await undoVersion10();
    await undoVersion9();
    await engine().query('DELETE FROM schema_migrations WHERE version >= 9');
    const upgraded = await engine().open();
    const read = () =>
      upgraded.read(async (uow) => ({ orders: await uow.analytics.accountOrders({ asOf }), touches: await uow.analytics.accountTouches({ asOf, accountIds: ['acc_kim'] }) }));
    const before = await read();
    await upgraded.transaction((uow) => uow.activities.insert(anActivity({ accountId: 'acc_kim', occurredAt: '2026-05-01T00:00:00.000Z' })));
    const after = await read();
    await upgraded.close();
    expect(before).toEqual({
      orders: [{ accountId: 'acc_kim', ownerId: 'usr_kim', orders: 2, firstOrderAt: '2026-02-01T00:00:00.000Z', lastOrderAt: '2026-03-01T00:00:00.000Z', byCurrency: [{ currency: 'EUR', amountMinor: 10_000 }] }],
      touches: [{ accountId: 'acc_kim', touches: 2, firstTouchAt: '2026-01-15T00:00:00.000Z', lastTouchAt: '2026-03-15T00:00:00.000Z' }],
    });
    expect(after.touches).toEqual([{ accountId: 'acc_kim', touches: 3, firstTouchAt: '2026-01-15T00:00:00.000Z', lastTouchAt: '2026-05-01T00:00:00.000Z' }]);
    expect(await engine().query('SELECT account_id, touches FROM account_touch_totals')).toEqual([{ account_id: 'acc_kim', touches: 3 }]);
  });

  it('gives the stage history its pipelines and deals their title keys when it upgrades to version 12', async () => {
    const first = await engine().open();
    const zeta = aDeal({ id: 'deal_zeta', title: 'Zeta', pipelineId: 'pipe_partners' });
    const alpha = aDeal({ id: 'deal_alpha', title: 'Älpha' });
    await first.transaction(async (uow) => {
      for (const deal of [zeta, alpha]) await uow.deals.insert(deal);
      await uow.deals.appendStageChange(aStageChange({ id: 'stg_1', dealId: zeta.id, at: '2026-01-01T00:00:00.000Z' }));
      await uow.deals.appendStageChange(aStageChange({ id: 'stg_2', dealId: zeta.id, fromStageId: 'lead', fromStatus: 'open', stageId: 'demo', at: '2026-01-02T00:00:00.000Z' }));
    });
    await first.close();
    await undoVersion12();
    await engine().query('DELETE FROM schema_migrations WHERE version >= 12');
    const upgraded = await engine().open();
    const history = await upgraded.read((uow) => uow.deals.stageHistory(zeta.id));
    const byTitle = await upgraded.read((uow) => uow.deals.list({}, { limit: 10 }, { key: 'title', descending: false }));
    await upgraded.close();
    expect(history.map((c) => [c.id, c.fromPipelineId, c.pipelineId])).toEqual([['stg_1', null, 'pipe_partners'], ['stg_2', 'pipe_partners', 'pipe_partners']]);
    expect(byTitle.items.map((d) => d.id)).toEqual(['deal_alpha', 'deal_zeta']);
  });

  it('indexes the contacts and accounts a database already holds when it upgrades to version 10, and keeps them indexed', async () => {
    const first = await engine().open();
    await first.transaction(async (uow) => {
      await uow.accounts.insert(anAccount({ id: 'acc_huawei', name: '深圳华为技术有限公司', domains: ['huawei.com'] }));
      await uow.contacts.insert(aContact({ id: 'con_jose', name: 'José García', emails: ['pepe@acme.com'] }));
      await uow.contacts.insert(aContact({ id: 'con_wang', name: '王芳', emails: [] }));
    });
    await first.close();
    await undoVersion10();
    await engine().query('DELETE FROM schema_migrations WHERE version >= 10');
    expect(await engine().query("SELECT entity_id FROM search_terms WHERE term = 'jose'")).toEqual([{ entity_id: 'con_jose' }]);
    const upgraded = await engine().open();
    const search = async (text: string) => {
      const found = await upgraded.read((uow) => uow.search.customers({ words: text.split(' '), limit: 10 }));
      return [...found.contacts, ...found.accounts].map((record) => record.id);
    };
    const before = { jose: await search('jose'), pepe: await search('pepe'), wang: await search('王'), huawei: await search('华为'), domain: await search('huawei') };
    await upgraded.transaction((uow) => uow.contacts.insert(aContact({ id: 'con_wei', name: '王伟', emails: [] })));
    const after = await search('王');
    await upgraded.close();
    expect(before).toEqual({ jose: ['con_jose'], pepe: ['con_jose'], wang: ['con_wang'], huawei: ['acc_huawei'], domain: ['acc_huawei'] });
    expect(after).toEqual(['con_wei', 'con_wang']);
    expect(await engine().query("SELECT COUNT(*) AS n FROM schema_migrations WHERE version = 10 AND name = 'search by text index'")).toEqual([{ n: engine().kind === 'postgres' ? '1' : 1 }]);
  });

  it('puts the entries a database already holds in name order when it upgrades to version 16, and keeps new ones in it', async () => {
    const names = ['Kohl Zed', 'kohl adams', 'Köhler Berg', 'Kohn Able', 'Kohl Adams', 'Ann Kohlmann', '王 Kohl'];
    const first = await engine().open();
    await first.transaction(async (uow) => {
      for (const [i, name] of names.entries()) await uow.contacts.insert(aContact({ id: `con_${String(9 - i)}`, name, emails: [] }));
      await uow.accounts.insert(anAccount({ id: 'acc_kohl', name: 'Kohl GmbH', domains: ['kohl.de'] }));
    });
    await first.close();
    await undoVersion16();
    await engine().query('DELETE FROM schema_migrations WHERE version >= 16');
    const upgraded = await engine().open();
    const search = async (text: string, limit: number) => {
      const found = await upgraded.read((uow) => uow.search.customers({ words: text.split(' '), limit }));
      return { contacts: found.contacts.map((c) => c.name), accounts: found.accounts.map((a) => a.id) };
    };
    const before = await search('kohl', 3);
    await upgraded.transaction((uow) => uow.contacts.insert(aContact({ id: 'con_new', name: 'Kohl Aaron', emails: [] })));
    const after = await search('kohl', 3);
    const twoWords = await search('kohl a', 10);
    await upgraded.close();
    // "kohl adams" and "Kohl Adams" share a sort key: the one with the smaller id comes first (con_5 before con_8).
    expect(before).toEqual({ contacts: ['Ann Kohlmann', 'Kohl Adams', 'kohl adams'], accounts: ['acc_kohl'] });
    expect(after.contacts).toEqual(['Ann Kohlmann', 'Kohl Aaron', 'Kohl Adams']);
    expect(twoWords.contacts).toEqual(['Ann Kohlmann', 'Kohl Aaron', 'Kohl Adams', 'kohl adams']);
  });

  it('reads the accounts and contacts a database already holds with no custom field values when it upgrades to version 11', async () => {
    const first = await engine().open();
    await first.transaction(async (uow) => {
      await uow.accounts.insert(anAccount({ id: 'acc_old', name: 'Old Account' }));
      await uow.contacts.insert(aContact({ id: 'con_old', name: 'Old Contact', emails: [] }));
    });
    await first.close();
    await undoVersion11();
    await engine().query('DELETE FROM schema_migrations WHERE version >= 11');
    const upgraded = await engine().open();
    const read = await upgraded.read(async (uow) => ({ account: await uow.accounts.get('acc_old'), contact: await uow.contacts.get('con_old') }));
    await upgraded.close();
    expect(read.account?.customFields).toEqual({});
    expect(read.contact?.customFields).toEqual({});
  });

  it('gives existing search terms their names\' sort keys when it upgrades to version 3', async () => {
    const first = await engine().open();
    await first.transaction(async (uow) => {
      await uow.contacts.insert(aContact({ id: 'con_zoe', name: 'Zoë Annan', emails: [] }));
      await uow.contacts.insert(aContact({ id: 'con_ann', name: 'Ann Lee', emails: [] }));
    });
    await first.close();
    await undoVersions5To10();
    await undoVersion4({ keepStageTimes: true });
    await undoVersion3();
    await engine().query('DELETE FROM schema_migrations WHERE version >= 3');
    const upgraded = await engine().open();
    const found = await upgraded.read((uow) => uow.search.customers({ words: ['ann'], limit: 10 }));
    await upgraded.close();
    expect(found.contacts.map((c) => c.name)).toEqual(['Ann Lee', 'Zoë Annan']);
  });

  it('folds the stage history a database already holds into time in stage when it upgrades to version 2', async () => {
    const deal = aDeal({ stageId: 'demo', stageEnteredAt: '2026-03-04T00:00:00.000Z' });
    const first = await engine().open();
    await first.transaction(async (uow) => {
      await uow.deals.insert(deal);
      await uow.deals.appendStageChange(aStageChange({ dealId: deal.id, stageId: 'lead', at: '2026-03-01T00:00:00.000Z' }));
      await uow.deals.appendStageChange(aStageChange({ dealId: deal.id, fromStageId: 'lead', stageId: 'demo', at: '2026-03-04T00:00:00.000Z' }));
    });
    await first.close();
    // Back to how version 1 left it: without what later versions added, no analytics tables or indexes, and not recorded.
    await undoVersions5To10();
    for (const table of ['targets', 'campaigns', 'deal_stage_times']) await engine().query(`DROP TABLE ${table}`);
    for (const index of ['deals_by_closed', 'deals_by_created', 'stage_changes_by_time', 'contacts_by_created', 'accounts_by_created', 'reminders_by_completion']) await engine().query(`DROP INDEX ${index}`);
    await undoVersion4({ keepStageTimes: false });
    await undoVersion3();
    await engine().query('DELETE FROM schema_migrations WHERE version >= 2');
    const upgraded = await engine().open();
    const durations = await upgraded.read((uow) => uow.analytics.stageDurations({ pipelineId: deal.pipelineId, leftFrom: '2026-01-01T00:00:00.000Z', leftTo: '2027-01-01T00:00:00.000Z' }));
    await upgraded.close();
    expect(durations).toEqual([{ stageId: 'lead', count: 1, totalMs: 3 * 86_400_000, medianLowMs: 3 * 86_400_000, medianHighMs: 3 * 86_400_000 }]);
  });

  it('gives stage times their deal\'s pipeline, owner and current stage when it upgrades to version 4', async () => {
    // In Lead for 3 days, in Demo for 2, back in Lead now: its Lead time is not a finished sample.
    const deal = aDeal({ ownerId: 'usr_kim', stageId: 'lead', stageEnteredAt: '2026-03-06T00:00:00.000Z' });
    const first = await engine().open();
    await first.transaction(async (uow) => {
      await uow.deals.insert(deal);
      await uow.deals.appendStageChange(aStageChange({ dealId: deal.id, stageId: 'lead', at: '2026-03-01T00:00:00.000Z' }));
      await uow.deals.appendStageChange(aStageChange({ dealId: deal.id, fromStageId: 'lead', stageId: 'demo', at: '2026-03-04T00:00:00.000Z' }));
      await uow.deals.appendStageChange(aStageChange({ dealId: deal.id, fromStageId: 'demo', stageId: 'lead', at: '2026-03-06T00:00:00.000Z' }));
    });
    await first.close();
    await undoVersions5To10();
    await undoVersion4({ keepStageTimes: true });
    await engine().query('DELETE FROM schema_migrations WHERE version >= 4');
    const upgraded = await engine().open();
    const durations = await upgraded.read((uow) =>
      uow.analytics.stageDurations({ pipelineId: deal.pipelineId, leftFrom: '2026-01-01T00:00:00.000Z', leftTo: '2027-01-01T00:00:00.000Z', ownerIds: ['usr_kim'] }),
    );
    await upgraded.close();
    expect(durations).toEqual([{ stageId: 'demo', count: 1, totalMs: 2 * 86_400_000, medianLowMs: 2 * 86_400_000, medianHighMs: 2 * 86_400_000 }]);
  });
}

describe('migrations on SQLite', () => {
  let dir = '';
  let file = '';
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'rapport-migrate-'));
    file = join(dir, 'rapport.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  describeMigrationRules(() => ({
    kind: 'sqlite',
    open: () => createSqliteStore({ file }),
    async query(text) {
      const db = new BetterSqlite3(file);
      try {
        const statement = db.prepare(text);
        return statement.reader ? statement.all() : (statement.run(), []);
      } finally {
        db.close();
      }
    },
  }));

  it('opens the file in WAL mode', async () => {
    await (await createSqliteStore({ file })).close();
    const db = new BetterSqlite3(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    db.close();
  });

  it('says a file that is not a database is unavailable', async () => {
    writeFileSync(file, 'this is not a SQLite database, just some text that is long enough to have a header');
    await expect(createSqliteStore({ file })).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining(file) });
  });
});

const adminUrl = inject('postgresUrl');

describe.skipIf(!adminUrl)('migrations on PostgreSQL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(adminUrl ?? '', { prefix: 'rapport_migrate' });
  });
  afterAll(async () => {
    await database?.drop();
  });
  beforeEach(async () => {
    await database.reset();
  });

  const query = async (text: string): Promise<unknown[]> => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      return (await client.query(text)).rows;
    } finally {
      await client.end();
    }
  };

  describeMigrationRules(() => ({ kind: 'postgres', open: () => createPostgresStore({ url: database.url, poolSize: 2 }), query }));

  it('lets several hubs open a new database at once: one migrates, the others wait', async () => {
    const stores = await Promise.all(Array.from({ length: 4 }, () => createPostgresStore({ url: database.url, poolSize: 2 })));
    await Promise.all(stores.map((store) => store.close()));
    expect(await query('SELECT version FROM schema_migrations ORDER BY version')).toEqual(MIGRATIONS.map((m) => ({ version: m.version })));
  });
});

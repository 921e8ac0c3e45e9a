import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSqliteStore } from './sqlite-store.js';

/**
 * The shapes of the queries the repositories send, checked against SQLite's planner: each is
 * answered from an index, in index order (no scan of the table, no sort of every row).
 */
describe('SQLite query plans', () => {
  let dir = '';
  let db: BetterSqlite3.Database;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rapport-plans-'));
    const file = join(dir, 'rapport.db');
    await (await createSqliteStore({ file })).close();
    db = new BetterSqlite3(file);
    db.exec('ANALYZE');
  });
  afterAll(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const plan = (query: string): string => {
    const parameters = Array.from(query.matchAll(/\?/g), () => 'x');
    const rows = db.prepare(`EXPLAIN QUERY PLAN ${query}`).all(...parameters) as Array<{ detail: string }>;
    return rows.map((row) => row.detail).join('\n');
  };

  const cases: Array<[string, string, string]> = [
    ['a search word', `SELECT rowid FROM search_entries_fts WHERE search_entries_fts MATCH '"ann"*'`, 'search_entries_fts VIRTUAL TABLE INDEX'],
    ['a search match’s entry', 'SELECT entity_kind, entity_id, sort_key FROM search_entries WHERE id = ?', 'INTEGER PRIMARY KEY'],
    [
      'a new search entry’s neighbour in name order',
      `SELECT id FROM search_entries WHERE entity_kind = 'contact' AND (sort_key, entity_id) < ('ann', 'con_1') ORDER BY sort_key DESC, entity_id DESC LIMIT 1`,
      'search_entries_in_name_order',
    ],
    ['a page of contacts by name', 'SELECT * FROM contacts WHERE (sort_key, id) > (?, ?) ORDER BY sort_key, id LIMIT 51', 'contacts_by_name'],
    ['a page of one owner’s accounts', 'SELECT * FROM accounts WHERE owner_id IN (?) AND (sort_key, id) > (?, ?) ORDER BY sort_key, id LIMIT 51', 'accounts_by_owner'],
    ['contacts by canonical address', 'SELECT contact_id FROM contact_emails WHERE canonical IN (?)', 'contact_emails_by_canonical'],
    ['activities of a contact, newest first', 'SELECT * FROM activities WHERE contact_id IN (?) ORDER BY occurred_at DESC, id DESC LIMIT 51', 'activities_by_contact'],
    ['events, newest first', 'SELECT * FROM events WHERE (at, id) < (?, ?) ORDER BY at DESC, id DESC LIMIT 51', 'events_by_time'],
    ['reminders by fire time', 'SELECT * FROM reminders WHERE assignee_id = ? ORDER BY fire_at, id LIMIT 51', 'reminders_by_assignee'],
    [
      'alerts to claim',
      "SELECT id FROM reminders WHERE status = 'open' AND alert_at IS NOT NULL AND alert_at <= ? AND (lease_until IS NULL OR lease_until <= ?) ORDER BY alert_at, id LIMIT 10",
      'reminders_open_alerts',
    ],
    ['stage totals', "SELECT stage_id, currency, count(*) FROM deals WHERE pipeline_id = ? AND status IN ('open') GROUP BY stage_id, currency", 'deals_by_pipeline'],
    ['a stage history', 'SELECT * FROM stage_changes WHERE deal_id = ? ORDER BY at, id', 'stage_changes_by_deal'],
    ['pipeline totals with amounts', "SELECT stage_id, currency, count(*), sum(amount_minor), sum((amount_minor * probability + 50) / 100) FROM deals WHERE pipeline_id = ? AND status IN ('open') GROUP BY stage_id, currency", 'COVERING INDEX deals_by_pipeline'],
    ['stage-time samples of a period', 'SELECT stage_id, duration_ms FROM deal_stage_times WHERE pipeline_id = ? AND last_left_at >= ? AND last_left_at < ? AND sitting = 0', 'COVERING INDEX deal_stage_times_by_exit'],
    ['the oldest open deals of a stage', "SELECT id FROM deals WHERE pipeline_id = ? AND status = 'open' AND stage_id = ? AND stage_entered_at < ? ORDER BY stage_entered_at, id LIMIT 50", 'deals_open_by_stage'],
    ['won deals by account', "SELECT account_id, currency, count(*), sum(amount_minor), max(closed_at) FROM deals WHERE status = 'won' AND closed_at < ? GROUP BY account_id, currency", 'COVERING INDEX deals_won_by_account'],
    ['an account’s first and last touch (the summary triggers)', 'SELECT MAX(occurred_at) FROM activities INDEXED BY activities_by_account WHERE account_id = ?', 'COVERING INDEX activities_by_account'],
    ['an account’s first and last order in a currency (the summary triggers)', "SELECT MIN(closed_at) FROM deals INDEXED BY deals_won_by_account WHERE status = 'won' AND account_id = ? AND currency = ?", 'COVERING INDEX deals_won_by_account'],
    ['accounts with an order dated ahead', 'SELECT account_id FROM account_order_totals WHERE last_order_at >= ?', 'COVERING INDEX account_order_totals_by_last_order'],
    [
      'won amounts by account from their totals',
      'SELECT t.account_id, a.owner_id, t.currency, t.amount_minor, t.first_order_at, t.last_order_at FROM account_order_totals t CROSS JOIN accounts a WHERE a.id = t.account_id ORDER BY t.account_id, t.currency',
      'SCAN t USING INDEX sqlite_autoindex_account_order_totals_1',
    ],
    ['a week of activities by author and type', 'SELECT author_id, type, count(*) FROM activities WHERE occurred_at >= ? AND occurred_at < ? GROUP BY author_id, type', 'COVERING INDEX activities_by_time_and_author'],
    ['the stage moves of a week', 'SELECT deal_id FROM stage_changes WHERE at >= ? AND at < ? AND from_stage_id IS NOT NULL AND from_stage_id <> stage_id', 'COVERING INDEX stage_changes_by_time'],
    ['deals closed in a period', "SELECT owner_id, currency, count(*) FROM deals WHERE status IN ('won') AND closed_at >= ? AND closed_at < ? GROUP BY owner_id, currency", 'deals_by_closed'],
  ];

  it.each(cases)('answers %s from an index', (_what, query, index) => {
    const detail = plan(query);
    expect(detail).toContain(index);
    expect(detail).not.toMatch(/SCAN (contacts|accounts|activities|events|reminders|deals|search_entries|contact_emails|stage_changes)\b(?! USING)/);
    expect(detail).not.toContain('USE TEMP B-TREE FOR ORDER BY');
  });
});

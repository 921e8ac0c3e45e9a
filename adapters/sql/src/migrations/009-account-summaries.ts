import type { Migration } from './migration.js';

/**
 * What each account has bought and how often it was touched, kept up to date by triggers on
 * every write to deals and activities, so churn risks and segments read a row per account
 * instead of every won deal and activity:
 *
 * - `account_order_totals`: per account and currency, its won deals with a close time: count,
 *   amount, first and last close;
 * - `account_touch_totals`: per account, its activities: count, first and last occurrence.
 *
 * A row entering (a deal won, an activity logged or moved in) adds itself to its row of totals; a
 * row leaving takes itself off the counts and reads the first and last instants back from the
 * indexes by account. On PostgreSQL the leaving side first locks that row of totals, so
 * concurrent writers to one account take turns and each reads the other's committed rows.
 */
export const accountSummaries: Migration = {
  version: 9,
  name: 'account summaries',
  statements: ({ engine, text, int, bigint, table }) => [
    `CREATE TABLE account_order_totals (account_id ${text} NOT NULL, currency ${text} NOT NULL, orders ${int} NOT NULL,
      amount_minor ${bigint} NOT NULL, first_order_at ${text} NOT NULL, last_order_at ${text} NOT NULL, PRIMARY KEY (account_id, currency))${table}`,
    'CREATE INDEX account_order_totals_by_last_order ON account_order_totals (last_order_at, account_id)',
    `CREATE TABLE account_touch_totals (account_id ${text} PRIMARY KEY, touches ${int} NOT NULL, first_touch_at ${text},
      last_touch_at ${text})${table}`,
    `INSERT INTO account_order_totals (account_id, currency, orders, amount_minor, first_order_at, last_order_at)
      SELECT account_id, currency, COUNT(*), CAST(SUM(amount_minor) AS bigint), MIN(closed_at), MAX(closed_at) FROM deals
      WHERE status = 'won' AND closed_at IS NOT NULL GROUP BY account_id, currency`,
    `INSERT INTO account_touch_totals (account_id, touches, first_touch_at, last_touch_at)
      SELECT account_id, COUNT(*), MIN(occurred_at), MAX(occurred_at) FROM activities WHERE account_id IS NOT NULL GROUP BY account_id`,
    ...(engine === 'postgres' ? postgresTriggers() : sqliteTriggers()),
  ],
};

const WON = (row: 'OLD' | 'NEW'): string => `${row}.status = 'won' AND ${row}.closed_at IS NOT NULL`;

/** What the trigger statements write differently on each engine. */
interface Dialect {
  /** The lesser and greater of two instants, either of which may be NULL. */
  min(a: string, b: string): string;
  max(a: string, b: string): string;
  /** Where an account's first and last close and touch are read from (SQLite is told the index: its MIN/MAX shortcut would walk another). */
  deals: string;
  activities: string;
}

type Row = 'OLD' | 'NEW';

/** The statements shared by both engines, for one deal row leaving or entering its account's totals in its currency. */
const orderStatements = {
  leave: ({ deals }: Dialect, row: Row, guard: string): string[] => {
    const same = `status = 'won' AND account_id = ${row}.account_id AND currency = ${row}.currency`;
    return [
      `UPDATE account_order_totals SET orders = orders - 1, amount_minor = amount_minor - ${row}.amount_minor,
        first_order_at = COALESCE((SELECT MIN(closed_at) FROM ${deals} WHERE ${same}), ''),
        last_order_at = COALESCE((SELECT MAX(closed_at) FROM ${deals} WHERE ${same}), '')
        WHERE account_id = ${row}.account_id AND currency = ${row}.currency${guard}`,
      `DELETE FROM account_order_totals WHERE account_id = ${row}.account_id AND currency = ${row}.currency AND orders = 0`,
    ];
  },
  enter: ({ min, max }: Dialect, row: Row, guard: string): string[] => [
    `INSERT INTO account_order_totals (account_id, currency, orders, amount_minor, first_order_at, last_order_at)
      SELECT ${row}.account_id, ${row}.currency, 1, ${row}.amount_minor, ${row}.closed_at, ${row}.closed_at WHERE true${guard}
      ON CONFLICT (account_id, currency) DO UPDATE SET orders = account_order_totals.orders + 1,
        amount_minor = account_order_totals.amount_minor + excluded.amount_minor,
        first_order_at = ${min('account_order_totals.first_order_at', 'excluded.first_order_at')},
        last_order_at = ${max('account_order_totals.last_order_at', 'excluded.last_order_at')}`,
  ],
};

/** The same for one activity row leaving or entering its account's touches. */
const touchStatements = {
  leave: ({ activities }: Dialect, row: Row, guard: string): string[] => [
    `UPDATE account_touch_totals SET touches = touches - 1,
      first_touch_at = (SELECT MIN(occurred_at) FROM ${activities} WHERE account_id = ${row}.account_id),
      last_touch_at = (SELECT MAX(occurred_at) FROM ${activities} WHERE account_id = ${row}.account_id)
      WHERE account_id = ${row}.account_id${guard}`,
  ],
  enter: ({ min, max }: Dialect, row: Row, guard: string): string[] => [
    `INSERT INTO account_touch_totals (account_id, touches, first_touch_at, last_touch_at)
      SELECT ${row}.account_id, 1, ${row}.occurred_at, ${row}.occurred_at WHERE ${row}.account_id IS NOT NULL${guard}
      ON CONFLICT (account_id) DO UPDATE SET touches = account_touch_totals.touches + 1,
        first_touch_at = ${min('account_touch_totals.first_touch_at', 'excluded.first_touch_at')},
        last_touch_at = ${max('account_touch_totals.last_touch_at', 'excluded.last_touch_at')}`,
  ],
};

const DEAL_CHANGED = `(OLD.status = 'won' OR NEW.status = 'won') AND (OLD.status IS NOT NEW.status OR OLD.closed_at IS NOT NEW.closed_at
  OR OLD.amount_minor IS NOT NEW.amount_minor OR OLD.currency IS NOT NEW.currency OR OLD.account_id IS NOT NEW.account_id)`;
const ACTIVITY_CHANGED = 'OLD.account_id IS NOT NEW.account_id OR OLD.occurred_at IS NOT NEW.occurred_at';

/** SQLite: one trigger per table and operation; min() and max() of NULL are NULL, hence the coalesce. */
function sqliteTriggers(): string[] {
  const dialect: Dialect = {
    min: (a, b) => `COALESCE(MIN(${a}, ${b}), ${b})`,
    max: (a, b) => `COALESCE(MAX(${a}, ${b}), ${b})`,
    deals: 'deals INDEXED BY deals_won_by_account',
    activities: 'activities INDEXED BY activities_by_account',
  };
  const trigger = (name: string, event: string, when: string, body: string[]): string =>
    `CREATE TRIGGER ${name} AFTER ${event} FOR EACH ROW WHEN ${when} BEGIN\n${body.map((s) => `${s};`).join('\n')}\nEND`;
  const oldWon = ` AND ${WON('OLD')}`;
  const newWon = ` AND ${WON('NEW')}`;
  return [
    trigger('deals_summary_insert', 'INSERT ON deals', WON('NEW'), orderStatements.enter(dialect, 'NEW', '')),
    trigger('deals_summary_delete', 'DELETE ON deals', WON('OLD'), orderStatements.leave(dialect, 'OLD', '')),
    trigger('deals_summary_update', 'UPDATE ON deals', DEAL_CHANGED, [...orderStatements.leave(dialect, 'OLD', oldWon), ...orderStatements.enter(dialect, 'NEW', newWon)]),
    trigger('activities_summary_insert', 'INSERT ON activities', 'NEW.account_id IS NOT NULL', touchStatements.enter(dialect, 'NEW', '')),
    trigger('activities_summary_delete', 'DELETE ON activities', 'OLD.account_id IS NOT NULL', touchStatements.leave(dialect, 'OLD', '')),
    trigger('activities_summary_update', 'UPDATE ON activities', ACTIVITY_CHANGED, [
      ...touchStatements.leave(dialect, 'OLD', ' AND OLD.account_id IS NOT NULL'),
      ...touchStatements.enter(dialect, 'NEW', ''),
    ]),
  ];
}

/**
 * PostgreSQL: one function per table, fired by its triggers. A row leaving locks its row of totals
 * first, then reads the first and last instants in a statement of its own, so it sees whatever a
 * concurrent writer to that account committed while it waited.
 */
function postgresTriggers(): string[] {
  const dialect: Dialect = { min: (a, b) => `LEAST(${a}, ${b})`, max: (a, b) => `GREATEST(${a}, ${b})`, deals: 'deals', activities: 'activities' };
  const lock = (row: string, totals: string, key: string): string => `PERFORM 1 FROM ${totals} WHERE ${key.replaceAll('ROW', row)} FOR UPDATE`;
  const fn = (name: string, body: string): string =>
    `CREATE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $$\nBEGIN\n${body}\nRETURN NULL;\nEND\n$$`;
  const block = (statements: string[]): string => statements.map((s) => `${s};`).join('\n');
  const triggers = (table: string, fnName: string, inserted: string, deleted: string, changed: string): string[] => [
    `CREATE TRIGGER ${table}_summary_insert AFTER INSERT ON ${table} FOR EACH ROW WHEN (${inserted}) EXECUTE FUNCTION ${fnName}()`,
    `CREATE TRIGGER ${table}_summary_delete AFTER DELETE ON ${table} FOR EACH ROW WHEN (${deleted}) EXECUTE FUNCTION ${fnName}()`,
    `CREATE TRIGGER ${table}_summary_update AFTER UPDATE ON ${table} FOR EACH ROW WHEN (${changed.replaceAll(' IS NOT ', ' IS DISTINCT FROM ')}) EXECUTE FUNCTION ${fnName}()`,
  ];
  return [
    fn(
      'deals_keep_account_summaries',
      `IF TG_OP <> 'INSERT' AND ${WON('OLD')} THEN\n${block([lock('OLD', 'account_order_totals', 'account_id = ROW.account_id AND currency = ROW.currency'), ...orderStatements.leave(dialect, 'OLD', '')])}\nEND IF;
IF TG_OP <> 'DELETE' AND ${WON('NEW')} THEN\n${block(orderStatements.enter(dialect, 'NEW', ''))}\nEND IF;`,
    ),
    ...triggers('deals', 'deals_keep_account_summaries', WON('NEW'), WON('OLD'), DEAL_CHANGED),
    fn(
      'activities_keep_account_summaries',
      `IF TG_OP <> 'INSERT' AND OLD.account_id IS NOT NULL THEN\n${block([lock('OLD', 'account_touch_totals', 'account_id = ROW.account_id'), ...touchStatements.leave(dialect, 'OLD', '')])}\nEND IF;
IF TG_OP <> 'DELETE' AND NEW.account_id IS NOT NULL THEN\n${block(touchStatements.enter(dialect, 'NEW', ''))}\nEND IF;`,
    ),
    ...triggers('activities', 'activities_keep_account_summaries', 'NEW.account_id IS NOT NULL', 'OLD.account_id IS NOT NULL', ACTIVITY_CHANGED),
  ];
}

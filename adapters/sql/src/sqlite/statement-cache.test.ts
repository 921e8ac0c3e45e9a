import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { withStatementCache } from './statement-cache.js';

describe('the prepared statement cache', () => {
  it('compiles a query once and keeps the most recently used statements', () => {
    const raw = new BetterSqlite3(':memory:');
    let compiled = 0;
    const prepare = raw.prepare.bind(raw);
    raw.prepare = ((sql: string) => {
      compiled += 1;
      return prepare(sql);
    }) as typeof raw.prepare;
    const database = withStatementCache(raw, 2);
    const one = database.prepare('select 1 as n');
    expect(database.prepare('select 1 as n')).toBe(one);
    database.prepare('select 2 as n');
    database.prepare('select 1 as n'); // used again: now the newest
    database.prepare('select 3 as n'); // evicts "select 2"
    expect(database.prepare('select 1 as n')).toBe(one);
    database.prepare('select 2 as n');
    expect(compiled).toBe(4);
    expect((one as unknown as BetterSqlite3.Statement).all()).toEqual([{ n: 1 }]);
    database.close();
  });
});

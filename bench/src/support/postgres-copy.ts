import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { FILL_SEARCH_PREFIXES } from '@rapport/sql/testing';

/** Rows per chunk handed to the COPY stream. */
const CHUNK = 5_000;

/** A value in COPY's text format: `\N` for null, and backslash, tab, newline and return escaped. */
function copyText(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  const text = typeof value === 'string' ? value : Buffer.isBuffer(value) ? `\\\\x${value.toString('hex')}` : String(value);
  return text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
}

/** Tables in an order where every table comes after the tables its foreign keys point to. */
function inDependencyOrder(sqlite: BetterSqlite3.Database, tables: readonly string[]): string[] {
  const ordered: string[] = [];
  const visit = (table: string, path: Set<string>): void => {
    if (ordered.includes(table) || path.has(table)) return;
    path.add(table);
    const parents = sqlite.prepare(`PRAGMA foreign_key_list("${table}")`).all() as Array<{ table: string }>;
    for (const parent of parents) if (tables.includes(parent.table)) visit(parent.table, path);
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered;
}

/**
 * The SQLite dataset's own tables: not the bookkeeping of migrations, nor SQLite's text index
 * (an FTS5 virtual table and its shadow tables; PostgreSQL indexes the same entries itself).
 */
function copiedTables(sqlite: BetterSqlite3.Database): string[] {
  const all = sqlite.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'").all() as Array<{ name: string; sql: string }>;
  const virtual = all.filter((t) => t.sql.startsWith('CREATE VIRTUAL TABLE')).map((t) => t.name);
  return all.map((t) => t.name).filter((name) => !virtual.some((v) => name === v || name.startsWith(`${v}_`)));
}

/**
 * Copies every row of a generated SQLite dataset into a migrated, empty PostgreSQL database
 * of the same schema version with COPY, table by table, then analyzes it. The two engines
 * share column names; booleans (0/1) and JSON (text) read as PostgreSQL's own types.
 * Returns the number of rows copied.
 */
export async function copySqliteToPostgres(sqliteFile: string, postgresUrl: string): Promise<number> {
  const sqlite = new BetterSqlite3(sqliteFile, { readonly: true });
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  let copied = 0;
  try {
    const tables = copiedTables(sqlite);
    await client.query('BEGIN');
    // The rows are copied as they are, totals included: the triggers that keep totals on PostgreSQL would count them twice.
    for (const table of tables) await client.query(`ALTER TABLE "${table}" DISABLE TRIGGER USER`);
    for (const table of inDependencyOrder(sqlite, tables)) {
      const columns = (await client.query<{ column_name: string }>('SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position', [table])).rows.map((r) => r.column_name);
      if (columns.length === 0) throw new Error(`PostgreSQL has no table ${table}: is it at the SQLite dataset's schema version?`);
      const list = columns.map((c) => `"${c}"`).join(', ');
      const rows = sqlite.prepare(`SELECT ${list} FROM "${table}"`).raw(true).iterate() as IterableIterator<unknown[]>;
      const lines = Readable.from(
        (function* chunks() {
          let chunk: string[] = [];
          for (const row of rows) {
            chunk.push(`${row.map(copyText).join('\t')}\n`);
            copied += 1;
            if (chunk.length === CHUNK) {
              yield chunk.join('');
              chunk = [];
            }
          }
          if (chunk.length > 0) yield chunk.join('');
        })(),
      );
      await pipeline(lines, client.query(copyFrom(`COPY "${table}" (${list}) FROM STDIN`)));
    }
    // PostgreSQL's own search index (the start of every term), which a trigger fills on other writes.
    await client.query(FILL_SEARCH_PREFIXES);
    for (const table of tables) await client.query(`ALTER TABLE "${table}" ENABLE TRIGGER USER`);
    await client.query('COMMIT');
    await client.query('ANALYZE');
    return copied;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
    sqlite.close();
  }
}

import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';

/** A plain connection to a database a store uses, for tests and benchmarks that read it directly. */
export interface RawConnection {
  readonly engine: 'sqlite' | 'postgres';
  /** Runs a read with `?` placeholders (numbered for PostgreSQL here) and returns every row. */
  all(text: string, params?: readonly unknown[]): Promise<unknown[]>;
  close(): Promise<void>;
}

const numbered = (text: string): string => {
  let n = 0;
  return text.replace(/\?/g, () => `$${(n += 1)}`);
};

/** Opens a SQLite file read-only, or connects to a PostgreSQL database by URL. */
export async function openRawConnection(target: { sqliteFile: string } | { postgresUrl: string }): Promise<RawConnection> {
  if ('sqliteFile' in target) {
    const db = new BetterSqlite3(target.sqliteFile, { readonly: true });
    return {
      engine: 'sqlite',
      all: async (text, params = []) => db.prepare(text).all(...params),
      close: async () => {
        db.close();
      },
    };
  }
  const client = new pg.Client({ connectionString: target.postgresUrl });
  await client.connect();
  return {
    engine: 'postgres',
    all: async (text, params = []) => (await client.query(numbered(text), [...params])).rows as unknown[],
    close: () => client.end(),
  };
}

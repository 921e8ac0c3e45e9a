import type { SqlStore } from '../sql-store.js';
import { createSqliteStore } from '../sqlite/sqlite-store.js';

/** A throw-away SQLite store that counts the statements it runs, for tests of how many a request costs. */
export interface CountingSqliteStore {
  store: SqlStore;
  /** The SQL of each statement since the last `reset`, in the order they ran. */
  readonly statements: readonly string[];
  reset(): void;
}

export async function createCountingSqliteStore(): Promise<CountingSqliteStore> {
  const statements: string[] = [];
  const store = await createSqliteStore({ file: ':memory:', onStatement: (sql) => statements.push(sql) });
  statements.length = 0;
  return {
    store,
    statements,
    reset: () => {
      statements.length = 0;
    },
  };
}

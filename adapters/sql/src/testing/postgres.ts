import pg from 'pg';

/** A database of its own for one test file, on a PostgreSQL server the tests may administer. */
export interface TestDatabase {
  /** Connection URL of the test database. */
  url: string;
  name: string;
  /** Empties the database: drops and recreates the public schema, so the next open migrates afresh. */
  reset(): Promise<void>;
  /** Drops the database, closing any connection left open to it. */
  drop(): Promise<void>;
}

async function run(url: string, statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

const quoteIdent = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export interface TestDatabaseOptions {
  /** Start of the database name; a unique suffix follows. Default "rapport_test". */
  prefix?: string;
  /**
   * An ICU locale (such as "en-US") for the database's default collation, to check that
   * nothing depends on the server's locale. Needs a server built with ICU.
   */
  icuLocale?: string;
}

/**
 * Creates a fresh, uniquely named database through `adminUrl` (a URL of a role allowed to
 * CREATE DATABASE) and returns its URL. Call `drop()` when the test file is done.
 */
export async function createTestDatabase(adminUrl: string, options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const suffix = `${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 10)}`;
  const name = `${options.prefix ?? 'rapport_test'}_${suffix}`.toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 63);
  const locale = options.icuLocale
    ? ` TEMPLATE template0 ENCODING 'UTF8' LOCALE_PROVIDER icu ICU_LOCALE '${options.icuLocale.replace(/'/g, "''")}' LOCALE 'C.UTF-8'`
    : '';
  await run(adminUrl, [`CREATE DATABASE ${quoteIdent(name)}${locale}`]);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    reset: () => run(url.toString(), ['DROP SCHEMA public CASCADE', 'CREATE SCHEMA public']),
    drop: () => run(adminUrl, [`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`]),
  };
}

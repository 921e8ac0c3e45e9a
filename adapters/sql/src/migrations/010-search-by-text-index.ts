import { accountSearchTerms, contactSearchTerms, CrmError } from '@rapport/core';
import { sql } from 'kysely';
import { postgresEngine, sqliteEngine } from '../engine.js';
import { insertSearchEntries, searchDocument, type SearchEntry } from '../search-index.js';
import type { Migration } from './migration.js';

/**
 * Customer search on each engine's own text index instead of the hand-built term table: one
 * row per contact or account in `search_entries` holding its search terms as one text
 * (`searchDocument`), indexed by SQLite's FTS5 (prefix queries on its tokens, kept in step by
 * triggers) and by PostgreSQL's `pg_trgm` GIN index (word-start `LIKE`). Existing records get
 * their entries from the same `contactSearchTerms` / `accountSearchTerms` every write uses.
 *
 * PostgreSQL needs the `pg_trgm` extension (in PostgreSQL's contrib, trusted since 13: a role
 * that may create objects in the database can add it). When it cannot be added the upgrade
 * stops before changing anything, saying what to run.
 */
export const searchByTextIndex: Migration = {
  version: 10,
  name: 'search by text index',
  precheck: async (db, types) => {
    if (types.engine !== 'postgres') return;
    await sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`.execute(db).catch((error: unknown) => {
      throw new CrmError(
        'unavailable',
        'Customer search needs the PostgreSQL extension pg_trgm, and this database role could not add it ' +
          `(${error instanceof Error ? error.message : String(error)}). Ask an administrator of the database to run ` +
          '"CREATE EXTENSION pg_trgm;" in it (on Debian it ships in the postgresql-contrib package), then start Rapport again. ' +
          'Nothing was changed.',
        { details: { extension: 'pg_trgm' } },
      );
    });
  },
  statements: ({ engine, text, table }) => [
    ...(engine === 'postgres'
      ? [
          `CREATE TABLE search_entries (entity_kind ${text} NOT NULL, entity_id ${text} NOT NULL, sort_key ${text} NOT NULL,
            terms ${text} NOT NULL, PRIMARY KEY (entity_kind, entity_id))`,
          'CREATE INDEX search_entries_by_terms ON search_entries USING gin (terms gin_trgm_ops)',
        ]
      : [
          // FTS5 keeps rowids: an explicit INTEGER PRIMARY KEY, so VACUUM never renumbers them.
          `CREATE TABLE search_entries (id INTEGER PRIMARY KEY, entity_kind ${text} NOT NULL, entity_id ${text} NOT NULL,
            sort_key ${text} NOT NULL, terms ${text} NOT NULL)${table}`,
          'CREATE UNIQUE INDEX search_entries_by_entity ON search_entries (entity_kind, entity_id)',
          `CREATE VIRTUAL TABLE search_entries_fts USING fts5(terms, content='search_entries', content_rowid='id',
            tokenize='unicode61 remove_diacritics 0', prefix='2 3')`,
          `CREATE TRIGGER search_entries_fts_insert AFTER INSERT ON search_entries BEGIN
            INSERT INTO search_entries_fts (rowid, terms) VALUES (NEW.id, NEW.terms); END`,
          `CREATE TRIGGER search_entries_fts_delete AFTER DELETE ON search_entries BEGIN
            INSERT INTO search_entries_fts (search_entries_fts, rowid, terms) VALUES ('delete', OLD.id, OLD.terms); END`,
          `CREATE TRIGGER search_entries_fts_update AFTER UPDATE ON search_entries BEGIN
            INSERT INTO search_entries_fts (search_entries_fts, rowid, terms) VALUES ('delete', OLD.id, OLD.terms);
            INSERT INTO search_entries_fts (rowid, terms) VALUES (NEW.id, NEW.terms); END`,
        ]),
    'DROP TABLE search_terms',
  ],
  backfill: async (db, types) => {
    const engine = types.engine === 'postgres' ? postgresEngine : sqliteEngine;
    const contacts = await db.selectFrom('contacts').select(['id', 'name', 'emails']).execute();
    const accounts = await db.selectFrom('accounts').select(['id', 'name', 'domains']).execute();
    const entries: SearchEntry[] = [
      ...contacts.map((c) => searchDocument('contact', c.id, c.name, contactSearchTerms({ name: c.name, emails: engine.readJson<string[]>(c.emails) }))),
      ...accounts.map((a) => searchDocument('account', a.id, a.name, accountSearchTerms({ name: a.name, domains: engine.readJson<string[]>(a.domains) }))),
    ];
    await insertSearchEntries(db, entries);
  },
};


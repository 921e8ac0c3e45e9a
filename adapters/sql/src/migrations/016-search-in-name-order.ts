import { sql } from 'kysely';
import type { SearchEntry } from '../search-index.js';
import { numberInNameOrder } from '../sqlite/sqlite-search-entries.js';
import type { Migration } from './migration.js';

/** Longest term start PostgreSQL's `search_prefixes` holds; longer query words are checked against the entry's terms. */
export const LONGEST_PREFIX = 12;

/**
 * PostgreSQL: fills `search_prefixes` from every row of `search_entries` (for a database loaded
 * with its triggers off, such as the benchmark's copy).
 */
export const FILL_SEARCH_PREFIXES = `INSERT INTO search_prefixes (entity_kind, prefix, sort_key, entity_id)
  SELECT e.entity_kind, p, e.sort_key, e.entity_id FROM search_entries e CROSS JOIN LATERAL search_entry_prefixes(e.terms) AS p`;

/**
 * Customer search reads the first page of a common name prefix without putting every match in
 * order first.
 *
 * SQLite: every entry of `search_entries` is renumbered in name order (sort key, then record
 * id: `sqlite/sqlite-search-order.ts`), and later ones take a number between their neighbours
 * (found through a new index in that order), so FTS5, which hands out matches in id order,
 * gives them in name order and a query stops after the page.
 *
 * PostgreSQL: `search_prefixes` holds, for each entry, every start of each of its terms (up to
 * LONGEST_PREFIX characters) with the entry's sort key, in one B-tree on (kind, prefix, sort key,
 * id): a query word reads the first page of its prefix in name order from the index. A trigger
 * on `search_entries` keeps it in step; the trigram index it replaces is dropped.
 */
export const searchInNameOrder: Migration = {
  version: 16,
  name: 'search in name order',
  statements: ({ engine, text }) =>
    engine === 'postgres'
      ? [
          `CREATE TABLE search_prefixes (entity_kind ${text} NOT NULL, prefix ${text} NOT NULL, sort_key ${text} NOT NULL,
            entity_id ${text} NOT NULL, PRIMARY KEY (entity_kind, prefix, sort_key, entity_id))`,
          `CREATE FUNCTION search_entry_prefixes(terms text) RETURNS SETOF text LANGUAGE sql IMMUTABLE AS $$
            SELECT DISTINCT left(term, n) FROM unnest(string_to_array(btrim(terms), ' ')) AS term,
              generate_series(1, least(char_length(term), ${LONGEST_PREFIX})) AS n WHERE term <> '' $$`,
          `CREATE FUNCTION search_entries_keep_prefixes() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN
            IF TG_OP <> 'INSERT' THEN
              DELETE FROM search_prefixes WHERE entity_kind = OLD.entity_kind AND sort_key = OLD.sort_key AND entity_id = OLD.entity_id
                AND prefix IN (SELECT search_entry_prefixes(OLD.terms));
            END IF;
            IF TG_OP <> 'DELETE' THEN
              INSERT INTO search_prefixes (entity_kind, prefix, sort_key, entity_id)
                SELECT NEW.entity_kind, p, NEW.sort_key, NEW.entity_id FROM search_entry_prefixes(NEW.terms) AS p;
            END IF;
            RETURN NULL;
          END $$`,
          'CREATE TRIGGER search_entries_prefixes_insert AFTER INSERT ON search_entries FOR EACH ROW EXECUTE FUNCTION search_entries_keep_prefixes()',
          'CREATE TRIGGER search_entries_prefixes_delete AFTER DELETE ON search_entries FOR EACH ROW EXECUTE FUNCTION search_entries_keep_prefixes()',
          `CREATE TRIGGER search_entries_prefixes_update AFTER UPDATE ON search_entries FOR EACH ROW
            WHEN (OLD.terms IS DISTINCT FROM NEW.terms OR OLD.sort_key IS DISTINCT FROM NEW.sort_key OR OLD.entity_id IS DISTINCT FROM NEW.entity_id
              OR OLD.entity_kind IS DISTINCT FROM NEW.entity_kind) EXECUTE FUNCTION search_entries_keep_prefixes()`,
          'DROP INDEX search_entries_by_terms',
        ]
      : [
          'CREATE INDEX search_entries_in_name_order ON search_entries (entity_kind, sort_key, entity_id)',
          // The entries are written again under new ids below; their text index is emptied rather than told of each deletion.
          'DROP TRIGGER search_entries_fts_delete',
        ],
  backfill: async (db, { engine }) => {
    if (engine === 'postgres') {
      await sql.raw(FILL_SEARCH_PREFIXES).execute(db);
      return;
    }
    const entries: SearchEntry[] = await db.selectFrom('search_entries').select(['entity_kind', 'entity_id', 'sort_key', 'terms']).execute();
    await sql`DELETE FROM search_entries`.execute(db);
    await sql`INSERT INTO search_entries_fts (search_entries_fts) VALUES ('delete-all')`.execute(db);
    const numbered = numberInNameOrder(entries);
    for (let start = 0; start < numbered.length; start += 500) await db.insertInto('search_entries').values(numbered.slice(start, start + 500)).execute();
    await sql`CREATE TRIGGER search_entries_fts_delete AFTER DELETE ON search_entries BEGIN
      INSERT INTO search_entries_fts (search_entries_fts, rowid, terms) VALUES ('delete', OLD.id, OLD.terms); END`.execute(db);
  },
};

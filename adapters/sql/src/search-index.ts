import { sortKey } from '@rapport/core';
import type { Insertable, Kysely } from 'kysely';
import type { Database, SearchEntriesTable } from './database.js';
import type { Engine } from './engine.js';
import { insertInNameOrder } from './sqlite/sqlite-search-entries.js';

export type SearchEntityKind = 'contact' | 'account';

export type SearchEntry = Insertable<SearchEntriesTable>;

/** Rows per insert statement when many entries are written at once (well under both engines' parameter limits). */
const BATCH = 500;

/**
 * A record's row of `search_entries`: its terms (from contactSearchTerms / accountSearchTerms)
 * as one text, each once, separated and surrounded by spaces, so a term starts right after a
 * space — what PostgreSQL's word-start `LIKE '% word%'` looks for — and FTS5 reads each term
 * as one token.
 */
export function searchDocument(kind: SearchEntityKind, id: string, name: string, terms: readonly string[]): SearchEntry {
  return { entity_kind: kind, entity_id: id, sort_key: sortKey(name), terms: ` ${[...new Set(terms)].join(' ')} ` };
}

/**
 * Writes entries for records that have none yet, several hundred per statement, without
 * numbering them: version 10's backfill, whose entries version 16 numbers afterwards. Anything
 * written later goes through `writeSearchEntries`, which SQLite's name order needs.
 */
export async function insertSearchEntries(db: Kysely<Database>, entries: readonly SearchEntry[]): Promise<void> {
  for (let start = 0; start < entries.length; start += BATCH) {
    await db.insertInto('search_entries').values(entries.slice(start, start + BATCH)).execute();
  }
}

/** Writes entries for records that have none yet: on SQLite each numbered in name order, on PostgreSQL several hundred per statement. */
export async function writeSearchEntries(db: Kysely<Database>, engine: Engine['kind'], entries: readonly SearchEntry[]): Promise<void> {
  if (engine === 'sqlite') {
    for (const entry of entries) await insertInNameOrder(db, entry);
    return;
  }
  for (let start = 0; start < entries.length; start += BATCH) {
    await db.insertInto('search_entries').values(entries.slice(start, start + BATCH)).execute();
  }
}

/**
 * Keeps a contact's or account's entry in step with it. Run inside the record's own write. On
 * SQLite an entry whose name is unchanged keeps its place (one UPDATE); on PostgreSQL one
 * upsert, whose trigger keeps `search_prefixes` in step.
 */
export async function replaceSearchEntry(db: Kysely<Database>, engine: Engine['kind'], entry: SearchEntry): Promise<void> {
  if (engine === 'postgres') {
    await db
      .insertInto('search_entries')
      .values(entry)
      .onConflict((oc) => oc.columns(['entity_kind', 'entity_id']).doUpdateSet({ sort_key: entry.sort_key, terms: entry.terms }))
      .execute();
    return;
  }
  const kept = await db
    .updateTable('search_entries')
    .set({ terms: entry.terms })
    .where('entity_kind', '=', entry.entity_kind)
    .where('entity_id', '=', entry.entity_id)
    .where('sort_key', '=', entry.sort_key)
    .executeTakeFirst();
  if (Number(kept.numUpdatedRows) > 0) return;
  await removeSearchEntry(db, entry.entity_kind as SearchEntityKind, entry.entity_id);
  await insertInNameOrder(db, entry);
}

export async function removeSearchEntry(db: Kysely<Database>, kind: SearchEntityKind, id: string): Promise<void> {
  await db.deleteFrom('search_entries').where('entity_kind', '=', kind).where('entity_id', '=', id).execute();
}

/**
 * An FTS5 query matching entries with a token starting with every word: `"word"*` for each,
 * which FTS5 joins with AND. Query words are folded letters and digits; a quote is doubled
 * all the same.
 */
export const ftsPrefixQuery = (words: readonly string[]): string => words.map((word) => `"${word.replaceAll('"', '""')}"*`).join(' ');

/** A `LIKE` pattern matching a document with a term starting with `word` (backslash escapes). */
export const wordStartPattern = (word: string): string => `% ${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

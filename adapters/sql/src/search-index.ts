import { CrmError, sortKey } from '@rapport/core';
import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database, SearchEntriesTable } from './database.js';
import type { Engine } from './engine.js';
import { BUCKET_SPAN, bucketStart } from './sqlite/sqlite-search-order.js';

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

/** Writes entries for records that have none yet, several hundred per statement; on SQLite each numbered in name order. */
export async function writeSearchEntries(db: Kysely<Database>, engine: Engine['kind'], entries: readonly SearchEntry[]): Promise<void> {
  for (let start = 0; start < entries.length; start += BATCH) {
    const batch = entries.slice(start, start + BATCH);
    const rows = engine === 'sqlite' ? await numberedInNameOrder(db, batch) : batch;
    await db.insertInto('search_entries').values(rows).execute();
  }
}

/**
 * Keeps a contact's or account's entry in step with it. Run inside the record's own write. On
 * SQLite an entry whose name stays in its bucket keeps its number (one UPDATE); on PostgreSQL
 * one upsert, whose trigger keeps `search_prefixes` in step.
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
  const first = bucketStart(entry.entity_kind as SearchEntityKind, entry.sort_key);
  const kept = await sql`UPDATE search_entries SET sort_key = ${entry.sort_key}, terms = ${entry.terms}
    WHERE entity_kind = ${entry.entity_kind} AND entity_id = ${entry.entity_id} AND id BETWEEN ${first} AND ${first + BUCKET_SPAN - 1n}`.execute(db);
  if (Number(kept.numAffectedRows ?? 0n) > 0) return;
  await removeSearchEntry(db, entry.entity_kind as SearchEntityKind, entry.entity_id);
  await writeSearchEntries(db, engine, [entry]);
}

export async function removeSearchEntry(db: Kysely<Database>, kind: SearchEntityKind, id: string): Promise<void> {
  await db.deleteFrom('search_entries').where('entity_kind', '=', kind).where('entity_id', '=', id).execute();
}

/**
 * SQLite: each entry's id, the next free number in its name's bucket (sqlite-search-order.ts).
 * One statement reads the highest number in use in every bucket the entries fall in.
 */
async function numberedInNameOrder(db: Kysely<Database>, entries: readonly SearchEntry[]): Promise<SearchEntry[]> {
  const firsts = entries.map((entry) => bucketStart(entry.entity_kind as SearchEntityKind, entry.sort_key));
  const buckets = [...new Set(firsts)];
  const { rows } = await sql<{ n: number; used: number | null }>`WITH b (n, first) AS (VALUES ${sql.join(buckets.map((first, n) => sql`(${n}, ${first})`))})
    SELECT n, (SELECT max(id) - b.first FROM search_entries WHERE id BETWEEN b.first AND b.first + ${BUCKET_SPAN - 1n}) AS used FROM b`.execute(db);
  const next = new Map<bigint, bigint>();
  for (const row of rows) next.set(buckets[row.n] as bigint, row.used === null ? 0n : BigInt(row.used) + 1n);
  const numbered: SearchEntry[] = [];
  for (const [i, entry] of entries.entries()) {
    const first = firsts[i] as bigint;
    let tie = next.get(first) ?? 0n;
    if (tie >= BUCKET_SPAN) tie = await freeTie(db, first, numbered);
    next.set(first, tie + 1n);
    numbered.push({ ...entry, id: first + tie });
  }
  return numbered;
}

/** A number left free inside a bucket whose last number is taken (entries deleted or renamed away): rare, so it reads the bucket. */
async function freeTie(db: Kysely<Database>, first: bigint, pending: readonly SearchEntry[]): Promise<bigint> {
  const { rows } = await sql<{ tie: number }>`SELECT id - ${first} AS tie FROM search_entries WHERE id BETWEEN ${first} AND ${first + BUCKET_SPAN - 1n}`.execute(db);
  const taken = new Set(rows.map((row) => BigInt(row.tie)));
  for (const entry of pending) if (typeof entry.id === 'bigint' && entry.id >= first && entry.id < first + BUCKET_SPAN) taken.add(entry.id - first);
  for (let tie = 0n; tie < BUCKET_SPAN; tie += 1n) if (!taken.has(tie)) return tie;
  throw new CrmError('unavailable', `The search index already holds ${BUCKET_SPAN} names starting with the same characters as this one, and no more fit.`);
}

/**
 * An FTS5 query matching entries with a token starting with every word: `"word"*` for each,
 * which FTS5 joins with AND. Query words are folded letters and digits; a quote is doubled
 * all the same.
 */
export const ftsPrefixQuery = (words: readonly string[]): string => words.map((word) => `"${word.replaceAll('"', '""')}"*`).join(' ');

/** A `LIKE` pattern matching a document with a term starting with `word` (backslash escapes). */
export const wordStartPattern = (word: string): string => `% ${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

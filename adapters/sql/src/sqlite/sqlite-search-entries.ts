import { compareCodePoints, CrmError } from '@rapport/core';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { SearchEntityKind, SearchEntry } from '../search-index.js';
import { BUCKET_SPAN, bucketStart, kindRange } from './sqlite-search-order.js';

/** How far past its neighbour a new entry goes when it cannot take the middle of its bucket, so a run of appends leaves room. */
const STEP = 1n << 12n;
/** Entries renumbered on each side of a full gap, doubled until the stretch has room. */
const FIRST_STRETCH = 32;
const LONGEST_STRETCH = 1 << 16;

const kindOf = (entry: SearchEntry): SearchEntityKind => entry.entity_kind as SearchEntityKind;
const byName = (a: SearchEntry, b: SearchEntry): number =>
  compareCodePoints(a.entity_kind, b.entity_kind) || compareCodePoints(a.sort_key, b.sort_key) || compareCodePoints(a.entity_id, b.entity_id);

/**
 * Ids for entries written into a table that holds none (a rebuild): in name order, each
 * bucket's names spread evenly over it (sqlite-search-order.ts).
 */
export function numberInNameOrder(entries: readonly SearchEntry[]): SearchEntry[] {
  const sorted = [...entries].sort(byName);
  const numbered: SearchEntry[] = [];
  for (let start = 0; start < sorted.length; ) {
    const first = bucketStart(kindOf(sorted[start] as SearchEntry), (sorted[start] as SearchEntry).sort_key);
    let end = start + 1;
    while (end < sorted.length && bucketStart(kindOf(sorted[end] as SearchEntry), (sorted[end] as SearchEntry).sort_key) === first) end += 1;
    const slots = BigInt(end - start + 1);
    for (let i = start; i < end; i += 1) numbered.push({ ...(sorted[i] as SearchEntry), id: first + (BigInt(i - start + 1) * BUCKET_SPAN) / slots });
    start = end;
  }
  return numbered;
}

/** Writes one entry under a number between its neighbours in name order, renumbering a stretch of them when they leave no room. */
export async function insertInNameOrder(db: Kysely<Database>, entry: SearchEntry): Promise<void> {
  let id = await placeFor(db, entry);
  if (id === null) {
    await makeRoom(db, entry);
    id = await placeFor(db, entry);
  }
  if (id === null) throw new CrmError('unavailable', 'The search index could not find room for this name in its order.');
  await db.insertInto('search_entries').values({ ...entry, id }).execute();
}

/** The ids of the entries just before and just after this one in name order (beyond its kind's range when there are none). */
async function neighbours(db: Kysely<Database>, entry: SearchEntry): Promise<{ before: bigint; after: bigint }> {
  const { first, last } = kindRange(kindOf(entry));
  const { rows } = await sql<{ before: string | null; after: string | null }>`SELECT
      (SELECT CAST(id AS TEXT) FROM search_entries WHERE entity_kind = ${entry.entity_kind} AND (sort_key, entity_id) < (${entry.sort_key}, ${entry.entity_id})
        ORDER BY sort_key DESC, entity_id DESC LIMIT 1) AS before,
      (SELECT CAST(id AS TEXT) FROM search_entries WHERE entity_kind = ${entry.entity_kind} AND (sort_key, entity_id) > (${entry.sort_key}, ${entry.entity_id})
        ORDER BY sort_key, entity_id LIMIT 1) AS after`.execute(db);
  const row = rows[0];
  return { before: row?.before ? BigInt(row.before) : first - 1n, after: row?.after ? BigInt(row.after) : last + 1n };
}

/** A free number between the entry's neighbours: the middle of its own bucket when that is between them, else just past the one before; null when they are adjacent. */
async function placeFor(db: Kysely<Database>, entry: SearchEntry): Promise<bigint | null> {
  const { before, after } = await neighbours(db, entry);
  const preferred = bucketStart(kindOf(entry), entry.sort_key) + BUCKET_SPAN / 2n;
  if (before < preferred && preferred < after) return preferred;
  if (after - before < 2n) return null;
  const half = (after - before) / 2n;
  return before + (half < STEP ? half : STEP);
}

/**
 * Spreads the entries around the entry's place evenly over the numbers from the one before them
 * to the one after, leaving the entry's place free. Each moves through a negative number first
 * (no kind's range), so no two entries ever share a number on the way.
 */
async function makeRoom(db: Kysely<Database>, entry: SearchEntry): Promise<void> {
  const { first, last } = kindRange(kindOf(entry));
  const { before, after } = await neighbours(db, entry);
  for (let size = FIRST_STRETCH; size <= LONGEST_STRETCH; size *= 2) {
    const ids = async (from: bigint, down: boolean): Promise<bigint[]> => {
      // Named apart from the column: ORDER BY id must sort the numbers, not their text.
      const { rows } = await sql<{ place: string }>`SELECT CAST(id AS TEXT) AS place FROM search_entries
        WHERE id ${down ? sql`<=` : sql`>=`} ${from} AND id BETWEEN ${first} AND ${last} ORDER BY id ${down ? sql`DESC` : sql`ASC`} LIMIT ${size + 1}`.execute(db);
      return rows.map((row) => BigInt(row.place));
    };
    const below = before < first ? [] : await ids(before, true);
    const above = after > last ? [] : await ids(after, false);
    const floor = below.length > size ? (below.pop() as bigint) : first - 1n;
    const ceiling = above.length > size ? (above.pop() as bigint) : last + 1n;
    const moving = [...below.reverse(), null, ...above];
    const gap = (ceiling - floor) / BigInt(moving.length + 1);
    if (gap < 2n) continue;
    const movers = moving.flatMap((id, i) => (id === null ? [] : [{ from: id, to: floor + gap * BigInt(i + 1) }]));
    for (const [i, move] of movers.entries()) await sql`UPDATE search_entries SET id = ${-BigInt(i + 1)} WHERE id = ${move.from}`.execute(db);
    for (const [i, move] of movers.entries()) await sql`UPDATE search_entries SET id = ${move.to} WHERE id = ${-BigInt(i + 1)}`.execute(db);
    return;
  }
  throw new CrmError('unavailable', 'The search index could not find room for this name in its order.');
}

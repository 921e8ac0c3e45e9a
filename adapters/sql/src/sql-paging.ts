import { pageFrom, type Keyset, type Page } from '@rapport/core';
import { sql, type RawBuilder, type SqlBool } from 'kysely';

/**
 * The keyset condition "after this position" as a row-value comparison, which both engines
 * answer from an index on the same columns: `(sort_key, id) > (?, ?)`, or `<` for lists
 * ordered newest first.
 */
export function afterKeyset(columns: readonly string[], keys: Keyset, descending = false): RawBuilder<SqlBool> {
  const refs = sql.join(columns.map((column) => sql.ref(column)));
  const values = sql.join(keys.map((key) => sql.val(key)));
  return descending ? sql<SqlBool>`(${refs}) < (${values})` : sql<SqlBool>`(${refs}) > (${values})`;
}

/** Counts rows a write touched, from Kysely's bigint results. */
export const affected = (result: { numUpdatedRows?: bigint; numDeletedRows?: bigint }): number =>
  Number(result.numUpdatedRows ?? result.numDeletedRows ?? 0n);

/** True when a filter list is present and empty: it matches nothing, and SQL has no empty `IN ()`. */
export const matchesNothing = (...lists: Array<readonly unknown[] | undefined>): boolean =>
  lists.some((list) => list !== undefined && list.length === 0);

/** A page of entities from up to `limit + 1` ordered rows, the cursor taken from the rows' key columns. */
export function pageOfRows<R, T>(rows: R[], limit: number, keyOf: (row: R) => Keyset, map: (row: R) => T): Page<T> {
  const page = pageFrom(rows, limit, keyOf);
  return { items: page.items.map(map), nextCursor: page.nextCursor };
}

/** What an activity or reminder is about (see ActivityFilter / ReminderFilter). */
export interface AboutFilter {
  contactIds?: readonly string[];
  accountIds?: readonly string[];
  dealIds?: readonly string[];
}

/**
 * "Linked to any of these" over contact_id, account_id and deal_id (each indexed), or null when
 * the filter names no id at all, which matches nothing.
 */
export function linkedToAny(about: AboutFilter): RawBuilder<SqlBool> | null {
  const links: Array<[string, readonly string[] | undefined]> = [
    ['contact_id', about.contactIds],
    ['account_id', about.accountIds],
    ['deal_id', about.dealIds],
  ];
  const parts = links
    .filter(([, ids]) => ids !== undefined && ids.length > 0)
    .map(([column, ids]) => sql`${sql.ref(column)} in (${sql.join(ids ?? [])})`);
  return parts.length === 0 ? null : sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}

import type { Page, PageRequest } from '../shared/page.js';
import { compareCodePoints, sortKey } from '../shared/text.js';
import { pageFrom, readCursor, type Keyset } from './keyset.js';

/** Sorting and keyset paging over records held in JavaScript (the in-memory and IndexedDB stores). */

/** Compares two keysets position by position, by code point (the order SQL's binary collations use). */
export function compareKeys(a: Keyset, b: Keyset): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const order = compareCodePoints(a[i] ?? '', b[i] ?? '');
    if (order !== 0) return order;
  }
  return 0;
}

export interface Ordering<T> {
  keyOf: (item: T) => Keyset;
  /** How many keys the ordering has (its cursors carry as many values). */
  length: number;
  descending?: boolean;
}

/** Sorts `rows` by the ordering and returns the page after the request's cursor. */
export function paginate<T>(rows: T[], page: PageRequest, ordering: Ordering<T>): Page<T> {
  const after = readCursor(page.cursor, ordering.length);
  const sign = ordering.descending ? -1 : 1;
  const sorted = sortBy(rows, ordering);
  const rest = after ? sorted.filter((row) => sign * compareKeys(ordering.keyOf(row), after) > 0) : sorted;
  return pageFrom(rest.slice(0, page.limit + 1), page.limit, ordering.keyOf);
}

export function sortBy<T>(rows: T[], ordering: Ordering<T>): T[] {
  const sign = ordering.descending ? -1 : 1;
  return [...rows].sort((a, b) => sign * compareKeys(ordering.keyOf(a), ordering.keyOf(b)));
}

/** Name order: sortKey of the name, then id. */
export const byName = <T extends { name: string; id: string }>(): Ordering<T> => ({
  keyOf: (item) => [sortKey(item.name), item.id],
  length: 2,
});

/** Id order, which is creation order for time-ordered ids. */
export const byId = <T extends { id: string }>(): Ordering<T> => ({ keyOf: (item) => [item.id], length: 1 });

/** Keeps the rows with these ids, once each, in id order. */
export function pickIds<T extends { id: string }>(rows: T[], ids: readonly string[]): T[] {
  const wanted = new Set(ids);
  return sortBy(rows.filter((row) => wanted.has(row.id)), byId<T>());
}

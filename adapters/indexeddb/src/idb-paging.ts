import { compareCodePoints, pageFrom, readCursor, sortKey, type Keyset, type Page, type PageRequest } from '@rapport/core';

/** A list's order: the keyset of a record, and whether it runs newest first. */
export interface Ordering<T> {
  keyOf: (item: T) => Keyset;
  length: number;
  descending?: boolean;
}

export function compareKeys(a: Keyset, b: Keyset): number {
  for (let i = 0; i < Math.max(a.length, b.length); i += 1) {
    const order = compareCodePoints(a[i] ?? '', b[i] ?? '');
    if (order !== 0) return order;
  }
  return 0;
}

export function sortBy<T>(rows: T[], ordering: Ordering<T>): T[] {
  const sign = ordering.descending ? -1 : 1;
  return [...rows].sort((a, b) => sign * compareKeys(ordering.keyOf(a), ordering.keyOf(b)));
}

/** Sorts candidate rows and returns the page after the request's cursor (for lists narrowed by an index first). */
export function paginate<T>(rows: T[], page: PageRequest, ordering: Ordering<T>): Page<T> {
  const after = readCursor(page.cursor, ordering.length);
  const sign = ordering.descending ? -1 : 1;
  const sorted = sortBy(rows, ordering);
  const rest = after ? sorted.filter((row) => sign * compareKeys(ordering.keyOf(row), after) > 0) : sorted;
  return pageFrom(rest.slice(0, page.limit + 1), page.limit, ordering.keyOf);
}

export const byName = <T extends { name: string; id: string }>(): Ordering<T> => ({ keyOf: (item) => [sortKey(item.name), item.id], length: 2 });
export const byId = <T extends { id: string }>(): Ordering<T> => ({ keyOf: (item) => [item.id], length: 1 });

export const within = <T>(values: readonly T[] | undefined, value: T): boolean => values === undefined || values.includes(value);

/** Keeps the rows with these ids, once each, in id order. */
export function pickIds<T extends { id: string }>(rows: T[], ids: readonly string[]): T[] {
  const wanted = new Set(ids);
  return sortBy(rows.filter((row) => wanted.has(row.id)), byId<T>());
}

export interface AboutFilter {
  contactIds?: readonly string[];
  accountIds?: readonly string[];
  dealIds?: readonly string[];
}

/** True when the record links to any id of the filter; a filter naming no ids matches nothing. */
export function linkedTo(record: { contactId: string | null; accountId: string | null; dealId: string | null }, about: AboutFilter): boolean {
  const hit = (ids: readonly string[] | undefined, id: string | null): boolean => id !== null && (ids ?? []).includes(id);
  return hit(about.contactIds, record.contactId) || hit(about.accountIds, record.accountId) || hit(about.dealIds, record.dealId);
}

export { readCursor };

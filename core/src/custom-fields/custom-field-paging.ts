import { pageFrom, readCursor } from '../store/keyset.js';
import { paginate, type Ordering } from '../store/record-paging.js';
import { invalidInput } from '../shared/errors.js';
import { encodeCursor, type Page, type PageRequest } from '../shared/page.js';
import type { CustomFieldValues } from './custom-field.schema.js';
import { compareByCustomField } from '../store/custom-field-matching.js';
import type { CustomFieldSort } from './custom-field-query.port.js';

/**
 * Pages of a list sorted by a custom field. Its cursor carries the sort it was made for and
 * how many records came before the page, so every store (SQL with OFFSET, the others in
 * JavaScript) reads it alike; a cursor from another list or sort is refused.
 */

const sortTag = (sort: CustomFieldSort): string => `cf:${sort.descending ? '-' : ''}${sort.key}`;

/** How many records the cursor's page starts after (0 for the first page). */
export function readSortOffset(cursor: string | undefined, sort: CustomFieldSort): number {
  const keys = readCursor(cursor, 2);
  if (!keys) return 0;
  const offset = Number(keys[1]);
  if (keys[0] !== sortTag(sort) || !Number.isSafeInteger(offset) || offset < 0) {
    const message = 'This page cursor is not valid here: start again from the first page.';
    throw invalidInput(message, [{ path: 'cursor', message }]);
  }
  return offset;
}

/** A page from up to `limit + 1` rows that start `offset` records into the sorted list. */
export function sortedPage<T>(rows: T[], limit: number, offset: number, sort: CustomFieldSort): Page<T> {
  const page = pageFrom(rows, limit, () => []);
  return { items: page.items, nextCursor: page.nextCursor === null ? null : encodeCursor([sortTag(sort), String(offset + limit)]) };
}

/** Sorts records held in JavaScript by the custom field and returns the cursor's page. */
export function paginateByCustomField<T extends { id: string; customFields: CustomFieldValues }>(rows: T[], page: PageRequest, sort: CustomFieldSort): Page<T> {
  const offset = readSortOffset(page.cursor, sort);
  const sorted = [...rows].sort(compareByCustomField<T>(sort));
  return sortedPage(sorted.slice(offset, offset + page.limit + 1), page.limit, offset, sort);
}

/** A page in the list's usual order, or by the custom field when the filter sorts by one. */
export function paginateRecords<T extends { id: string; customFields: CustomFieldValues }>(
  rows: T[],
  page: PageRequest,
  ordering: Ordering<T>,
  sort: CustomFieldSort | undefined,
): Page<T> {
  return sort ? paginateByCustomField(rows, page, sort) : paginate(rows, page, ordering);
}

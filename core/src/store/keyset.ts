import { CrmError } from '../shared/errors.js';
import { decodeCursor, encodeCursor, type Page } from '../shared/page.js';

/**
 * Keyset pagination shared by every Store: a list fetches up to `limit + 1` rows after the
 * cursor's position, and the extra row only says that another page exists.
 */

/** The key values a cursor carries (all list keys are strings: sort keys, instants, ids). */
export type Keyset = readonly string[];

/**
 * Reads a cursor made for a list ordered by `length` keys. Undefined means the first page.
 * Throws `invalid_input` when the cursor was tampered with or belongs to another list.
 */
export function readCursor(cursor: string | undefined, length: number): Keyset | null {
  if (cursor === undefined) return null;
  const values = decodeCursor(cursor, length);
  if (!values || !values.every((value): value is string => typeof value === 'string')) {
    const message = 'This page cursor is not valid here: start again from the first page.';
    throw new CrmError('invalid_input', message, { issues: [{ path: 'cursor', message }] });
  }
  return values;
}

/** Turns up to `limit + 1` ordered rows into a page whose cursor points after the last item kept. */
export function pageFrom<T>(rows: T[], limit: number, keyOf: (item: T) => Keyset): Page<T> {
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: last === undefined ? null : encodeCursor(keyOf(last)) };
}

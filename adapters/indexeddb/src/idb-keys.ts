import { sortKey } from '@rapport/core';

const encoder = new TextEncoder();

/**
 * A name's position in name order as an IndexedDB key. IndexedDB compares strings by UTF-16
 * code unit, but every Rapport store sorts names by code point; UTF-8 bytes compare in code
 * point order, and IndexedDB compares binary keys byte by byte. So names index as bytes.
 */
export function nameKey(name: string, id: string): IDBValidKey {
  return [encoder.encode(sortKey(name)), id];
}

/** Present index values only: IndexedDB skips a row whose index value is undefined. */
export const optional = (value: string | null | undefined): string | undefined => (value === null || value === undefined ? undefined : value);

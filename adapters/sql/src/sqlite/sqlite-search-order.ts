import type { SearchEntityKind } from '../search-index.js';

/**
 * SQLite numbers `search_entries` (and so its FTS5 index) in name order — by sort key, then by
 * record id, exactly — so that a prefix query matching thousands of entries hands them out in
 * name order and stops after the first page (`ORDER BY rowid LIMIT n`).
 *
 * Ids are 63 bits: [kind: 1][62 bits of place], every contact below every account. A new
 * entry takes a number between its neighbours in name order (sqlite-search-entries.ts); the
 * numbers start spread out by the name: 42 bits of an order-preserving code of the sort key's
 * start (a *bucket*) and 20 bits to spread the names of one bucket, so most inserts find room
 * at once and a full stretch is rarely renumbered.
 */
export const TIE_BITS = 20n;
const KEY_BITS = 42;
const KIND_SHIFT = 62n;

/** The entries of a bucket: its first id and its last. */
export const BUCKET_SPAN = 1n << TIE_BITS;

/** Each character's code: a 6-bit class, then the exact code point within the class when the class holds several. */
const CLASSES: ReadonlyArray<{ from: number; to: number; code: number; payload: number }> = [
  { from: 0x00, to: 0x1f, code: 1, payload: 5 },
  { from: 0x20, to: 0x20, code: 2, payload: 0 },
  { from: 0x21, to: 0x2f, code: 3, payload: 4 },
  ...Array.from({ length: 10 }, (_, i) => ({ from: 0x30 + i, to: 0x30 + i, code: 4 + i, payload: 0 })),
  { from: 0x3a, to: 0x60, code: 14, payload: 6 },
  ...Array.from({ length: 26 }, (_, i) => ({ from: 0x61 + i, to: 0x61 + i, code: 15 + i, payload: 0 })),
  { from: 0x7b, to: 0x7ff, code: 41, payload: 11 },
  { from: 0x800, to: 0xffff, code: 42, payload: 16 },
  { from: 0x10000, to: 0x10ffff, code: 43, payload: 21 },
];

const classOf = (codePoint: number): (typeof CLASSES)[number] => {
  for (const c of CLASSES) if (codePoint <= c.to) return c;
  return CLASSES[CLASSES.length - 1] as (typeof CLASSES)[number];
};

/**
 * The first 42 bits of a sort key's order-preserving code: digits and the letters a–z take 6
 * bits (7 characters fit), other characters carry their code point (Chinese: 22 bits each). The
 * end of the name codes as zeros, below every character.
 */
export function nameKey(sortKey: string): bigint {
  let key = 0n;
  let bits = 0;
  for (const char of sortKey) {
    if (bits >= KEY_BITS) break;
    const codePoint = char.codePointAt(0) ?? 0;
    const c = classOf(codePoint);
    key = (key << 6n) | BigInt(c.code);
    if (c.payload > 0) key = (key << BigInt(c.payload)) | BigInt(codePoint - c.from);
    bits += 6 + c.payload;
  }
  return bits > KEY_BITS ? key >> BigInt(bits - KEY_BITS) : key << BigInt(KEY_BITS - bits);
}

/** The first id of the bucket a name falls in. */
export const bucketStart = (kind: SearchEntityKind, sortKey: string): bigint => (kindBit(kind) << KIND_SHIFT) | (nameKey(sortKey) << TIE_BITS);

/** The ids of one kind's entries: every contact's id is below every account's. */
export const kindRange = (kind: SearchEntityKind): { first: bigint; last: bigint } => {
  const first = kindBit(kind) << KIND_SHIFT;
  return { first, last: first + (1n << KIND_SHIFT) - 1n };
};

const kindBit = (kind: SearchEntityKind): bigint => (kind === 'account' ? 1n : 0n);

import type { Kysely } from 'kysely';
import type { Database } from './database.js';

export type SearchEntityKind = 'contact' | 'account';

/**
 * Keeps `search_terms` in step with a contact or account: its old terms go, its new ones
 * (from contactSearchTerms / accountSearchTerms) come in. Run inside the record's own write.
 */
export async function replaceSearchTerms(db: Kysely<Database>, kind: SearchEntityKind, id: string, sortKey: string, terms: readonly string[]): Promise<void> {
  await removeSearchTerms(db, kind, id);
  const unique = [...new Set(terms)];
  if (unique.length === 0) return;
  await db
    .insertInto('search_terms')
    .values(unique.map((term) => ({ entity_kind: kind, entity_id: id, term, sort_key: sortKey })))
    .execute();
}

export async function removeSearchTerms(db: Kysely<Database>, kind: SearchEntityKind, id: string): Promise<void> {
  await db.deleteFrom('search_terms').where('entity_kind', '=', kind).where('entity_id', '=', id).execute();
}

/** The exclusive upper bound of terms starting with `prefix`: every such term sorts below it by code point. */
export const prefixEnd = (prefix: string): string => `${prefix}\u{10FFFF}`;

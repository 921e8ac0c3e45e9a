import type { Account } from '../accounts/account.schema.js';
import type { Contact } from '../contacts/contact.schema.js';

export interface CustomerSearch {
  /** Folded query words (see queryWords); a record matches when each is a prefix of one of its terms. */
  words: readonly string[];
  limit: number;
}

export interface SearchQueries {
  /** Contacts and accounts matching every word, each list ordered by name (sortKey), then id. */
  customers(query: CustomerSearch): Promise<{ contacts: Contact[]; accounts: Account[] }>;
}

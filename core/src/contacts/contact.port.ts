import type { CustomFieldQuery } from '../custom-fields/custom-field-query.port.js';
import type { Page, PageRequest } from '../shared/page.js';
import type { Contact } from './contact.schema.js';

export interface ContactFilter {
  accountId?: string;
  ownerIds?: readonly string[];
  /** Conditions on custom field values, and a custom field to sort by instead of the usual order. */
  custom?: CustomFieldQuery;
}

export interface ContactRepository {
  get(id: string): Promise<Contact | null>;
  getMany(ids: readonly string[]): Promise<Contact[]>;
  /** Contacts holding any of these exact (lower-case) addresses. */
  findByEmails(emails: readonly string[]): Promise<Contact[]>;
  /** Contacts holding an address whose canonical form (no "+tag") is this one. */
  findByCanonicalEmail(canonical: string): Promise<Contact[]>;
  /** Ordered by name (sortKey), then id. */
  list(filter: ContactFilter, page: PageRequest): Promise<Page<Contact>>;
  insert(contact: Contact): Promise<void>;
  update(next: Contact): Promise<boolean>;
  delete(id: string): Promise<void>;
  /** Moves every contact of one account to another (bumping version and updatedAt); returns how many. */
  reassignAccount(fromAccountId: string, toAccountId: string | null, at: string): Promise<number>;
}

import type { Account } from '../accounts/account.schema.js';
import type { Contact } from '../contacts/contact.schema.js';
import { searchTerms } from '../shared/text.js';

const localPart = (email: string): string => email.slice(0, email.lastIndexOf('@'));
const domainLabel = (domain: string): string => domain.split('.')[0] ?? '';

/**
 * The terms a contact is found by: its name and the local parts of its addresses
 * ("ann.lee@acme.com" adds "ann" and "lee"). Every Store indexes exactly these.
 */
export function contactSearchTerms(contact: Pick<Contact, 'name' | 'emails'>): string[] {
  return searchTerms(contact.name, ...contact.emails.map(localPart));
}

/** The terms an account is found by: its name and the first label of each domain ("acme" for acme.com). */
export function accountSearchTerms(account: Pick<Account, 'name' | 'domains'>): string[] {
  return searchTerms(account.name, ...account.domains.map(domainLabel));
}

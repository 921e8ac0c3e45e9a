import type { Contact } from '../../contacts/contact.schema.js';
import { canonicalEmail, normalizeEmail } from '../../shared/email.js';
import type { Page, PageRequest } from '../../shared/page.js';
import { storeConflicts } from '../store-conflicts.js';
import type { ContactFilter, ContactRepository } from '../../contacts/contact.port.js';
import { paginateRecords } from '../../custom-fields/custom-field-paging.js';
import type { MemoryState } from './memory-state.js';
import { byId, byName, pickIds, sortBy } from '../record-paging.js';
import { contactMatches } from '../record-filters.js';

export class MemoryContactRepository implements ContactRepository {
  constructor(private readonly state: MemoryState) {}

  async get(id: string): Promise<Contact | null> {
    return this.state.contacts.get(id);
  }

  async getMany(ids: readonly string[]): Promise<Contact[]> {
    return pickIds(this.state.contacts.all(), ids);
  }

  async findByEmails(emails: readonly string[]): Promise<Contact[]> {
    const wanted = new Set(emails.map(normalizeEmail));
    return this.where((contact) => contact.emails.some((e) => wanted.has(normalizeEmail(e))));
  }

  async findByCanonicalEmail(canonical: string): Promise<Contact[]> {
    const wanted = canonicalEmail(canonical);
    return this.where((contact) => contact.emails.some((e) => canonicalEmail(e) === wanted));
  }

  async list(filter: ContactFilter, page: PageRequest): Promise<Page<Contact>> {
    const rows = this.state.contacts.all().filter((contact) => contactMatches(contact, filter));
    return paginateRecords(rows, page, byName<Contact>(), filter.custom?.sort);
  }

  async insert(contact: Contact): Promise<void> {
    if (this.state.contacts.has(contact.id)) throw storeConflicts.duplicateId('contact', contact.id);
    this.checkEmails(contact);
    this.state.contacts.set(contact.id, contact);
  }

  async update(next: Contact): Promise<boolean> {
    const current = this.state.contacts.get(next.id);
    if (!current || current.version !== next.version - 1) return false;
    this.checkEmails(next);
    this.state.contacts.set(next.id, next);
    return true;
  }

  async delete(id: string): Promise<void> {
    this.state.contacts.delete(id);
  }

  async reassignAccount(fromAccountId: string, toAccountId: string | null, at: string): Promise<number> {
    const moving = this.state.contacts.all().filter((contact) => contact.accountId === fromAccountId);
    for (const contact of moving) {
      this.state.contacts.set(contact.id, { ...contact, accountId: toAccountId, version: contact.version + 1, updatedAt: at });
    }
    return moving.length;
  }

  private where(match: (contact: Contact) => boolean): Contact[] {
    return sortBy(this.state.contacts.all().filter(match), byId<Contact>());
  }

  private checkEmails(contact: Contact): void {
    const mine = new Set(contact.emails.map(normalizeEmail));
    for (const other of this.state.contacts.all()) {
      if (other.id === contact.id) continue;
      const taken = other.emails.map(normalizeEmail).find((e) => mine.has(e));
      if (taken !== undefined) throw storeConflicts.emailTaken(taken, other.id);
    }
  }
}

import { canonicalEmail, contactMatches, paginateRecords, contactSearchTerms, normalizeEmail, storeConflicts, type Contact, type ContactFilter, type ContactRepository, type Page, type PageRequest } from '@rapport/core';
import type { Row } from '../idb-schema.js';
import type { IdbTx } from '../idb-tx.js';
import { nameKey, optional } from '../idb-keys.js';
import { byId, byName, pickIds, sortBy } from '../idb-paging.js';

export const contactRow = (contact: Contact): Row<Contact> => ({
  k: contact.id,
  doc: contact,
  i: {
    emails: [...new Set(contact.emails.map(normalizeEmail))],
    canonical: [...new Set(contact.emails.map(canonicalEmail))],
    account: optional(contact.accountId),
    owner: contact.ownerId,
    name: nameKey(contact.name, contact.id),
    terms: contactSearchTerms(contact),
  },
});

export class IdbContactRepository implements ContactRepository {
  constructor(private readonly tx: IdbTx) {}

  get(id: string): Promise<Contact | null> {
    return this.tx.get<Contact>('contacts', id);
  }

  async getMany(ids: readonly string[]): Promise<Contact[]> {
    const found = await Promise.all([...new Set(ids)].map((id) => this.get(id)));
    return pickIds(found.filter((c): c is Contact => c !== null), ids);
  }

  async findByEmails(emails: readonly string[]): Promise<Contact[]> {
    return this.byIndex('emails', emails.map(normalizeEmail));
  }

  async findByCanonicalEmail(canonical: string): Promise<Contact[]> {
    return this.byIndex('canonical', [canonicalEmail(canonical)]);
  }

  async list(filter: ContactFilter, page: PageRequest): Promise<Page<Contact>> {
    const rows = filter.accountId === undefined ? await this.tx.query<Contact>('contacts', null, null) : await this.tx.query<Contact>('contacts', 'account', filter.accountId);
    return paginateRecords(rows.filter((c) => contactMatches(c, filter)), page, byName<Contact>(), filter.custom?.sort);
  }

  insert(contact: Contact): Promise<void> {
    return this.tx.write(async () => {
      if (await this.get(contact.id)) throw storeConflicts.duplicateId('contact', contact.id);
      await this.checkEmails(contact);
      this.tx.put('contacts', contactRow(contact));
    });
  }

  update(next: Contact): Promise<boolean> {
    return this.tx.write(async () => {
      const current = await this.get(next.id);
      if (!current || current.version !== next.version - 1) return false;
      await this.checkEmails(next);
      this.tx.put('contacts', contactRow(next));
      return true;
    });
  }

  delete(id: string): Promise<void> {
    return this.tx.write(async () => this.tx.delete('contacts', id));
  }

  reassignAccount(fromAccountId: string, toAccountId: string | null, at: string): Promise<number> {
    return this.tx.write(async () => {
      const moving = await this.tx.query<Contact>('contacts', 'account', fromAccountId);
      for (const c of moving) this.tx.put('contacts', contactRow({ ...c, accountId: toAccountId, version: c.version + 1, updatedAt: at }));
      return moving.length;
    });
  }

  private async byIndex(index: 'emails' | 'canonical', values: string[]): Promise<Contact[]> {
    const found = new Map<string, Contact>();
    for (const value of new Set(values)) {
      for (const contact of await this.tx.query<Contact>('contacts', index, value, true)) found.set(contact.id, contact);
    }
    return sortBy([...found.values()], byId<Contact>());
  }

  private async checkEmails(contact: Contact): Promise<void> {
    for (const email of new Set(contact.emails.map(normalizeEmail))) {
      const other = (await this.tx.query<Contact>('contacts', 'emails', email, true)).find((c) => c.id !== contact.id);
      if (other) throw storeConflicts.emailTaken(email, other.id);
    }
  }
}

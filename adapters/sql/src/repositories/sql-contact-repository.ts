import { canonicalEmail, contactSearchTerms, normalizeEmail, readCursor, sortKey, storeConflicts } from '@rapport/core';
import { pageSortedByField, whereCustomFields } from '../sql-custom-fields.js';
import type { Contact, ContactFilter, CustomFieldValues, ContactRepository, Page, PageRequest } from '@rapport/core';
import type { Insertable, Selectable } from 'kysely';
import type { SqlContext } from '../context.js';
import type { ContactsTable } from '../database.js';
import type { Engine } from '../engine.js';
import { affected, afterKeyset, matchesNothing, pageOfRows } from '../sql-paging.js';
import { SqlCustomerRepository, type CustomerTables } from './sql-customer-repository.js';

function toRow(c: Contact, engine: Engine): Insertable<ContactsTable> {
  return {
    id: c.id,
    name: c.name,
    sort_key: sortKey(c.name),
    account_id: c.accountId,
    emails: engine.json(c.emails),
    phones: engine.json(c.phones),
    title: c.title,
    owner_id: c.ownerId,
    custom_fields: engine.json(c.customFields),
    version: c.version,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
  };
}

export function toContact(row: Selectable<ContactsTable>, engine: Engine): Contact {
  return {
    id: row.id,
    name: row.name,
    accountId: row.account_id,
    emails: engine.readJson<string[]>(row.emails),
    phones: engine.readJson<string[]>(row.phones),
    title: row.title,
    ownerId: row.owner_id,
    customFields: engine.readJson<CustomFieldValues>(row.custom_fields),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const contactTables: CustomerTables<Contact, ContactsTable> = {
  table: 'contacts',
  kind: 'contact',
  toRow,
  fromRow: toContact,
  searchTerms: contactSearchTerms,
  claims: {
    table: 'contact_emails',
    key: 'email',
    holder: 'contact_id',
    keysOf: (contact) => [...new Set(contact.emails.map(normalizeEmail))],
    rows: (contact, emails) => emails.map((email) => ({ email, canonical: canonicalEmail(email), contact_id: contact.id })),
    taken: storeConflicts.emailTaken,
  },
};

/** Contacts, their email addresses (each held by one contact, found also by canonical form) and their search terms. */
export class SqlContactRepository extends SqlCustomerRepository<Contact, ContactsTable> implements ContactRepository {
  constructor(ctx: SqlContext) {
    super(ctx, contactTables);
  }

  async findByEmails(emails: readonly string[]): Promise<Contact[]> {
    if (emails.length === 0) return [];
    return this.holding('email', emails.map(normalizeEmail));
  }

  async findByCanonicalEmail(canonical: string): Promise<Contact[]> {
    return this.holding('canonical', [canonicalEmail(canonical)]);
  }

  async list(filter: ContactFilter, page: PageRequest): Promise<Page<Contact>> {
    if (matchesNothing(filter.ownerIds)) return { items: [], nextCursor: null };
    const kind = this.ctx.engine.kind;
    let query = this.ctx.db.selectFrom('contacts').selectAll();
    if (filter.accountId !== undefined) query = query.where('account_id', '=', filter.accountId);
    if (filter.ownerIds) query = query.where('owner_id', 'in', filter.ownerIds);
    query = whereCustomFields(query, kind, filter.custom);
    const sort = filter.custom?.sort;
    if (sort) return pageSortedByField(query, kind, page, sort, (row) => toContact(row, this.ctx.engine));
    const after = readCursor(page.cursor, 2);
    if (after) query = query.where(afterKeyset(['sort_key', 'id'], after));
    const rows = await query.orderBy('sort_key').orderBy('id').limit(page.limit + 1).execute();
    return pageOfRows(rows, page.limit, (row) => [row.sort_key, row.id], (row) => toContact(row, this.ctx.engine));
  }

  async reassignAccount(fromAccountId: string, toAccountId: string | null, at: string): Promise<number> {
    const result = await this.ctx.db
      .updateTable('contacts')
      .set((eb) => ({ account_id: toAccountId, version: eb('version', '+', 1), updated_at: at }))
      .where('account_id', '=', fromAccountId)
      .executeTakeFirst();
    return affected(result);
  }

  private async holding(column: 'email' | 'canonical', values: string[]): Promise<Contact[]> {
    const rows = await this.ctx.db
      .selectFrom('contacts')
      .selectAll()
      .where('id', 'in', (eb) => eb.selectFrom('contact_emails').select('contact_id').where(column, 'in', values))
      .orderBy('id')
      .execute();
    return rows.map((row) => toContact(row, this.ctx.engine));
  }
}

import { canonicalEmail, contactSearchTerms, normalizeEmail, readCursor, sortKey, storeConflicts } from '@rapport/core';
import type { Contact, ContactFilter, ContactRepository, Page, PageRequest } from '@rapport/core';
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { SqlContext } from '../context.js';
import type { ContactsTable, Database } from '../database.js';
import type { Engine } from '../engine.js';
import { removeSearchTerms, replaceSearchTerms } from '../search-index.js';
import { affected, afterKeyset, matchesNothing, pageOfRows } from '../sql-paging.js';

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
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const emailsOf = (contact: Contact): string[] => [...new Set(contact.emails.map(normalizeEmail))];

export class SqlContactRepository implements ContactRepository {
  constructor(private readonly ctx: SqlContext) {}

  async get(id: string): Promise<Contact | null> {
    const row = await this.ctx.db.selectFrom('contacts').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toContact(row, this.ctx.engine) : null;
  }

  async getMany(ids: readonly string[]): Promise<Contact[]> {
    if (ids.length === 0) return [];
    const rows = await this.ctx.db.selectFrom('contacts').selectAll().where('id', 'in', ids).orderBy('id').execute();
    return rows.map((row) => toContact(row, this.ctx.engine));
  }

  async findByEmails(emails: readonly string[]): Promise<Contact[]> {
    if (emails.length === 0) return [];
    return this.holding('email', emails.map(normalizeEmail));
  }

  async findByCanonicalEmail(canonical: string): Promise<Contact[]> {
    return this.holding('canonical', [canonicalEmail(canonical)]);
  }

  async list(filter: ContactFilter, page: PageRequest): Promise<Page<Contact>> {
    const after = readCursor(page.cursor, 2);
    if (matchesNothing(filter.ownerIds)) return { items: [], nextCursor: null };
    let query = this.ctx.db.selectFrom('contacts').selectAll();
    if (filter.accountId !== undefined) query = query.where('account_id', '=', filter.accountId);
    if (filter.ownerIds) query = query.where('owner_id', 'in', filter.ownerIds);
    if (after) query = query.where(afterKeyset(['sort_key', 'id'], after));
    const rows = await query.orderBy('sort_key').orderBy('id').limit(page.limit + 1).execute();
    return pageOfRows(rows, page.limit, (row) => [row.sort_key, row.id], (row) => toContact(row, this.ctx.engine));
  }

  async insert(contact: Contact): Promise<void> {
    await this.ctx.atomic(async (db) => {
      const result = await db
        .insertInto('contacts')
        .values(toRow(contact, this.ctx.engine))
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      if (Number(result.numInsertedOrUpdatedRows ?? 0n) === 0) throw storeConflicts.duplicateId('contact', contact.id);
      await this.writeEmails(db, contact);
      await replaceSearchTerms(db, 'contact', contact.id, sortKey(contact.name), contactSearchTerms(contact));
    });
  }

  async update(next: Contact): Promise<boolean> {
    return this.ctx.atomic(async (db) => {
      const { id: _id, ...changes } = toRow(next, this.ctx.engine);
      const result = await db
        .updateTable('contacts')
        .set(changes)
        .where('id', '=', next.id)
        .where('version', '=', next.version - 1)
        .executeTakeFirst();
      if (affected(result) === 0) return false;
      await db.deleteFrom('contact_emails').where('contact_id', '=', next.id).execute();
      await this.writeEmails(db, next);
      await replaceSearchTerms(db, 'contact', next.id, sortKey(next.name), contactSearchTerms(next));
      return true;
    });
  }

  async delete(id: string): Promise<void> {
    await this.ctx.atomic(async (db) => {
      await db.deleteFrom('contact_emails').where('contact_id', '=', id).execute();
      await removeSearchTerms(db, 'contact', id);
      await db.deleteFrom('contacts').where('id', '=', id).execute();
    });
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

  /** Claims the contact's addresses; one another contact holds is a conflict naming it. */
  private async writeEmails(db: Kysely<Database>, contact: Contact): Promise<void> {
    const emails = emailsOf(contact);
    if (emails.length === 0) return;
    const result = await db
      .insertInto('contact_emails')
      .values(emails.map((email) => ({ email, canonical: canonicalEmail(email), contact_id: contact.id })))
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0n) === emails.length) return;
    const holder = await db
      .selectFrom('contact_emails')
      .select(['email', 'contact_id'])
      .where('email', 'in', emails)
      .where('contact_id', '<>', contact.id)
      .orderBy('email')
      .executeTakeFirst();
    throw storeConflicts.emailTaken(holder?.email ?? emails.join(', '), holder?.contact_id ?? 'unknown');
  }
}

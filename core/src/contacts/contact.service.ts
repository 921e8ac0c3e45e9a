import { requireAccount } from '../accounts/account.service.js';
import { customFieldsAfterPatch, customFieldsToCreate } from '../custom-fields/custom-field-record.js';
import { assertMayAssignTo } from '../permissions/permissions.js';
import type { Actor, ServiceDeps, WriteOptions } from '../services/context.js';
import { CustomerRecordService } from '../services/customer-record.service.js';
import { conflict, notFound } from '../shared/errors.js';
import { definedOnly, unique } from '../shared/objects.js';
import { parseInput } from '../shared/validate.js';
import type { ContactFilter } from './contact.port.js';
import type { UnitOfWork } from '../store/store.port.js';
import type { Contact } from './contact.schema.js';
import { ContactInput, ContactPatch } from './contact.schema.js';

export class ContactService extends CustomerRecordService<Contact, ContactFilter> {
  constructor(deps: ServiceDeps) {
    super(deps, { entity: 'contact', plural: 'contacts', repository: (uow) => uow.contacts });
  }

  async create(actor: Actor, input: ContactInput): Promise<Contact> {
    const data = parseInput(ContactInput, input, 'contact');
    return this.deps.store.transaction(async (uow) => {
      const ownerId = data.ownerId ?? actor.user.id;
      await assertMayAssignTo(uow, actor.user, ownerId, 'contacts');
      if (data.accountId) await requireAccount(uow, data.accountId);
      await assertEmailsFree(uow, data.emails, null);
      const customFields = await customFieldsToCreate(uow, 'contact', data.customFields);
      const now = this.now();
      const contact: Contact = {
        id: this.deps.ids.next('contact'),
        name: data.name,
        accountId: data.accountId,
        emails: unique(data.emails),
        phones: unique(data.phones),
        title: data.title,
        ownerId,
        customFields,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      return this.insert(uow, actor, contact);
    });
  }

  async update(actor: Actor, id: string, patch: ContactPatch, options: WriteOptions = {}): Promise<Contact> {
    const data = parseInput(ContactPatch, patch, 'contact change');
    return this.change(actor, id, options, data.ownerId, async (uow, current) => {
      if (data.accountId) await requireAccount(uow, data.accountId);
      if (data.emails) await assertEmailsFree(uow, data.emails, id);
      return definedOnly({
        ...data,
        emails: data.emails ? unique(data.emails) : undefined,
        phones: data.phones ? unique(data.phones) : undefined,
        customFields: await customFieldsAfterPatch(uow, 'contact', current.customFields, data.customFields),
      });
    });
  }

  /** Deletes a contact. Its activities stay on the account; deals and reminders keep their account. */
  async delete(actor: Actor, id: string, options: WriteOptions = {}): Promise<void> {
    await this.remove(actor, id, options, async (uow, _current, now) => {
      await uow.deals.reassignContact(id, null, now);
      await uow.activities.reassignContact(id, null);
      await uow.reminders.reassignContact(id, null);
    });
  }

  /**
   * Merges a duplicate into the contact kept: addresses and phones are joined, and every
   * activity, deal and reminder of the duplicate moves over before it is deleted.
   */
  async merge(actor: Actor, keepId: string, duplicateId: string): Promise<Contact> {
    return this.mergeRecords(
      actor,
      keepId,
      duplicateId,
      async (uow, now) => ({
        deals: await uow.deals.reassignContact(duplicateId, keepId, now),
        activities: await uow.activities.reassignContact(duplicateId, keepId),
        reminders: await uow.reminders.reassignContact(duplicateId, keepId),
      }),
      (keep, duplicate) => ({
        emails: unique([...keep.emails, ...duplicate.emails]),
        phones: unique([...keep.phones, ...duplicate.phones]),
        customFields: { ...duplicate.customFields, ...keep.customFields },
        title: keep.title ?? duplicate.title,
        accountId: keep.accountId ?? duplicate.accountId,
      }),
    );
  }
}

export async function requireContact(uow: UnitOfWork, id: string): Promise<Contact> {
  const contact = await uow.contacts.get(id);
  if (!contact) throw notFound('contact', id);
  return contact;
}

async function assertEmailsFree(uow: UnitOfWork, emails: readonly string[], ownId: string | null): Promise<void> {
  if (emails.length === 0) return;
  const holder = (await uow.contacts.findByEmails(emails)).find((c) => c.id !== ownId);
  if (holder) {
    const taken = holder.emails.filter((e) => emails.includes(e));
    throw conflict(`${taken.join(', ')} already belongs to ${holder.name}. Merge the contacts instead of adding the address twice.`, {
      contactId: holder.id,
    });
  }
}

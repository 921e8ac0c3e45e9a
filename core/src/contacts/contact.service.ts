import { requireAccount } from '../accounts/account.service.js';
import { changedFields, recordEvent } from '../events/record-event.js';
import { assertMayAssignTo, assertMayChange } from '../permissions/permissions.js';
import type { Actor, ServiceDeps, WriteOptions } from '../services/context.js';
import { assertVersion, saveNextVersion } from '../services/versioned.js';
import { conflict, invalidInput, notFound } from '../shared/errors.js';
import { definedOnly, unique } from '../shared/objects.js';
import { PageRequest, type Page } from '../shared/page.js';
import { parseInput } from '../shared/validate.js';
import type { ContactFilter } from './contact.port.js';
import type { UnitOfWork } from '../store/store.port.js';
import type { Contact} from './contact.schema.js';
import { ContactInput, ContactPatch } from './contact.schema.js';

export class ContactService {
  constructor(private readonly deps: ServiceDeps) {}

  async create(actor: Actor, input: ContactInput): Promise<Contact> {
    const data = parseInput(ContactInput, input, 'contact');
    return this.deps.store.transaction(async (uow) => {
      const ownerId = data.ownerId ?? actor.user.id;
      await assertMayAssignTo(uow, actor.user, ownerId, 'contacts');
      if (data.accountId) await requireAccount(uow, data.accountId);
      await assertEmailsFree(uow, data.emails, null);
      const now = this.now();
      const contact: Contact = {
        id: this.deps.ids.next('contact'),
        name: data.name,
        accountId: data.accountId,
        emails: unique(data.emails),
        phones: unique(data.phones),
        title: data.title,
        ownerId,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await uow.contacts.insert(contact);
      await recordEvent(uow, this.deps, actor, { type: 'contact.created', entityType: 'contact', entityId: contact.id, after: contact });
      return contact;
    });
  }

  async get(_actor: Actor, id: string): Promise<Contact> {
    const contact = await this.deps.store.read((uow) => uow.contacts.get(id));
    if (!contact) throw notFound('contact', id);
    return contact;
  }

  async list(_actor: Actor, filter: ContactFilter, page: PageRequest): Promise<Page<Contact>> {
    const request = parseInput(PageRequest, page, 'page');
    return this.deps.store.read((uow) => uow.contacts.list(filter, request));
  }

  async update(actor: Actor, id: string, patch: ContactPatch, options: WriteOptions = {}): Promise<Contact> {
    const data = parseInput(ContactPatch, patch, 'contact change');
    return this.deps.store.transaction(async (uow) => {
      const current = await requireContact(uow, id);
      assertVersion(current, options.expectedVersion, 'contact');
      await assertMayChange(uow, actor.user, current, 'contacts');
      if (data.ownerId && data.ownerId !== current.ownerId) await assertMayAssignTo(uow, actor.user, data.ownerId, 'contacts');
      if (data.accountId) await requireAccount(uow, data.accountId);
      if (data.emails) await assertEmailsFree(uow, data.emails, id);
      const changes: Partial<Contact> = definedOnly({
        ...data,
        emails: data.emails ? unique(data.emails) : undefined,
        phones: data.phones ? unique(data.phones) : undefined,
      });
      const diff = changedFields(current, { ...current, ...changes }, ['version', 'updatedAt']);
      if (!diff) return current;
      const next = await saveNextVersion((c) => uow.contacts.update(c), current, changes, this.now(), 'contact');
      await recordEvent(uow, this.deps, actor, { type: 'contact.updated', entityType: 'contact', entityId: id, ...diff });
      return next;
    });
  }

  /** Deletes a contact. Its activities stay on the account; deals and reminders keep their account. */
  async delete(actor: Actor, id: string, options: WriteOptions = {}): Promise<void> {
    await this.deps.store.transaction(async (uow) => {
      const current = await requireContact(uow, id);
      assertVersion(current, options.expectedVersion, 'contact');
      await assertMayChange(uow, actor.user, current, 'contacts');
      await uow.deals.reassignContact(id, null, this.now());
      await uow.activities.reassignContact(id, null);
      await uow.reminders.reassignContact(id, null);
      await uow.contacts.delete(id);
      await recordEvent(uow, this.deps, actor, { type: 'contact.deleted', entityType: 'contact', entityId: id, before: current });
    });
  }

  /**
   * Merges a duplicate into the contact kept: addresses and phones are joined, and every
   * activity, deal and reminder of the duplicate moves over before it is deleted.
   */
  async merge(actor: Actor, keepId: string, duplicateId: string): Promise<Contact> {
    if (keepId === duplicateId) throw invalidInput('Pick two different contacts to merge.', [{ path: 'duplicateId', message: 'Same as the contact kept.' }]);
    return this.deps.store.transaction(async (uow) => {
      const keep = await requireContact(uow, keepId);
      const duplicate = await requireContact(uow, duplicateId);
      await assertMayChange(uow, actor.user, keep, 'contacts');
      await assertMayChange(uow, actor.user, duplicate, 'contacts');
      const now = this.now();
      const moved = {
        deals: await uow.deals.reassignContact(duplicateId, keepId, now),
        activities: await uow.activities.reassignContact(duplicateId, keepId),
        reminders: await uow.reminders.reassignContact(duplicateId, keepId),
      };
      // The duplicate goes first so its addresses are free for the contact kept.
      await uow.contacts.delete(duplicateId);
      const next = await saveNextVersion(
        (c) => uow.contacts.update(c),
        keep,
        {
          emails: unique([...keep.emails, ...duplicate.emails]),
          phones: unique([...keep.phones, ...duplicate.phones]),
          title: keep.title ?? duplicate.title,
          accountId: keep.accountId ?? duplicate.accountId,
        },
        now,
        'contact',
      );
      await recordEvent(uow, this.deps, actor, {
        type: 'contact.merged',
        entityType: 'contact',
        entityId: keepId,
        before: { kept: keep, duplicate },
        after: { contact: next, moved },
      });
      return next;
    });
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
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

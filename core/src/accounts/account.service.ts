import { customFieldsAfterPatch, customFieldsToCreate } from '../custom-fields/custom-field-record.js';
import { assertMayAssignTo } from '../permissions/permissions.js';
import type { Actor, ServiceDeps, WriteOptions } from '../services/context.js';
import { CustomerRecordService } from '../services/customer-record.service.js';
import { isFreeMailDomain } from '../shared/email.js';
import { compareCodePoints, sortKey } from '../shared/text.js';
import { conflict, invalidInput, notFound } from '../shared/errors.js';
import { definedOnly, unique } from '../shared/objects.js';
import { parseInput } from '../shared/validate.js';
import type { AccountFilter } from './account.port.js';
import type { UnitOfWork } from '../store/store.port.js';
import type { Account } from './account.schema.js';
import { AccountInput, AccountPatch } from './account.schema.js';

export class AccountService extends CustomerRecordService<Account, AccountFilter> {
  constructor(deps: ServiceDeps) {
    super(deps, { entity: 'account', plural: 'accounts', repository: (uow) => uow.accounts });
  }

  async create(actor: Actor, input: AccountInput): Promise<Account> {
    const data = parseInput(AccountInput, input, 'account');
    assertNoFreeMail(data.domains);
    return this.deps.store.transaction(async (uow) => {
      const ownerId = data.ownerId ?? actor.user.id;
      await assertMayAssignTo(uow, actor.user, ownerId, 'accounts');
      await assertDomainsFree(uow, data.domains, null);
      const customFields = await customFieldsToCreate(uow, 'account', data.customFields);
      const now = this.now();
      const account: Account = {
        id: this.deps.ids.next('account'),
        name: data.name,
        domains: unique(data.domains),
        industry: data.industry,
        size: data.size,
        ownerId,
        lifecycle: data.lifecycle,
        segment: null,
        customFields,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      return this.insert(uow, actor, account);
    });
  }

  /** The accounts with these ids that exist, by name. */
  async getMany(_actor: Actor, ids: readonly string[]): Promise<Account[]> {
    const accounts = await this.deps.store.read((uow) => uow.accounts.getMany([...new Set(ids)]));
    return accounts.sort((a, b) => compareCodePoints(sortKey(a.name), sortKey(b.name)) || compareCodePoints(a.id, b.id));
  }

  async update(actor: Actor, id: string, patch: AccountPatch, options: WriteOptions = {}): Promise<Account> {
    const data = parseInput(AccountPatch, patch, 'account change');
    if (data.domains) assertNoFreeMail(data.domains);
    return this.change(actor, id, options, data.ownerId, async (uow, current) => {
      if (data.domains) await assertDomainsFree(uow, data.domains, id);
      const customFields = await customFieldsAfterPatch(uow, 'account', current.customFields, data.customFields);
      return definedOnly({ ...data, domains: data.domains ? unique(data.domains) : undefined, customFields });
    });
  }

  /** Deletes an account. Its contacts stay (without an account); an account with deals cannot be deleted. */
  async delete(actor: Actor, id: string, options: WriteOptions = {}): Promise<void> {
    await this.remove(actor, id, options, async (uow, current, now) => {
      const deals = await uow.deals.list({ accountId: id }, { limit: 1 });
      if (deals.items.length > 0) {
        throw conflict(`${current.name} still has deals. Move them to another account (or merge the accounts) before deleting it.`);
      }
      await uow.contacts.reassignAccount(id, null, now);
      await uow.activities.reassignAccount(id, null);
      await uow.reminders.reassignAccount(id, null);
    });
  }

  /**
   * Merges a duplicate into the account kept: its contacts, deals, activities, reminders and
   * domains move over, then the duplicate is deleted. Nothing is lost.
   */
  async merge(actor: Actor, keepId: string, duplicateId: string): Promise<Account> {
    return this.mergeRecords(
      actor,
      keepId,
      duplicateId,
      async (uow, now) => ({
        contacts: await uow.contacts.reassignAccount(duplicateId, keepId, now),
        deals: await uow.deals.reassignAccount(duplicateId, keepId, now),
        activities: await uow.activities.reassignAccount(duplicateId, keepId),
        reminders: await uow.reminders.reassignAccount(duplicateId, keepId),
      }),
      (keep, duplicate) => ({
        domains: unique([...keep.domains, ...duplicate.domains]),
        industry: keep.industry ?? duplicate.industry,
        size: keep.size ?? duplicate.size,
        customFields: { ...duplicate.customFields, ...keep.customFields },
      }),
    );
  }
}

export async function requireAccount(uow: UnitOfWork, id: string): Promise<Account> {
  const account = await uow.accounts.get(id);
  if (!account) throw notFound('account', id);
  return account;
}

function assertNoFreeMail(domains: readonly string[]): void {
  const free = domains.filter(isFreeMailDomain);
  if (free.length > 0) {
    throw invalidInput(`${free.join(', ')} is a free-mail provider, not a company domain; leave it out.`, [
      { path: 'domains', message: `Free-mail domain: ${free.join(', ')}.` },
    ]);
  }
}

async function assertDomainsFree(uow: UnitOfWork, domains: readonly string[], ownId: string | null): Promise<void> {
  if (domains.length === 0) return;
  const holders = (await uow.accounts.findByDomains(domains)).filter((a) => a.id !== ownId);
  const holder = holders[0];
  if (holder) {
    const taken = holder.domains.filter((d) => domains.includes(d));
    throw conflict(`${taken.join(', ')} already belongs to ${holder.name}. Merge the accounts instead of adding the domain twice.`, {
      accountId: holder.id,
    });
  }
}


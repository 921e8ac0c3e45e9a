import { changedFields, recordEvent } from '../events/record-event.js';
import { assertMayAssignTo, assertMayChange } from '../permissions/permissions.js';
import type { Actor, ServiceDeps, WriteOptions } from '../services/context.js';
import { assertVersion, saveNextVersion } from '../services/versioned.js';
import { isFreeMailDomain } from '../shared/email.js';
import { compareCodePoints, sortKey } from '../shared/text.js';
import { conflict, invalidInput, notFound } from '../shared/errors.js';
import { PageRequest, type Page } from '../shared/page.js';
import { definedOnly, unique } from '../shared/objects.js';
import { parseInput } from '../shared/validate.js';
import type { AccountFilter } from './account.port.js';
import type { UnitOfWork } from '../store/store.port.js';
import type { Account} from './account.schema.js';
import { AccountInput, AccountPatch } from './account.schema.js';

export class AccountService {
  constructor(private readonly deps: ServiceDeps) {}

  async create(actor: Actor, input: AccountInput): Promise<Account> {
    const data = parseInput(AccountInput, input, 'account');
    assertNoFreeMail(data.domains);
    return this.deps.store.transaction(async (uow) => {
      const ownerId = data.ownerId ?? actor.user.id;
      await assertMayAssignTo(uow, actor.user, ownerId, 'accounts');
      await assertDomainsFree(uow, data.domains, null);
      const now = this.deps.clock.now().toISOString();
      const account: Account = {
        id: this.deps.ids.next('account'),
        name: data.name,
        domains: unique(data.domains),
        industry: data.industry,
        size: data.size,
        ownerId,
        lifecycle: data.lifecycle,
        segment: null,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      await uow.accounts.insert(account);
      await recordEvent(uow, this.deps, actor, { type: 'account.created', entityType: 'account', entityId: account.id, after: account });
      return account;
    });
  }

  async get(_actor: Actor, id: string): Promise<Account> {
    const account = await this.deps.store.read((uow) => uow.accounts.get(id));
    if (!account) throw notFound('account', id);
    return account;
  }

  /** The accounts with these ids that exist, by name. */
  async getMany(_actor: Actor, ids: readonly string[]): Promise<Account[]> {
    const accounts = await this.deps.store.read((uow) => uow.accounts.getMany([...new Set(ids)]));
    return accounts.sort((a, b) => compareCodePoints(sortKey(a.name), sortKey(b.name)) || compareCodePoints(a.id, b.id));
  }

  async list(_actor: Actor, filter: AccountFilter, page: PageRequest): Promise<Page<Account>> {
    const request = parseInput(PageRequest, page, 'page');
    return this.deps.store.read((uow) => uow.accounts.list(filter, request));
  }

  async update(actor: Actor, id: string, patch: AccountPatch, options: WriteOptions = {}): Promise<Account> {
    const data = parseInput(AccountPatch, patch, 'account change');
    if (data.domains) assertNoFreeMail(data.domains);
    return this.deps.store.transaction(async (uow) => {
      const current = await requireAccount(uow, id);
      assertVersion(current, options.expectedVersion, 'account');
      await assertMayChange(uow, actor.user, current, 'accounts');
      if (data.ownerId && data.ownerId !== current.ownerId) await assertMayAssignTo(uow, actor.user, data.ownerId, 'accounts');
      if (data.domains) await assertDomainsFree(uow, data.domains, id);
      const changes: Partial<Account> = definedOnly({ ...data, domains: data.domains ? unique(data.domains) : undefined });
      const diff = changedFields(current, { ...current, ...changes }, ['version', 'updatedAt']);
      if (!diff) return current;
      const next = await saveNextVersion((a) => uow.accounts.update(a), current, changes, this.now(), 'account');
      await recordEvent(uow, this.deps, actor, { type: 'account.updated', entityType: 'account', entityId: id, ...diff });
      return next;
    });
  }

  /** Deletes an account. Its contacts stay (without an account); an account with deals cannot be deleted. */
  async delete(actor: Actor, id: string, options: WriteOptions = {}): Promise<void> {
    await this.deps.store.transaction(async (uow) => {
      const current = await requireAccount(uow, id);
      assertVersion(current, options.expectedVersion, 'account');
      await assertMayChange(uow, actor.user, current, 'accounts');
      const deals = await uow.deals.list({ accountId: id }, { limit: 1 });
      if (deals.items.length > 0) {
        throw conflict(`${current.name} still has deals. Move them to another account (or merge the accounts) before deleting it.`);
      }
      const now = this.now();
      await uow.contacts.reassignAccount(id, null, now);
      await uow.activities.reassignAccount(id, null);
      await uow.reminders.reassignAccount(id, null);
      await uow.accounts.delete(id);
      await recordEvent(uow, this.deps, actor, { type: 'account.deleted', entityType: 'account', entityId: id, before: current });
    });
  }

  /**
   * Merges a duplicate into the account kept: its contacts, deals, activities, reminders and
   * domains move over, then the duplicate is deleted. Nothing is lost.
   */
  async merge(actor: Actor, keepId: string, duplicateId: string): Promise<Account> {
    if (keepId === duplicateId) throw invalidInput('Pick two different accounts to merge.', [{ path: 'duplicateId', message: 'Same as the account kept.' }]);
    return this.deps.store.transaction(async (uow) => {
      const keep = await requireAccount(uow, keepId);
      const duplicate = await requireAccount(uow, duplicateId);
      await assertMayChange(uow, actor.user, keep, 'accounts');
      await assertMayChange(uow, actor.user, duplicate, 'accounts');
      const now = this.now();
      const moved = {
        contacts: await uow.contacts.reassignAccount(duplicateId, keepId, now),
        deals: await uow.deals.reassignAccount(duplicateId, keepId, now),
        activities: await uow.activities.reassignAccount(duplicateId, keepId),
        reminders: await uow.reminders.reassignAccount(duplicateId, keepId),
      };
      await uow.accounts.delete(duplicateId);
      const next = await saveNextVersion(
        (a) => uow.accounts.update(a),
        keep,
        {
          domains: unique([...keep.domains, ...duplicate.domains]),
          industry: keep.industry ?? duplicate.industry,
          size: keep.size ?? duplicate.size,
        },
        now,
        'account',
      );
      await recordEvent(uow, this.deps, actor, {
        type: 'account.merged',
        entityType: 'account',
        entityId: keepId,
        before: { kept: keep, duplicate },
        after: { account: next, moved },
      });
      return next;
    });
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
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


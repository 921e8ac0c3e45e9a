import type { Account } from '../../accounts/account.schema.js';
import { normalizeDomain } from '../../shared/email.js';
import type { Page, PageRequest } from '../../shared/page.js';
import { storeConflicts } from '../store-conflicts.js';
import type { AccountFilter, AccountRepository } from '../../accounts/account.port.js';
import { paginateRecords } from '../../custom-fields/custom-field-paging.js';
import type { MemoryState } from './memory-state.js';
import { byId, byName, pickIds, sortBy } from '../record-paging.js';
import { accountMatches } from '../record-filters.js';

export class MemoryAccountRepository implements AccountRepository {
  constructor(private readonly state: MemoryState) {}

  async get(id: string): Promise<Account | null> {
    return this.state.accounts.get(id);
  }

  async getMany(ids: readonly string[]): Promise<Account[]> {
    return pickIds(this.state.accounts.all(), ids);
  }

  async findByDomains(domains: readonly string[]): Promise<Account[]> {
    const wanted = new Set(domains.map(normalizeDomain));
    const rows = this.state.accounts.all().filter((account) => account.domains.some((d) => wanted.has(normalizeDomain(d))));
    return sortBy(rows, byId<Account>());
  }

  async list(filter: AccountFilter, page: PageRequest): Promise<Page<Account>> {
    const rows = this.state.accounts.all().filter((account) => accountMatches(account, filter));
    return paginateRecords(rows, page, byName<Account>(), filter.custom?.sort);
  }

  async insert(account: Account): Promise<void> {
    if (this.state.accounts.has(account.id)) throw storeConflicts.duplicateId('account', account.id);
    this.checkDomains(account);
    this.state.accounts.set(account.id, account);
  }

  async update(next: Account): Promise<boolean> {
    const current = this.state.accounts.get(next.id);
    if (!current || current.version !== next.version - 1) return false;
    this.checkDomains(next);
    this.state.accounts.set(next.id, next);
    return true;
  }

  async delete(id: string): Promise<void> {
    this.state.accounts.delete(id);
  }

  private checkDomains(account: Account): void {
    const mine = new Set(account.domains.map(normalizeDomain));
    for (const other of this.state.accounts.all()) {
      if (other.id === account.id) continue;
      const taken = other.domains.map(normalizeDomain).find((d) => mine.has(d));
      if (taken !== undefined) throw storeConflicts.domainTaken(taken, other.id);
    }
  }
}

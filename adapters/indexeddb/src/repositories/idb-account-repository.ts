import { accountMatches, accountSearchTerms, paginateRecords, normalizeDomain, storeConflicts, type Account, type AccountFilter, type AccountRepository, type Page, type PageRequest } from '@rapport/core';
import type { Row } from '../idb-schema.js';
import type { IdbTx } from '../idb-tx.js';
import { nameKey } from '../idb-keys.js';
import { byId, byName, pickIds, sortBy } from '../idb-paging.js';

export const accountRow = (account: Account): Row<Account> => ({
  k: account.id,
  doc: account,
  i: {
    domains: [...new Set(account.domains.map(normalizeDomain))],
    owner: account.ownerId,
    name: nameKey(account.name, account.id),
    terms: accountSearchTerms(account),
  },
});

export class IdbAccountRepository implements AccountRepository {
  constructor(private readonly tx: IdbTx) {}

  get(id: string): Promise<Account | null> {
    return this.tx.get<Account>('accounts', id);
  }

  async getMany(ids: readonly string[]): Promise<Account[]> {
    const found = await Promise.all([...new Set(ids)].map((id) => this.get(id)));
    return pickIds(found.filter((a): a is Account => a !== null), ids);
  }

  async findByDomains(domains: readonly string[]): Promise<Account[]> {
    const found = new Map<string, Account>();
    for (const domain of new Set(domains.map(normalizeDomain))) {
      for (const account of await this.tx.query<Account>('accounts', 'domains', domain, true)) found.set(account.id, account);
    }
    return sortBy([...found.values()], byId<Account>());
  }

  async list(filter: AccountFilter, page: PageRequest): Promise<Page<Account>> {
    const rows = await this.tx.query<Account>('accounts', null, null);
    return paginateRecords(rows.filter((a) => accountMatches(a, filter)), page, byName<Account>(), filter.custom?.sort);
  }

  insert(account: Account): Promise<void> {
    return this.tx.write(async () => {
      if (await this.get(account.id)) throw storeConflicts.duplicateId('account', account.id);
      await this.checkDomains(account);
      this.tx.put('accounts', accountRow(account));
    });
  }

  update(next: Account): Promise<boolean> {
    return this.tx.write(async () => {
      const current = await this.get(next.id);
      if (!current || current.version !== next.version - 1) return false;
      await this.checkDomains(next);
      this.tx.put('accounts', accountRow(next));
      return true;
    });
  }

  delete(id: string): Promise<void> {
    return this.tx.write(async () => this.tx.delete('accounts', id));
  }

  private async checkDomains(account: Account): Promise<void> {
    for (const domain of new Set(account.domains.map(normalizeDomain))) {
      const other = (await this.tx.query<Account>('accounts', 'domains', domain, true)).find((a) => a.id !== account.id);
      if (other) throw storeConflicts.domainTaken(domain, other.id);
    }
  }
}

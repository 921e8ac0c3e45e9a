import type { CustomFieldQuery } from '../custom-fields/custom-field-query.port.js';
import type { Page, PageRequest } from '../shared/page.js';
import type { Account, Lifecycle } from './account.schema.js';

export interface AccountFilter {
  ownerIds?: readonly string[];
  lifecycle?: readonly Lifecycle[];
  /** Conditions on custom field values, and a custom field to sort by instead of the usual order. */
  custom?: CustomFieldQuery;
}

export interface AccountRepository {
  get(id: string): Promise<Account | null>;
  getMany(ids: readonly string[]): Promise<Account[]>;
  /** Accounts holding any of these exact (normalized) domains. */
  findByDomains(domains: readonly string[]): Promise<Account[]>;
  /** Ordered by name (sortKey), then id. */
  list(filter: AccountFilter, page: PageRequest): Promise<Page<Account>>;
  insert(account: Account): Promise<void>;
  update(next: Account): Promise<boolean>;
  delete(id: string): Promise<void>;
}

import { accountSearchTerms, normalizeDomain, readCursor, sortKey, storeConflicts } from '@rapport/core';
import { pageSortedByField, whereCustomFields } from '../sql-custom-fields.js';
import type { Account, AccountFilter, CustomFieldValues, AccountRepository, CompanySize, Lifecycle, Page, PageRequest } from '@rapport/core';
import type { Insertable, Selectable } from 'kysely';
import type { SqlContext } from '../context.js';
import type { AccountsTable } from '../database.js';
import type { Engine } from '../engine.js';
import { afterKeyset, matchesNothing, pageOfRows } from '../sql-paging.js';
import { SqlCustomerRepository, type CustomerTables } from './sql-customer-repository.js';

function toRow(a: Account, engine: Engine): Insertable<AccountsTable> {
  return {
    id: a.id,
    name: a.name,
    sort_key: sortKey(a.name),
    domains: engine.json(a.domains),
    industry: a.industry,
    size: a.size,
    owner_id: a.ownerId,
    lifecycle: a.lifecycle,
    segment: a.segment,
    custom_fields: engine.json(a.customFields),
    version: a.version,
    created_at: a.createdAt,
    updated_at: a.updatedAt,
  };
}

export function toAccount(row: Selectable<AccountsTable>, engine: Engine): Account {
  return {
    id: row.id,
    name: row.name,
    domains: engine.readJson<string[]>(row.domains),
    industry: row.industry,
    size: row.size as CompanySize | null,
    ownerId: row.owner_id,
    lifecycle: row.lifecycle as Lifecycle,
    segment: row.segment,
    customFields: engine.readJson<CustomFieldValues>(row.custom_fields),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const accountTables: CustomerTables<Account, AccountsTable> = {
  table: 'accounts',
  kind: 'account',
  toRow,
  fromRow: toAccount,
  searchTerms: accountSearchTerms,
  claims: {
    table: 'account_domains',
    key: 'domain',
    holder: 'account_id',
    keysOf: (account) => [...new Set(account.domains.map(normalizeDomain))],
    rows: (account, domains) => domains.map((domain) => ({ domain, account_id: account.id })),
    taken: storeConflicts.domainTaken,
  },
};

/** Accounts, their web domains (each held by one account) and their search terms. */
export class SqlAccountRepository extends SqlCustomerRepository<Account, AccountsTable> implements AccountRepository {
  constructor(ctx: SqlContext) {
    super(ctx, accountTables);
  }

  async findByDomains(domains: readonly string[]): Promise<Account[]> {
    if (domains.length === 0) return [];
    const rows = await this.ctx.db
      .selectFrom('accounts')
      .selectAll()
      .where('id', 'in', (eb) => eb.selectFrom('account_domains').select('account_id').where('domain', 'in', domains.map(normalizeDomain)))
      .orderBy('id')
      .execute();
    return rows.map((row) => toAccount(row, this.ctx.engine));
  }

  async list(filter: AccountFilter, page: PageRequest): Promise<Page<Account>> {
    if (matchesNothing(filter.ownerIds, filter.lifecycle)) return { items: [], nextCursor: null };
    const kind = this.ctx.engine.kind;
    let query = this.ctx.db.selectFrom('accounts').selectAll();
    if (filter.ownerIds) query = query.where('owner_id', 'in', filter.ownerIds);
    if (filter.lifecycle) query = query.where('lifecycle', 'in', filter.lifecycle);
    query = whereCustomFields(query, kind, filter.custom);
    const sort = filter.custom?.sort;
    if (sort) return pageSortedByField(query, kind, page, sort, (row) => toAccount(row, this.ctx.engine));
    const after = readCursor(page.cursor, 2);
    if (after) query = query.where(afterKeyset(['sort_key', 'id'], after));
    const rows = await query.orderBy('sort_key').orderBy('id').limit(page.limit + 1).execute();
    return pageOfRows(rows, page.limit, (row) => [row.sort_key, row.id], (row) => toAccount(row, this.ctx.engine));
  }
}

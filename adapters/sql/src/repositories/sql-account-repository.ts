import { accountSearchTerms, normalizeDomain, readCursor, sortKey, storeConflicts } from '@rapport/core';
import type { Account, AccountFilter, AccountRepository, CompanySize, Lifecycle, Page, PageRequest } from '@rapport/core';
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { SqlContext } from '../context.js';
import type { AccountsTable, Database } from '../database.js';
import type { Engine } from '../engine.js';
import { removeSearchTerms, replaceSearchTerms } from '../search-index.js';
import { affected, afterKeyset, matchesNothing, pageOfRows } from '../sql-paging.js';

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
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const domainsOf = (account: Account): string[] => [...new Set(account.domains.map(normalizeDomain))];

export class SqlAccountRepository implements AccountRepository {
  constructor(private readonly ctx: SqlContext) {}

  async get(id: string): Promise<Account | null> {
    const row = await this.ctx.db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toAccount(row, this.ctx.engine) : null;
  }

  async getMany(ids: readonly string[]): Promise<Account[]> {
    if (ids.length === 0) return [];
    const rows = await this.ctx.db.selectFrom('accounts').selectAll().where('id', 'in', ids).orderBy('id').execute();
    return rows.map((row) => toAccount(row, this.ctx.engine));
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
    const after = readCursor(page.cursor, 2);
    if (matchesNothing(filter.ownerIds, filter.lifecycle)) return { items: [], nextCursor: null };
    let query = this.ctx.db.selectFrom('accounts').selectAll();
    if (filter.ownerIds) query = query.where('owner_id', 'in', filter.ownerIds);
    if (filter.lifecycle) query = query.where('lifecycle', 'in', filter.lifecycle);
    if (after) query = query.where(afterKeyset(['sort_key', 'id'], after));
    const rows = await query.orderBy('sort_key').orderBy('id').limit(page.limit + 1).execute();
    return pageOfRows(rows, page.limit, (row) => [row.sort_key, row.id], (row) => toAccount(row, this.ctx.engine));
  }

  async insert(account: Account): Promise<void> {
    await this.ctx.atomic(async (db) => {
      const result = await db
        .insertInto('accounts')
        .values(toRow(account, this.ctx.engine))
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      if (Number(result.numInsertedOrUpdatedRows ?? 0n) === 0) throw storeConflicts.duplicateId('account', account.id);
      await this.writeDomains(db, account);
      await replaceSearchTerms(db, 'account', account.id, sortKey(account.name), accountSearchTerms(account));
    });
  }

  async update(next: Account): Promise<boolean> {
    return this.ctx.atomic(async (db) => {
      const { id: _id, ...changes } = toRow(next, this.ctx.engine);
      const result = await db
        .updateTable('accounts')
        .set(changes)
        .where('id', '=', next.id)
        .where('version', '=', next.version - 1)
        .executeTakeFirst();
      if (affected(result) === 0) return false;
      await db.deleteFrom('account_domains').where('account_id', '=', next.id).execute();
      await this.writeDomains(db, next);
      await replaceSearchTerms(db, 'account', next.id, sortKey(next.name), accountSearchTerms(next));
      return true;
    });
  }

  async delete(id: string): Promise<void> {
    await this.ctx.atomic(async (db) => {
      await db.deleteFrom('account_domains').where('account_id', '=', id).execute();
      await removeSearchTerms(db, 'account', id);
      await db.deleteFrom('accounts').where('id', '=', id).execute();
    });
  }

  /** Claims the account's domains; a domain another account holds is a conflict naming it. */
  private async writeDomains(db: Kysely<Database>, account: Account): Promise<void> {
    const domains = domainsOf(account);
    if (domains.length === 0) return;
    const result = await db
      .insertInto('account_domains')
      .values(domains.map((domain) => ({ domain, account_id: account.id })))
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0n) === domains.length) return;
    const holder = await db
      .selectFrom('account_domains')
      .select(['domain', 'account_id'])
      .where('domain', 'in', domains)
      .where('account_id', '<>', account.id)
      .orderBy('domain')
      .executeTakeFirst();
    throw storeConflicts.domainTaken(holder?.domain ?? domains.join(', '), holder?.account_id ?? 'unknown');
  }
}

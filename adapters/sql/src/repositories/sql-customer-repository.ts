import type { CrmError } from '@rapport/core';
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { SqlContext } from '../context.js';
import type { AccountDomainsTable, AccountsTable, ContactEmailsTable, ContactsTable, Database } from '../database.js';
import type { Engine } from '../engine.js';
import { expectInserted } from '../errors.js';
import { removeSearchEntry, replaceSearchEntry, searchDocument, type SearchEntityKind } from '../search-index.js';
import { affected } from '../sql-paging.js';

interface CustomerRecord {
  id: string;
  name: string;
  version: number;
}

type CustomerTable = AccountsTable | ContactsTable;
type ClaimTable = AccountDomainsTable | ContactEmailsTable;

/**
 * How one kind of customer record is stored: its own table; the unique keys it claims (an
 * account's web domains, a contact's email addresses) as rows of a claims table, keyed by
 * `key` and pointing back through `holder`; its search terms in `search_entries` under `kind`.
 */
export interface CustomerTables<T extends CustomerRecord, Row extends CustomerTable> {
  readonly table: 'accounts' | 'contacts';
  readonly kind: SearchEntityKind;
  toRow(record: T, engine: Engine): Insertable<AccountsTable> | Insertable<ContactsTable>;
  fromRow(row: Selectable<Row>, engine: Engine): T;
  searchTerms(record: T): string[];
  readonly claims: {
    readonly table: 'account_domains' | 'contact_emails';
    readonly key: 'domain' | 'email';
    readonly holder: 'account_id' | 'contact_id';
    /** The keys a record claims, normalised, each once. */
    keysOf(record: T): string[];
    rows(record: T, keys: string[]): ClaimTable[];
    /** The conflict for a key another record holds. */
    taken(key: string, holderId: string): CrmError;
  };
}

/**
 * Accounts and contacts, stored alike: reads by id, and writes that keep the record, its
 * claimed keys and its search terms in step as one atomic unit. A key another record holds
 * makes the write a conflict naming that record, and nothing of it lands.
 */
export class SqlCustomerRepository<T extends CustomerRecord, Row extends CustomerTable> {
  constructor(
    protected readonly ctx: SqlContext,
    private readonly tables: CustomerTables<T, Row>,
  ) {}

  async get(id: string): Promise<T | null> {
    const row = await this.ctx.db.selectFrom(this.tables.table).selectAll().where('id', '=', id).executeTakeFirst();
    return row ? this.fromRow(row) : null;
  }

  async getMany(ids: readonly string[]): Promise<T[]> {
    if (ids.length === 0) return [];
    const rows = await this.ctx.db.selectFrom(this.tables.table).selectAll().where('id', 'in', ids).orderBy('id').execute();
    return rows.map((row) => this.fromRow(row));
  }

  async insert(record: T): Promise<void> {
    await this.ctx.atomic(async (db) => {
      const result = await db
        .insertInto(this.tables.table)
        .values(this.tables.toRow(record, this.ctx.engine))
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      expectInserted(result, this.tables.kind, record.id);
      await this.writeClaims(db, record);
    });
  }

  async update(next: T): Promise<boolean> {
    return this.ctx.atomic(async (db) => {
      const { id: _id, ...changes } = this.tables.toRow(next, this.ctx.engine);
      const result = await db
        .updateTable(this.tables.table)
        .set(changes)
        .where('id', '=', next.id)
        .where('version', '=', next.version - 1)
        .executeTakeFirst();
      if (affected(result) === 0) return false;
      await db.deleteFrom(this.tables.claims.table).where(this.tables.claims.holder, '=', next.id).execute();
      await this.writeClaims(db, next);
      return true;
    });
  }

  async delete(id: string): Promise<void> {
    await this.ctx.atomic(async (db) => {
      await db.deleteFrom(this.tables.claims.table).where(this.tables.claims.holder, '=', id).execute();
      await removeSearchEntry(db, this.tables.kind, id);
      await db.deleteFrom(this.tables.table).where('id', '=', id).execute();
    });
  }

  /**
   * A row of this kind's table as the record. Kysely types a query on a table chosen at run
   * time as a row of either table; it is one of this kind's.
   */
  protected fromRow(row: Selectable<CustomerTable>): T {
    return this.tables.fromRow(row as Selectable<Row>, this.ctx.engine);
  }

  /** Claims the record's keys and indexes its words; a key another record holds is a conflict naming it. */
  private async writeClaims(db: Kysely<Database>, record: T): Promise<void> {
    const { claims } = this.tables;
    const keys = claims.keysOf(record);
    if (keys.length > 0) {
      const result = await db
        .insertInto(claims.table)
        .values(claims.rows(record, keys))
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst();
      if (Number(result.numInsertedOrUpdatedRows ?? 0n) !== keys.length) {
        const holder = await db
          .selectFrom(claims.table)
          .select([`${claims.key} as key`, `${claims.holder} as holder`])
          .where(claims.key, 'in', keys)
          .where(claims.holder, '<>', record.id)
          .orderBy(claims.key)
          .executeTakeFirst();
        throw claims.taken(holder?.key ?? keys.join(', '), holder?.holder ?? 'unknown');
      }
    }
    await replaceSearchEntry(db, this.ctx.engine.kind, searchDocument(this.tables.kind, record.id, record.name, this.tables.searchTerms(record)));
  }
}

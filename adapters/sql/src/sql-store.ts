import { CrmError, type ImportUnitOfWork, type Store } from '@rapport/core';
import type { Kysely } from 'kysely';
import { directContext, transactionContext } from './context.js';
import type { Database } from './database.js';
import type { Engine } from './engine.js';
import { insertRecords, type BulkInsertStore, type BulkRecords } from './bulk-insert.js';
import { toStoreError } from './errors.js';
import { createSqlUnitOfWork } from './unit-of-work.js';

/** A Store on SQLite or PostgreSQL, with the analytics and import capabilities. Made by createSqliteStore, createPostgresStore or openStore. */
export class SqlStore implements Store<ImportUnitOfWork>, BulkInsertStore {
  private closed = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly engine: Engine,
  ) {}

  get kind(): 'sqlite' | 'postgres' {
    return this.engine.kind;
  }

  async transaction<T>(work: (uow: ImportUnitOfWork) => Promise<T>): Promise<T> {
    this.ensureOpen();
    try {
      return await this.db.transaction().execute((trx) => work(createSqlUnitOfWork(transactionContext(trx, this.engine))));
    } catch (error) {
      throw toStoreError(error);
    }
  }

  async read<T>(work: (uow: ImportUnitOfWork) => Promise<T>): Promise<T> {
    this.ensureOpen();
    try {
      return await work(createSqlUnitOfWork(directContext(this.db, this.engine)));
    } catch (error) {
      throw toStoreError(error);
    }
  }

  async insertMany(records: BulkRecords): Promise<void> {
    this.ensureOpen();
    try {
      await this.db.transaction().execute((trx) => insertRecords(trx, this.engine, records));
    } catch (error) {
      throw toStoreError(error);
    }
  }

  /** Closes the database (SQLite) or ends the connection pool (PostgreSQL). Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.db.destroy();
  }

  private ensureOpen(): void {
    if (this.closed) throw new CrmError('unavailable', 'The store has been closed.');
  }
}

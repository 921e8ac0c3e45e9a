import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './database.js';
import type { Engine } from './engine.js';
import { toStoreError } from './errors.js';

/** What a repository works with: where its queries run, and how to make several writes one. */
export interface SqlContext {
  readonly engine: Engine;
  readonly db: Kysely<Database>;
  /**
   * Runs several statements as one write: all land or none do. Inside a transaction this is a
   * savepoint, so a failure leaves the surrounding transaction usable; outside, a transaction.
   * What fails inside comes out as the Store's errors (a unique violation as `conflict`).
   */
  atomic<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T>;
}

/** Repositories outside a transaction: each atomic write is its own transaction. */
export function directContext(db: Kysely<Database>, engine: Engine): SqlContext {
  return {
    engine,
    db,
    async atomic(work) {
      try {
        return await db.transaction().execute(work);
      } catch (error) {
        throw toStoreError(error);
      }
    },
  };
}

/** Repositories inside a transaction: atomic writes are savepoints, taken one at a time. */
export function transactionContext(trx: Transaction<Database>, engine: Engine): SqlContext {
  let tail: Promise<unknown> = Promise.resolve();
  // Savepoints are taken one at a time and released before the next, so one name serves them
  // all, and the statements keep the same text (SQLite's statement cache prepares them once).
  const name = sql.id('rapport_write');
  const savepoint = async <T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T> => {
    await sql`savepoint ${name}`.execute(trx);
    try {
      const result = await work(trx);
      await sql`release savepoint ${name}`.execute(trx);
      return result;
    } catch (error) {
      await sql`rollback to savepoint ${name}`.execute(trx);
      await sql`release savepoint ${name}`.execute(trx);
      throw toStoreError(error);
    }
  };
  return {
    engine,
    db: trx,
    atomic(work) {
      const run = tail.then(() => savepoint(work));
      tail = run.catch(() => undefined);
      return run;
    },
  };
}

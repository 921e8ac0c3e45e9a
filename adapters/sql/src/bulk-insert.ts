import type { Activity, CrmEvent } from '@rapport/core';
import type { Insertable, Kysely } from 'kysely';
import type { Database } from './database.js';
import type { Engine } from './engine.js';
import { activityRow } from './repositories/sql-activity-repository.js';
import { eventRow } from './repositories/sql-event-repository.js';

/** New records written together by `BulkInsertStore.insertMany`, each kind in one go. */
export interface BulkRecords {
  activities?: readonly Activity[];
  events?: readonly CrmEvent[];
}

/**
 * A store that writes many new records with multi-row INSERTs in one transaction, far
 * faster than one repository call each: for loading data (the demo company), not for changes
 * a person makes. Records are written as given, so the caller makes them valid (parse them
 * with core's schemas) and records what the services would have (their events). Ids or
 * external ids already taken fail the whole call as a `conflict`, and nothing is written.
 */
export interface BulkInsertStore {
  insertMany(records: BulkRecords): Promise<void>;
}

/**
 * Rows per statement: 500 rows of at most 13 columns stay under SQLite's 32,766 bound
 * variables and PostgreSQL's 65,535 parameters.
 */
const ROWS_PER_STATEMENT = 500;

export async function insertRecords(db: Kysely<Database>, engine: Engine, records: BulkRecords): Promise<void> {
  await insertChunked(db, 'activities', (records.activities ?? []).map((a) => activityRow(a, engine)));
  await insertChunked(db, 'events', (records.events ?? []).map((e) => eventRow(e, engine)));
}

async function insertChunked<T extends 'activities' | 'events'>(db: Kysely<Database>, table: T, rows: ReadonlyArray<Insertable<Database[T]>>): Promise<void> {
  for (let from = 0; from < rows.length; from += ROWS_PER_STATEMENT) {
    await db.insertInto(table).values(rows.slice(from, from + ROWS_PER_STATEMENT) as Array<Insertable<Database[T]>>).execute();
  }
}

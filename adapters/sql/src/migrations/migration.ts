import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { ColumnTypes } from './column-types.js';

/** One numbered step of the schema. Statements are plain DDL, written once for both engines. */
export interface Migration {
  version: number;
  name: string;
  /** Refuses (throws) before any statement runs when the data already there cannot take the step. */
  precheck?(db: Kysely<Database>, types: ColumnTypes): Promise<void>;
  statements(types: ColumnTypes): string[];
  /** Fills what the statements created from data already there; runs after them, in the same transaction. */
  backfill?(db: Kysely<Database>, types: ColumnTypes): Promise<void>;
}

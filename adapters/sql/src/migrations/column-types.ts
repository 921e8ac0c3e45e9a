import type { Engine } from '../engine.js';

/**
 * Column types per engine. Text compares by code point on both: SQLite's default BINARY
 * collation, and COLLATE "C" on PostgreSQL, whatever the database's locale.
 */
export interface ColumnTypes {
  /** For the few statements that differ between the engines (triggers). */
  engine: Engine['kind'];
  text: string;
  int: string;
  bigint: string;
  bool: string;
  json: string;
  /** Table options after the closing parenthesis. */
  table: string;
}

export function columnTypes(kind: Engine['kind']): ColumnTypes {
  return kind === 'postgres'
    ? { engine: kind, text: 'text COLLATE "C"', int: 'integer', bigint: 'bigint', bool: 'boolean', json: 'jsonb', table: '' }
    : { engine: kind, text: 'TEXT', int: 'INTEGER', bigint: 'INTEGER', bool: 'INTEGER', json: 'TEXT', table: ' STRICT' };
}

import type { Engine } from '../engine.js';

/**
 * Column types per engine. Text compares by code point on both: SQLite's default BINARY
 * collation, and COLLATE "C" on PostgreSQL, whatever the database's locale.
 */
export interface ColumnTypes {
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
    ? { text: 'text COLLATE "C"', int: 'integer', bigint: 'bigint', bool: 'boolean', json: 'jsonb', table: '' }
    : { text: 'TEXT', int: 'INTEGER', bigint: 'INTEGER', bool: 'INTEGER', json: 'TEXT', table: ' STRICT' };
}

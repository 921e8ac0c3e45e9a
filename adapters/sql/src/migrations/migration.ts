import type { ColumnTypes } from './column-types.js';

/** One numbered step of the schema. Statements are plain DDL, written once for both engines. */
export interface Migration {
  version: number;
  name: string;
  statements(types: ColumnTypes): string[];
}

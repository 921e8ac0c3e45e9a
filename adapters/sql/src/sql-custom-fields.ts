import { INDEXED_TYPES, readSortOffset, sortedPage, type CustomFieldCondition, type CustomFieldDefinition, type CustomFieldQuery, type CustomFieldSort, type CustomFieldType, type Page, type PageRequest } from '@rapport/core';
import { sql, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Engine } from './engine.js';

/**
 * Custom field values in SQL: the expression reading one field's value from a record's
 * `custom_fields` JSON (SQLite JSON1 `json_extract`, PostgreSQL jsonb `->>`), the conditions
 * and order of a CustomFieldQuery over it, and the expression indexes that answer them. A
 * field's key is a lower snake_case slug (CustomFieldKey), so it is written into the JSON path
 * as a literal: the same text as the index's expression, which is how both engines match them.
 */

export type RecordTable = 'accounts' | 'contacts' | 'deals';
export const RECORD_TABLES: Readonly<Record<CustomFieldDefinition['objectType'], RecordTable>> = { account: 'accounts', contact: 'contacts', deal: 'deals' };

type Kind = Engine['kind'];

/** The text of the expression reading a field's value (a money value's minor amount), typed for comparing. */
function valueText(kind: Kind, key: string, type: CustomFieldType): string {
  if (kind === 'sqlite') return type === 'money' ? `json_extract(custom_fields, '$.${key}.minor')` : `json_extract(custom_fields, '$.${key}')`;
  if (type === 'number') return `((custom_fields->>'${key}')::numeric)`;
  if (type === 'money') return `((custom_fields->'${key}'->>'minor')::numeric)`;
  if (type === 'checkbox') return `((custom_fields->>'${key}')::boolean)`;
  return `(custom_fields->>'${key}')`;
}

const valueOf = (kind: Kind, key: string, type: CustomFieldType): RawBuilder<unknown> => sql.raw(valueText(kind, key, type));

/** A value as the engine compares it: SQLite reads JSON booleans as 1 and 0. */
const param = (kind: Kind, value: string | number | boolean): string | number | boolean =>
  typeof value === 'boolean' && kind === 'sqlite' ? (value ? 1 : 0) : value;

function condition(kind: Kind, c: CustomFieldCondition): RawBuilder<SqlBool> {
  const expr = valueOf(kind, c.key, c.type);
  if (c.op === 'range') {
    const parts: RawBuilder<SqlBool>[] = [sql<SqlBool>`${expr} is not null`];
    if (c.gte !== undefined) parts.push(sql<SqlBool>`${expr} >= ${c.gte}`);
    if (c.lte !== undefined) parts.push(sql<SqlBool>`${expr} <= ${c.lte}`);
    return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
  }
  if (c.values.length === 0) return sql<SqlBool>`1 = 0`;
  if (c.type === 'multi_select') {
    const ids = c.values.map(String);
    return kind === 'sqlite'
      ? sql<SqlBool>`exists (select 1 from json_each(custom_fields, ${sql.lit(`$.${c.key}`)}) where value in (${sql.join(ids)}))`
      : sql<SqlBool>`(custom_fields->${sql.lit(c.key)} ?| array[${sql.join(ids)}]::text[])`;
  }
  return sql<SqlBool>`${expr} in (${sql.join(c.values.map((v) => param(kind, v)))})`;
}

/** The query's conditions, each to AND into a list's WHERE. */
function customFieldConditions(kind: Kind, query: CustomFieldQuery | undefined): RawBuilder<SqlBool>[] {
  return (query?.conditions ?? []).map((c) => condition(kind, c));
}

/** The ORDER BY terms of a sort: records with a value first, in value order, then the rest; ties by id. */
function customFieldOrder(kind: Kind, sort: CustomFieldSort): RawBuilder<unknown>[] {
  const expr = sort.type === 'text' && kind === 'postgres' ? sql.raw(`${valueText(kind, sort.key, sort.type)} COLLATE "C"`) : valueOf(kind, sort.key, sort.type);
  return [sql`(${valueOf(kind, sort.key, sort.type)} is null)`, sort.descending ? sql`${expr} desc` : sql`${expr} asc`, sql`id asc`];
}

/** Whether a record holds any value for the field. */
export function hasValue(kind: Kind, key: string): RawBuilder<SqlBool> {
  return kind === 'sqlite' ? sql<SqlBool>`json_type(custom_fields, ${sql.lit(`$.${key}`)}) is not null` : sql<SqlBool>`(custom_fields ? ${sql.lit(key)})`;
}

/** The record's values without the field. */
export function withoutKey(kind: Kind, key: string): RawBuilder<string> {
  return kind === 'sqlite' ? sql<string>`json_remove(custom_fields, ${sql.lit(`$.${key}`)})` : sql<string>`custom_fields - ${sql.lit(key)}`;
}

const indexName = (field: CustomFieldDefinition): string => `cf_${RECORD_TABLES[field.objectType]}_${field.key}`;

/**
 * The statement indexing a field's values, or null for types rarely filtered (text, money, …)
 * and, on SQLite, multi selects (their ids sit in a JSON array no expression index reaches).
 */
export function createIndexStatement(kind: Kind, field: CustomFieldDefinition): string | null {
  if (!INDEXED_TYPES.includes(field.type)) return null;
  const table = RECORD_TABLES[field.objectType];
  if (field.type === 'multi_select') {
    return kind === 'postgres' ? `CREATE INDEX IF NOT EXISTS ${indexName(field)} ON ${table} USING gin ((custom_fields->'${field.key}'))` : null;
  }
  return `CREATE INDEX IF NOT EXISTS ${indexName(field)} ON ${table} (${valueText(kind, field.key, field.type)})`;
}

export const dropIndexStatement = (field: CustomFieldDefinition): string => `DROP INDEX IF EXISTS ${indexName(field)}`;

/** Adds the query's conditions on custom field values to a list's WHERE. */
export function whereCustomFields<DB, TB extends keyof DB, O>(query: SelectQueryBuilder<DB, TB, O>, kind: Kind, custom: CustomFieldQuery | undefined): SelectQueryBuilder<DB, TB, O> {
  let q = query;
  for (const c of customFieldConditions(kind, custom)) q = q.where(c);
  return q;
}

/** The cursor's page of a list sorted by a custom field (paged by offset, see readSortOffset). */
export async function pageSortedByField<DB, TB extends keyof DB, O, T>(
  query: SelectQueryBuilder<DB, TB, O>,
  kind: Kind,
  page: PageRequest,
  sort: CustomFieldSort,
  map: (row: O) => T,
): Promise<Page<T>> {
  const offset = readSortOffset(page.cursor, sort);
  let q = query;
  for (const term of customFieldOrder(kind, sort)) q = q.orderBy(term);
  const sorted = sortedPage(await q.limit(page.limit + 1).offset(offset).execute(), page.limit, offset, sort);
  return { items: sorted.items.map(map), nextCursor: sorted.nextCursor };
}

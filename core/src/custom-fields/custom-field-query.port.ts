import type { CustomFieldType } from './custom-field.schema.js';

/**
 * The typed query on custom field values a Store's record lists answer (see `custom` on the
 * account, contact and deal filters): SQL stores natively, the others in JavaScript.
 */

/** The value of one field matches any of `values` (a multi select: holds any of them). */
export interface CustomFieldEquals {
  key: string;
  type: CustomFieldType;
  op: 'any';
  values: ReadonlyArray<string | number | boolean>;
}

/** The value (a money value's minor amount) lies within the bounds, inclusive. */
export interface CustomFieldRange {
  key: string;
  type: 'number' | 'money' | 'date';
  op: 'range';
  gte?: number | string;
  lte?: number | string;
}

export type CustomFieldCondition = CustomFieldEquals | CustomFieldRange;

/** Records with a value come first in value order; records without one follow, by id. */
export interface CustomFieldSort {
  key: string;
  type: SortableType;
  descending: boolean;
}

/** Conditions all hold (AND); a sort replaces the list's usual order. */
export interface CustomFieldQuery {
  conditions: readonly CustomFieldCondition[];
  sort?: CustomFieldSort;
}

/** The types a list can be sorted by. */
export const SORTABLE_TYPES = ['text', 'number', 'money', 'date', 'checkbox', 'url', 'email', 'phone', 'single_select', 'user'] as const;
export type SortableType = (typeof SORTABLE_TYPES)[number];

/** The types whose filters are common enough that SQL stores index their values when a field is defined. */
export const INDEXED_TYPES: readonly CustomFieldType[] = ['single_select', 'multi_select', 'date', 'checkbox', 'number'];

import type { CustomFieldCondition, CustomFieldQuery, CustomFieldSort } from '../custom-fields/custom-field-query.port.js';
import type { CustomFieldValue, CustomFieldValues } from '../custom-fields/custom-field.schema.js';
import { compareCodePoints } from '../shared/text.js';

/** Custom field conditions and order checked in JavaScript, for the in-memory and IndexedDB stores. */

/** The comparable form of a stored value: money by its minor amount, checkboxes as 0/1. */
export function sortableValue(value: CustomFieldValue | undefined): string | number | null {
  if (value === undefined || Array.isArray(value)) return null;
  if (typeof value === 'object') return value.minor;
  if (typeof value === 'boolean') return value ? 1 : 0;
  return value;
}

function holds(condition: CustomFieldCondition, value: CustomFieldValue | undefined): boolean {
  if (value === undefined) return false;
  if (condition.op === 'any') {
    if (Array.isArray(value)) return value.some((v) => condition.values.includes(v));
    return typeof value !== 'object' && condition.values.includes(value);
  }
  const comparable = sortableValue(value);
  if (comparable === null) return false;
  return (condition.gte === undefined || comparable >= condition.gte) && (condition.lte === undefined || comparable <= condition.lte);
}

/** True when the values meet every condition of the query (for stores that filter in JavaScript). */
export function customFieldsMatch(values: CustomFieldValues, query: CustomFieldQuery | undefined): boolean {
  return (query?.conditions ?? []).every((condition) => holds(condition, values[condition.key]));
}

/** Orders records by a custom field: values first (numbers numerically, text by code point), then ids. */
export function compareByCustomField<T extends { id: string; customFields: CustomFieldValues }>(sort: CustomFieldSort): (a: T, b: T) => number {
  const sign = sort.descending ? -1 : 1;
  return (a, b) => {
    const x = sortableValue(a.customFields[sort.key]);
    const y = sortableValue(b.customFields[sort.key]);
    if (x === null || y === null) return x === y ? compareCodePoints(a.id, b.id) : x === null ? 1 : -1;
    const order = typeof x === 'string' && typeof y === 'string' ? compareCodePoints(x, y) : x < y ? -1 : x > y ? 1 : 0;
    return order !== 0 ? sign * order : compareCodePoints(a.id, b.id);
  };
}

import { invalidInput } from '../shared/errors.js';
import { CalendarDate } from '../shared/schema.js';
import type { CustomFieldDefinition, CustomFieldType } from './custom-field.schema.js';
import { SORTABLE_TYPES, type CustomFieldCondition, type CustomFieldQuery, type CustomFieldRange } from './custom-field-query.port.js';
import { findOption } from './custom-field-values.js';

/** The typed query on custom field values, from the API's `filter[<key>]=…` and `sort=<key>` parameters. */

const RANGED: readonly CustomFieldType[] = ['number', 'money', 'date'];

/** One `filter[<key>]` parameter: `eq` from `filter[key]=a,b`, bounds from `[gte]`/`[lte]`. */
export interface CustomFieldFilterParam {
  eq?: string;
  gte?: string;
  lte?: string;
}

function requireField(definitions: readonly CustomFieldDefinition[], key: string, param: string): CustomFieldDefinition {
  const definition = definitions.find((d) => d.key === key && d.deletedAt === null);
  if (definition) return definition;
  const known = definitions.filter((d) => d.deletedAt === null).map((d) => d.key);
  throw invalidInput(`There is no field ${key} to ${param === 'sort' ? 'sort' : 'filter'} by.`, [
    { path: param, message: known.length > 0 ? `Unknown field ${key}; custom fields here: ${known.join(', ')}.` : `Unknown field ${key}.` },
  ]);
}

function bound(definition: CustomFieldDefinition, text: string, path: string): number | string {
  if (definition.type === 'date') {
    if (!CalendarDate.safeParse(text).success) throw invalidInput(`${definition.label}: use a date such as 2026-12-31.`, [{ path, message: 'Use a date such as 2026-12-31.' }]);
    return text;
  }
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value)) throw invalidInput(`${definition.label}: ${text} is not a number.`, [{ path, message: 'Expected a number.' }]);
  return value;
}

function equalsValue(definition: CustomFieldDefinition, text: string, path: string): string | number | boolean {
  switch (definition.type) {
    case 'single_select':
    case 'multi_select': {
      const option = findOption(definition.options, text);
      if (!option) throw invalidInput(`${definition.label} has no option ${text}.`, [{ path, message: `Pick one of: ${definition.options.map((o) => o.label).join(', ')}.` }]);
      return option.id;
    }
    case 'checkbox':
      if (text !== 'true' && text !== 'false') throw invalidInput(`${definition.label}: filter by true or false.`, [{ path, message: 'Use true or false.' }]);
      return text === 'true';
    case 'number':
    case 'money':
    case 'date':
      return bound(definition, text, path);
    default:
      return text;
  }
}

/** Builds the typed query from API parameters, or throws `invalid_input` saying which parameter to fix. */
export function parseCustomFieldQuery(
  definitions: readonly CustomFieldDefinition[],
  filters: Readonly<Record<string, CustomFieldFilterParam>>,
  sort: string | undefined,
): CustomFieldQuery {
  const conditions: CustomFieldCondition[] = [];
  for (const [key, param] of Object.entries(filters)) {
    const path = `filter[${key}]`;
    const definition = requireField(definitions, key, path);
    if (param.eq !== undefined) {
      if (definition.type === 'money') throw invalidInput(`Filter ${definition.label} with [gte] and [lte] bounds.`, [{ path, message: 'Use [gte]/[lte].' }]);
      const values = param.eq.split(',').map((text) => equalsValue(definition, text.trim(), path));
      conditions.push({ key, type: definition.type, op: 'any', values });
    }
    if (param.gte !== undefined || param.lte !== undefined) {
      if (!RANGED.includes(definition.type)) {
        throw invalidInput(`${definition.label} is ${definition.type.replace('_', ' ')}; only numbers, money and dates take [gte]/[lte].`, [{ path, message: 'Not a range field.' }]);
      }
      const range: CustomFieldRange = { key, type: definition.type as CustomFieldRange['type'], op: 'range' };
      if (param.gte !== undefined) range.gte = bound(definition, param.gte, `${path}[gte]`);
      if (param.lte !== undefined) range.lte = bound(definition, param.lte, `${path}[lte]`);
      conditions.push(range);
    }
  }
  if (sort === undefined) return { conditions };
  const descending = sort.startsWith('-');
  const key = descending ? sort.slice(1) : sort;
  const definition = requireField(definitions, key, 'sort');
  const type = SORTABLE_TYPES.find((t) => t === definition.type);
  if (!type) throw invalidInput(`${definition.label} is ${definition.type.replace('_', ' ')} and cannot be sorted by.`, [{ path: 'sort', message: 'Not a sortable field.' }]);
  return { conditions, sort: { key, type, descending } };
}

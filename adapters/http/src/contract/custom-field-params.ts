import { CustomFieldKey } from '@rapport/core';
import { z } from 'zod';

const Bound = z.string().max(100, 'At most 100 characters.');

/**
 * `filter[<key>]=<value>` (selects by option id or label, several values comma-separated, a
 * checkbox by true or false) and `filter[<key>][gte]=` / `[lte]=` (numbers, money amounts in
 * minor units, dates) on a list's custom fields, as a deepObject query parameter.
 */
export const CustomFieldFilterParams = z
  .record(
    CustomFieldKey,
    z.union([z.string().max(1000, 'At most 1000 characters.'), z.strictObject({ eq: z.string().max(1000, 'At most 1000 characters.').optional(), gte: Bound.optional(), lte: Bound.optional() })]),
  )
  .meta({ description: 'Custom field conditions: filter[region]=emea, filter[contract_end][gte]=2026-01-01. All must hold.' });

/** The query parameters every list of accounts, contacts or deals takes for its custom fields. */
export const customFieldListParams = {
  filter: CustomFieldFilterParams.optional(),
  /** A custom field key, `-` first for descending: records without a value come last. */
  sort: z
    .string()
    .regex(/^-?[a-z][a-z0-9_]{0,39}$/, 'Use a field key, with - in front to sort descending (sort=-contract_end).')
    .optional()
    .meta({ description: 'Sort by a custom field key (sort=contract_end, sort=-contract_end); records without a value come last.' }),
};

const SIMPLE_NAME = /^([A-Za-z][A-Za-z0-9]*)\[([a-z0-9_]{1,40})\](?:\[(eq|gte|lte)\])?$/;

/**
 * Query parameters in deepObject form (`filter[region]=emea`, `filter[seats][gte]=10`) as
 * nested objects (`{ filter: { region: 'emea', seats: { gte: '10' } } }`); other names stay as
 * they are. A key given both ways (`filter[x]=a&filter[x][gte]=1`) keeps both (`{ eq, gte }`).
 */
export function foldQueryParams(query: Readonly<Record<string, string>>): Record<string, unknown> {
  const plain: Array<[string, unknown]> = [];
  const nested = new Map<string, Map<string, Map<string, string>>>();
  for (const [name, value] of Object.entries(query)) {
    const match = SIMPLE_NAME.exec(name);
    const top = match?.[1];
    const key = match?.[2];
    if (!top || !key || top in query) {
      plain.push([name, value]);
      continue;
    }
    const keys = nested.get(top) ?? new Map<string, Map<string, string>>();
    nested.set(top, keys);
    const ops = keys.get(key) ?? new Map<string, string>();
    keys.set(key, ops);
    ops.set(match[3] ?? '', value);
  }
  const folded = [...nested].map(([top, keys]): [string, unknown] => [
    top,
    Object.fromEntries([...keys].map(([key, ops]) => [key, ops.size === 1 && ops.has('') ? ops.get('') : Object.fromEntries([...ops].map(([op, v]) => [op || 'eq', v]))])),
  ]);
  return Object.fromEntries([...plain, ...folded]);
}

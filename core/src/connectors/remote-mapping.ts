import { BUILT_IN_FIELDS, type CustomFieldObjectType, type CustomFieldType } from '../custom-fields/custom-field.schema.js';
import type { CustomFieldValue } from '../custom-fields/custom-field.schema.js';
import { isDomain, normalizeDomain } from '../shared/email.js';
import type { RemoteProperty, RemoteRecord } from './crm-connector.port.js';

/**
 * How remote properties become Rapport fields. A connector names, per kind, the remote
 * property behind each built-in field; every other remote property the schema lists becomes a
 * custom field whose key is derived from the property's name.
 */
export interface FieldNames {
  account: { name: string; domain: string; industry: string; owner: string };
  contact: { firstName: string; lastName: string; email: string; phone: string; title: string; owner: string };
  deal: { title: string; amount: string; currency: string; pipeline: string; stage: string; closeDate: string; owner: string };
}

/** The remote properties a connector reads but that never become custom fields (ids, timestamps, its own bookkeeping). */
export type IgnoredProperty = (name: string) => boolean;

const MAX_KEY = 40;

/**
 * The custom field key for a remote property: lower snake_case from its name, at most 40
 * characters, and never a built-in field's name (`amount` becomes `amount_remote`).
 */
export function customFieldKeyFor(objectType: CustomFieldObjectType, propertyName: string): string {
  let key = propertyName
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+|_+$/g, '');
  if (key === '') key = 'field';
  if (BUILT_IN_FIELDS[objectType].includes(key)) key = `${key}_remote`;
  return key.slice(0, MAX_KEY).replace(/_+$/, '');
}

/** The custom field type that holds a remote property's values. */
export function customFieldTypeFor(property: RemoteProperty): CustomFieldType {
  switch (property.type) {
    case 'select':
      return 'single_select';
    default:
      return property.type;
  }
}

/** A select option's id in Rapport: its remote value, made safe. */
export function optionIdFor(remoteValue: string): string {
  const id = remoteValue.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^[-_]+/, '').slice(0, 40);
  return id === '' ? 'option' : id;
}

/** A remote property value as the custom field value it becomes; undefined when it has none (or it cannot be read). */
export function customFieldValueFor(property: RemoteProperty, raw: string | null | undefined): CustomFieldValue | undefined {
  if (raw === null || raw === undefined || raw === '') return undefined;
  switch (property.type) {
    case 'number': {
      const n = Number(raw);
      return Number.isFinite(n) ? n : undefined;
    }
    case 'checkbox':
      return raw === 'true';
    case 'date': {
      const day = raw.slice(0, 10);
      return /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : undefined;
    }
    case 'select':
      return optionIdFor(raw);
    case 'multi_select':
      return raw.split(';').filter((v) => v !== '').map(optionIdFor);
    default:
      return raw;
  }
}

/** The custom field values of a remote record: one per listed property that is not a built-in field. */
export function customFieldsOf(
  record: RemoteRecord,
  objectType: CustomFieldObjectType,
  properties: readonly RemoteProperty[],
  builtIn: readonly string[],
): Record<string, CustomFieldValue> {
  const values: Record<string, CustomFieldValue> = {};
  for (const property of properties) {
    if (property.object !== record.object || builtIn.includes(property.name)) continue;
    const value = customFieldValueFor(property, record.properties[property.name]);
    if (value !== undefined) values[customFieldKeyFor(objectType, property.name)] = value;
  }
  return values;
}

/** Turns a decimal amount ("1234.5") into integer minor units of a currency; null when it is not a number. */
export function toMinorUnits(decimal: string | null | undefined, currency: string): number | null {
  if (decimal === null || decimal === undefined || decimal.trim() === '') return null;
  const value = Number(decimal);
  if (!Number.isFinite(value)) return null;
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return Math.round(value * 10 ** digits);
}

/** The reverse of toMinorUnits, as a remote CRM takes an amount. */
export function fromMinorUnits(minor: number, currency: string): string {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return (minor / 10 ** digits).toFixed(digits);
}

/** Web domain of a remote company: its `domain` property, or the host of a website URL; null when neither reads as one. */
export function websiteDomain(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const domain = normalizeDomain(raw);
  return isDomain(domain) ? domain : null;
}

import { formatMoney } from '../shared/money.js';
import type { CustomFieldDefinition, CustomFieldValue, CustomFieldValues } from './custom-field.schema.js';

/** One custom field as a card shows it: its label and its value in words. */
export interface CardField {
  key: string;
  label: string;
  type: CustomFieldDefinition['type'];
  /** The value for people: option labels, money and numbers and dates in the reader's locale. */
  display: string;
}

export interface CardFieldOptions {
  /** The reader's locale (BCP 47), such as en-US or de-DE. */
  locale?: string;
  /** Names of users a `user` field may hold, by id; an unknown id shows as the id. */
  userNames?: ReadonlyMap<string, string>;
}

function formatDate(date: string, locale: string): string {
  const at = new Date(`${date}T00:00:00Z`);
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(at);
  } catch {
    return date;
  }
}

function formatNumber(value: number, locale: string): string {
  try {
    return new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(value);
  } catch {
    return String(value);
  }
}

/** A stored value in words for one field (see CardField.display). */
export function displayValue(definition: CustomFieldDefinition, value: CustomFieldValue, options: CardFieldOptions = {}): string {
  const locale = options.locale ?? 'en-US';
  const label = (id: string): string => definition.options.find((o) => o.id === id)?.label ?? id;
  if (Array.isArray(value)) return value.map(label).join(', ');
  if (typeof value === 'object') return formatMoney(value, locale);
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return formatNumber(value, locale);
  switch (definition.type) {
    case 'single_select':
      return label(value);
    case 'date':
      return formatDate(value, locale);
    case 'user':
      return options.userNames?.get(value) ?? value;
    default:
      return value;
  }
}

/**
 * The fields a customer card shows for a record: its kind's live `showOnCard` fields that
 * hold a value, in `position` order, each with its label and display value.
 */
export function cardFields(definitions: readonly CustomFieldDefinition[], record: { customFields: CustomFieldValues }, options: CardFieldOptions = {}): CardField[] {
  return definitions
    .filter((d) => d.showOnCard && d.deletedAt === null && record.customFields[d.key] !== undefined)
    .sort((a, b) => a.position - b.position || (a.id < b.id ? -1 : 1))
    .map((d) => ({ key: d.key, label: d.label, type: d.type, display: displayValue(d, record.customFields[d.key] as CustomFieldValue, options) }));
}

/**
 * A card's fields for one of its records (the contact, the account or an open deal), named
 * with the card's people: what every surface shows under that record.
 */
export function recordCardFields(
  card: { fieldDefinitions?: readonly CustomFieldDefinition[]; people: Readonly<Record<string, { name: string }>> },
  objectType: CustomFieldDefinition['objectType'],
  record: { customFields?: CustomFieldValues },
  locale?: string,
): CardField[] {
  const definitions = (card.fieldDefinitions ?? []).filter((d) => d.objectType === objectType);
  const userNames = new Map(Object.entries(card.people).map(([id, person]) => [id, person.name]));
  return cardFields(definitions, { customFields: record.customFields ?? {} }, { userNames, ...(locale ? { locale } : {}) });
}

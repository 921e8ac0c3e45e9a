import type { CustomFieldDefinition } from '../custom-fields/custom-field.schema.js';
import { readDateTime, readMoney, readNumber } from './import-values.js';

const YES = /^(true|yes|y|1|x|是|✓)$/i;
const NO = /^(false|no|n|0|否)?$/i;

/**
 * Turns the text of columns mapped to custom fields into the values those fields take, the way
 * CRM exports write them: numbers and amounts in either notation, dates in ISO, US or dotted
 * form, yes/no for checkboxes, options by id or label (`;` between several). A cell that cannot
 * be read is passed on as text, so the field's own check names the field and what is wrong.
 */
export function importedCustomFields(definitions: readonly CustomFieldDefinition[], cells: Readonly<Record<string, string>>, currency: string): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const [key, cell] of Object.entries(cells)) {
    const text = cell.trim();
    if (text === '') continue;
    const field = definitions.find((d) => d.key === key);
    values[key] = field ? readCell(field, text, currency) : text;
  }
  return values;
}

function readCell(field: CustomFieldDefinition, text: string, currency: string): unknown {
  const option = (t: string): string => field.options.find((o) => o.id === t || o.label.toLowerCase() === t.toLowerCase())?.id ?? t;
  switch (field.type) {
    case 'number': {
      const read = readNumber(text);
      return read.ok ? read.value : text;
    }
    case 'money': {
      const read = readMoney(text, undefined, currency);
      return read.ok ? read.value : text;
    }
    case 'date': {
      const read = readDateTime(text);
      return read.ok ? read.value.date : text;
    }
    case 'checkbox':
      return YES.test(text) ? true : NO.test(text) ? false : text;
    case 'single_select':
      return option(text);
    case 'multi_select':
      return text.split(';').map((t) => t.trim()).filter((t) => t !== '').map(option);
    default:
      return text;
  }
}

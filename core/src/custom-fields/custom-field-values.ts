import { z } from 'zod';
import { EmailAddress, Phone } from '../contacts/contact.schema.js';
import { CrmError, type FieldIssue } from '../shared/errors.js';
import { Money } from '../shared/money.js';
import { CalendarDate, Id } from '../shared/schema.js';
import { fieldIssues } from '../shared/validate.js';
import type { CustomFieldDefinition, CustomFieldOption, CustomFieldValue, CustomFieldValues } from './custom-field.schema.js';

/**
 * Custom field values checked against the fields an admin defined, with zod schemas built at
 * run time from the definitions: the hub, the extension's local mode and the browser store
 * all validate through these, so a value one accepts the others accept too.
 */

/** Finds an option by id, or by label ignoring case, so people and imports may name either. */
export function findOption(options: readonly CustomFieldOption[], idOrLabel: string): CustomFieldOption | undefined {
  const wanted = idOrLabel.trim().toLowerCase();
  return options.find((o) => o.id === idOrLabel) ?? options.find((o) => o.label.toLowerCase() === wanted);
}

function optionSchema(options: readonly CustomFieldOption[]): z.ZodType<string, string> {
  const names = options.map((o) => o.label).join(', ');
  return z.string().transform((value, ctx) => {
    const option = findOption(options, value);
    if (option) return option.id;
    ctx.addIssue({ code: 'custom', message: `Pick one of: ${names}.`, input: value });
    return z.NEVER;
  });
}

const HttpUrl = z
  .string()
  .trim()
  .max(2000, 'At most 2000 characters.')
  .refine((value) => /^https?:\/\/[^\s/]+\.[^\s]+$/i.test(value) && URL.canParse(value), 'Use a web address such as https://example.com.');

/** The schema of one field's value (never null: clearing is the patch's business). */
export function valueSchema(definition: CustomFieldDefinition): z.ZodType<CustomFieldValue, unknown> {
  switch (definition.type) {
    case 'text':
      return z.string().trim().min(1, 'Cannot be empty; send null to clear it.').max(500, 'At most 500 characters.');
    case 'long_text':
      return z.string().trim().min(1, 'Cannot be empty; send null to clear it.').max(10_000, 'At most 10000 characters.');
    case 'number':
      return z.number('Expected a number.').refine(Number.isFinite, 'Expected a finite number.');
    case 'money':
      return Money;
    case 'date':
      return CalendarDate;
    case 'checkbox':
      return z.boolean('Expected true or false.');
    case 'single_select':
      return optionSchema(definition.options);
    case 'multi_select':
      return z
        .array(optionSchema(definition.options), 'Expected a list of options.')
        .max(50, 'At most 50 options.')
        .transform((ids) => [...new Set(ids)]);
    case 'user':
      return Id;
    case 'url':
      return HttpUrl;
    case 'email':
      return EmailAddress;
    case 'phone':
      return Phone;
  }
}

export interface CustomFieldsSchemaOptions {
  /** A patch: every field may be left out, and null clears one (unless it is required). */
  patch?: boolean;
}

/**
 * The zod schema of a record's custom field values, built from its kind's live definitions:
 * a strict object keyed by field key. On create a required field must be present.
 */
export function customFieldsSchema(definitions: readonly CustomFieldDefinition[], options: CustomFieldsSchemaOptions = {}) {
  const shape: Record<string, z.ZodType<CustomFieldValue | null | undefined, unknown>> = {};
  for (const definition of definitions) {
    if (definition.deletedAt !== null) continue;
    const value = valueSchema(definition);
    if (options.patch) shape[definition.key] = definition.required ? value.optional() : value.nullable().optional();
    else shape[definition.key] = definition.required ? value : value.optional();
  }
  return z.strictObject(shape, { error: (issue) => (issue.code === 'unrecognized_keys' ? undefined : 'Expected an object of field values by key.') });
}

/** A custom field's issue in words naming the field by key and label. */
function describeIssue(definitions: readonly CustomFieldDefinition[], issue: FieldIssue, kind: string): FieldIssue {
  const [key] = issue.path.split('.');
  const definition = definitions.find((d) => d.key === key && d.deletedAt === null);
  if (!key) return { path: 'customFields', message: issue.message };
  if (!definition) {
    const keys = key.split(',');
    return { path: `customFields.${key}`, message: `No custom field ${keys.join(', ')} on ${kind}s. Define it first, or leave it out.` };
  }
  const message = issue.message === 'Required.' ? 'Required: this field must have a value.' : issue.message;
  return { path: `customFields.${issue.path}`, message: `${definition.label} (${definition.key}): ${message}` };
}

/**
 * Parses a record's custom field input (or patch) against its kind's definitions. Throws
 * `invalid_input` naming each wrong field by key and label and saying what is wrong.
 */
export function parseCustomFields(
  definitions: readonly CustomFieldDefinition[],
  input: unknown,
  kind: string,
  options: CustomFieldsSchemaOptions = {},
): Record<string, CustomFieldValue | null> {
  const result = customFieldsSchema(definitions, options).safeParse(input ?? {}, { reportInput: true });
  if (result.success) {
    const parsed: Record<string, CustomFieldValue | null> = {};
    for (const [key, value] of Object.entries(result.data)) if (value !== undefined) parsed[key] = value;
    return parsed;
  }
  const issues = fieldIssues(result.error).map((issue) => describeIssue(definitions, issue, kind));
  const first = issues[0];
  throw new CrmError('invalid_input', `Invalid ${kind} custom fields. ${first ? `${first.path}: ${first.message}` : ''}`.trim(), { issues });
}

/** Applies a parsed patch to stored values: a value replaces, null removes the key, absent keys stay. */
export function mergeCustomFields(current: CustomFieldValues, patch: Record<string, CustomFieldValue | null>): CustomFieldValues {
  const next: CustomFieldValues = { ...current };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  return next;
}

/** The user ids a record's values name through `user` fields, to check they exist. */
export function userIdsIn(definitions: readonly CustomFieldDefinition[], values: Record<string, CustomFieldValue | null>): string[] {
  return definitions.filter((d) => d.type === 'user').flatMap((d) => {
    const value = values[d.key];
    return typeof value === 'string' ? [value] : [];
  });
}

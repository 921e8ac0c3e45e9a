import { z } from 'zod';
import { Money } from '../shared/money.js';
import { DisplayName, Id, Instant, NullableText, OptionalText } from '../shared/schema.js';

/** The kinds of record a custom field can be defined on. */
export const CustomFieldObjectType = z.enum(['account', 'contact', 'deal']);
export type CustomFieldObjectType = z.infer<typeof CustomFieldObjectType>;

export const CustomFieldType = z.enum([
  'text', 'long_text', 'number', 'money', 'date', 'checkbox', 'single_select', 'multi_select', 'user', 'url', 'email', 'phone',
]);
export type CustomFieldType = z.infer<typeof CustomFieldType>;

/** The record fields each kind already has: a custom field key may not reuse one (in snake or camel case). */
export const BUILT_IN_FIELDS: Readonly<Record<CustomFieldObjectType, readonly string[]>> = {
  account: ['id', 'name', 'domains', 'industry', 'size', 'owner_id', 'lifecycle', 'segment', 'version', 'created_at', 'updated_at', 'custom_fields'],
  contact: ['id', 'name', 'account_id', 'emails', 'phones', 'title', 'owner_id', 'version', 'created_at', 'updated_at', 'custom_fields'],
  deal: [
    'id', 'title', 'account_id', 'primary_contact_id', 'amount', 'pipeline_id', 'stage_id', 'probability', 'probability_overridden',
    'expected_close_date', 'owner_id', 'collaborator_ids', 'status', 'lost_reason', 'competitor', 'campaign_id', 'commit',
    'stage_entered_at', 'closed_at', 'version', 'created_at', 'updated_at', 'custom_fields', 'days_in_stage', 'last_activity_at',
  ],
};

/** A field key: lower snake_case, starting with a letter ("contract_end"). */
export const CustomFieldKey = z
  .string()
  .regex(/^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/, 'Use lower snake_case starting with a letter, such as contract_end.')
  .max(40, 'At most 40 characters.');

/** An option of a select: values store its id, so renaming the label keeps them. */
export const CustomFieldOption = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'Use lower-case letters, digits, - or _ (at most 40), such as emea.'),
  label: DisplayName(100),
});
export type CustomFieldOption = z.infer<typeof CustomFieldOption>;

export const CustomFieldDefinition = z.object({
  id: Id,
  objectType: CustomFieldObjectType,
  key: CustomFieldKey,
  label: DisplayName(100),
  helpText: z.string().nullable(),
  type: CustomFieldType,
  required: z.boolean(),
  /** For selects only; empty for other types. */
  options: z.array(CustomFieldOption),
  showOnCard: z.boolean(),
  /** Order among the fields of its kind, on cards and forms (lowest first). */
  position: z.number().int().min(0),
  /** Set when deleted: values stay, and the field can be restored until RESTORE_DAYS later. */
  deletedAt: Instant.nullable(),
  version: z.number().int().min(1),
  createdAt: Instant,
  updatedAt: Instant,
});
export type CustomFieldDefinition = z.infer<typeof CustomFieldDefinition>;

const Options = z.array(CustomFieldOption).max(200);

export const CustomFieldInput = z.strictObject({
  objectType: CustomFieldObjectType,
  key: CustomFieldKey,
  label: DisplayName(100),
  helpText: OptionalText(500),
  type: CustomFieldType,
  required: z.boolean().default(false),
  options: Options.default([]),
  showOnCard: z.boolean().default(false),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type CustomFieldInput = z.input<typeof CustomFieldInput>;

/** Key, kind and type never change (stored values depend on them); options are replaced whole. */
export const CustomFieldPatch = z.strictObject({
  label: DisplayName(100).optional(),
  helpText: NullableText(500).optional(),
  required: z.boolean().optional(),
  options: Options.optional(),
  showOnCard: z.boolean().optional(),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type CustomFieldPatch = z.input<typeof CustomFieldPatch>;

/**
 * One stored value: text, url, email, phone and long text as a string; number; money;
 * date as YYYY-MM-DD; checkbox as a boolean; single select and user as an id; multi select
 * as a list of option ids. A field with no value has no key in the record.
 */
export const CustomFieldValue = z.union([z.string(), z.number(), z.boolean(), Money, z.array(z.string())]);
export type CustomFieldValue = z.infer<typeof CustomFieldValue>;

/** A record's custom field values by field key. */
export const CustomFieldValues = z.record(z.string(), CustomFieldValue);
export type CustomFieldValues = z.infer<typeof CustomFieldValues>;

/** Custom field values as sent: checked against the definitions by the services (see custom-field-values.ts). */
export const CustomFieldValuesInput = z.record(z.string(), z.unknown());

/** How long a deleted field can be restored. */
export const RESTORE_DAYS = 30;

import { z } from 'zod';
import { CustomFieldValues, CustomFieldValuesInput } from '../custom-fields/custom-field.schema.js';
import { isDomain, normalizeDomain } from '../shared/email.js';
import { DisplayName, Id, Instant, NullableText, OptionalText } from '../shared/schema.js';

export const Lifecycle = z.enum(['prospect', 'customer', 'at_risk', 'churned', 'won_back']);
export type Lifecycle = z.infer<typeof Lifecycle>;

export const CompanySize = z.enum(['1-10', '11-50', '51-200', '201-1000', '1001-5000', '5001+']);
export type CompanySize = z.infer<typeof CompanySize>;

export const WebDomain = z
  .string()
  .max(300, 'At most 300 characters.')
  .transform(normalizeDomain)
  .refine(isDomain, 'Use a web domain such as acme.com.');

export const Account = z.object({
  id: Id,
  name: DisplayName(),
  domains: z.array(WebDomain),
  industry: z.string().nullable(),
  size: CompanySize.nullable(),
  ownerId: Id,
  lifecycle: Lifecycle,
  /** The value segment the analytics last gave it (champions, loyal, …); null until scored. */
  segment: z.string().nullable(),
  /** Values of the custom fields defined on accounts, by field key; a field with no value has no key. */
  customFields: CustomFieldValues.default({}),
  version: z.number().int().min(1),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Account = z.infer<typeof Account>;

const Domains = z.array(WebDomain).max(20);

export const AccountInput = z.strictObject({
  name: DisplayName(),
  domains: Domains.default([]),
  industry: OptionalText(100),
  size: CompanySize.nullable().default(null),
  ownerId: Id.optional(),
  lifecycle: Lifecycle.default('prospect'),
  /** Values by custom field key, checked against the fields defined on accounts. */
  customFields: CustomFieldValuesInput.optional(),
});
export type AccountInput = z.input<typeof AccountInput>;

/** Only the fields sent change; nothing here has a default. */
export const AccountPatch = z.strictObject({
  name: DisplayName().optional(),
  domains: Domains.optional(),
  industry: NullableText(100).optional(),
  size: CompanySize.nullable().optional(),
  ownerId: Id.optional(),
  lifecycle: Lifecycle.optional(),
  segment: z.string().max(40).nullable().optional(),
  /** Keys sent replace their values, null clears one, keys not sent stay. */
  customFields: CustomFieldValuesInput.optional(),
});
export type AccountPatch = z.input<typeof AccountPatch>;

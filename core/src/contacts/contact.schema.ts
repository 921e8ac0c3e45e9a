import { z } from 'zod';
import { CustomFieldValues, CustomFieldValuesInput } from '../custom-fields/custom-field.schema.js';
import { normalizeEmail } from '../shared/email.js';
import { DisplayName, Id, Instant, NullableText, OptionalText } from '../shared/schema.js';

export const EmailAddress = z
  .string()
  .trim()
  .max(254, 'At most 254 characters.')
  .pipe(z.email('Use an email address such as ann@example.com.'))
  .transform(normalizeEmail);

export const Phone = z
  .string()
  .trim()
  .max(60, 'At most 60 characters.')
  .regex(/^\+?[0-9 ().\-/]{3,40}(?:\s*(?:x|ext\.?)\s*\d{1,6})?$/i, 'Use a phone number such as +1 415 555 0100.');

export const Contact = z.object({
  id: Id,
  name: DisplayName(),
  accountId: Id.nullable(),
  /** Lower-case, unique across all contacts. The first is the primary address. */
  emails: z.array(EmailAddress),
  phones: z.array(Phone),
  title: z.string().nullable(),
  ownerId: Id,
  /** Values of the custom fields defined on contacts, by field key. */
  customFields: CustomFieldValues.default({}),
  version: z.number().int().min(1),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Contact = z.infer<typeof Contact>;

const Emails = z.array(EmailAddress).max(20);
const Phones = z.array(Phone).max(20);

export const ContactInput = z.strictObject({
  name: DisplayName(),
  accountId: Id.nullable().default(null),
  emails: Emails.default([]),
  phones: Phones.default([]),
  title: OptionalText(200),
  ownerId: Id.optional(),
  /** Values by custom field key, checked against the fields defined on contacts. */
  customFields: CustomFieldValuesInput.optional(),
});
export type ContactInput = z.input<typeof ContactInput>;

/** Only the fields sent change; nothing here has a default. */
export const ContactPatch = z.strictObject({
  name: DisplayName().optional(),
  accountId: Id.nullable().optional(),
  emails: Emails.optional(),
  phones: Phones.optional(),
  title: NullableText(200).optional(),
  ownerId: Id.optional(),
  /** Keys sent replace their values, null clears one, keys not sent stay. */
  customFields: CustomFieldValuesInput.optional(),
});
export type ContactPatch = z.input<typeof ContactPatch>;

import { z } from 'zod';
import { EmailAddress } from '../contacts/contact.schema.js';
import { Id, Instant, OptionalText, Surface } from '../shared/schema.js';

export const ActivityType = z.enum(['email', 'call', 'meeting', 'note', 'chat']);
export type ActivityType = z.infer<typeof ActivityType>;

export const Activity = z.object({
  id: Id,
  type: ActivityType,
  subject: z.string().nullable(),
  body: z.string().nullable(),
  occurredAt: Instant,
  contactId: Id.nullable(),
  accountId: Id.nullable(),
  dealId: Id.nullable(),
  authorId: Id,
  surface: Surface,
  /** An email's Message-ID, a Slack permalink…: the same external id is never logged twice. */
  externalId: z.string().nullable(),
  /** Addresses on an email or meeting, lower case. */
  participants: z.array(z.string()),
  createdAt: Instant,
});
export type Activity = z.infer<typeof Activity>;

export const ActivityInput = z
  .strictObject({
    type: ActivityType,
    subject: OptionalText(500),
    body: OptionalText(20000),
    occurredAt: Instant.optional(),
    contactId: Id.nullable().default(null),
    accountId: Id.nullable().default(null),
    dealId: Id.nullable().default(null),
    externalId: z.string().trim().min(1).max(1000).nullable().default(null),
    participants: z.array(EmailAddress).max(200).default([]),
  })
  .refine((a) => a.contactId !== null || a.accountId !== null || a.dealId !== null, {
    message: 'Link the activity to a contact, an account or a deal.',
    path: ['contactId'],
  });
export type ActivityInput = z.input<typeof ActivityInput>;

import { z } from 'zod';
import { EmailAddress } from '../contacts/contact.schema.js';
import { AwaitingReplyInput } from '../reminders/awaiting-reply.schema.js';
import { Money } from '../shared/money.js';
import { CalendarDate, DisplayName, Id, Instant, OptionalText } from '../shared/schema.js';

/** An email the rep logs from their mailbox, about the person at `email`. */
export const CapturedEmail = z.strictObject({
  /** The person the email is logged for: their contact (or their domain's account) gets it. */
  email: EmailAddress,
  /** The Message-ID header: the same email is never logged twice. */
  messageId: z.string().trim().min(1).max(1000),
  subject: z.string().trim().max(500).default(''),
  text: z.string().max(20000).default(''),
  occurredAt: Instant.nullable().default(null),
  participants: z.array(EmailAddress).max(200).default([]),
  /** The sender, when it is not `email` (a rep's own message logged for the customer). Defaults to `email`. */
  from: EmailAddress.nullable().default(null),
  /** The In-Reply-To and References headers and the mail client's thread id: a reply here completes "no reply" reminders. */
  inReplyTo: z.string().trim().max(1000).nullable().default(null),
  references: z.array(z.string().trim().max(1000)).max(200).default([]),
  threadId: z.string().trim().min(1).max(200).nullable().default(null),
});
export type CapturedEmail = z.input<typeof CapturedEmail>;

/** A new contact made from an email's sender, with the company the rep confirmed (if any). */
export const SenderInput = z.strictObject({
  name: DisplayName(),
  email: EmailAddress,
  /** The company to create when no account has the sender's domain yet; null for none. */
  company: OptionalText(200),
  /** The web domain that company is known by (the sender's, unless the rep changed it). */
  domain: z.string().trim().toLowerCase().max(253).nullable().default(null),
});
export type SenderInput = z.input<typeof SenderInput>;

/** A reminder set from an email: about a record, or about whoever has `email`. */
export const CapturedReminder = z
  .strictObject({
    /** Optional for a "no reply" reminder, which then reads "No reply from 王芳 since Tuesday". */
    title: DisplayName(500).optional(),
    /** Words in the rep's time zone: "tomorrow 9am", "in 3 days". */
    due: z.string().trim().min(1).max(200),
    contactId: Id.nullable().default(null),
    accountId: Id.nullable().default(null),
    dealId: Id.nullable().default(null),
    /** Used when no record is named: the reminder is about this address's contact and account. */
    email: EmailAddress.nullable().default(null),
    /** Makes it a "no reply" reminder about a sent email (see ReminderInput). */
    awaitingReply: AwaitingReplyInput.nullable().default(null),
  })
  .refine((r) => r.title !== undefined || r.awaitingReply !== null, { message: 'Give the reminder a title.', path: ['title'] });
export type CapturedReminder = z.input<typeof CapturedReminder>;

export const DealEditOutcome = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('won') }),
  z.strictObject({ status: z.literal('lost'), reason: DisplayName(200), competitor: OptionalText(200) }),
]);
export type DealEditOutcome = z.input<typeof DealEditOutcome>;

/** Every field the rep changed on a deal in one save; at least one. */
export const DealEdit = z
  .strictObject({
    stageId: z.string().trim().min(1).max(60).optional(),
    amount: Money.optional(),
    expectedCloseDate: CalendarDate.optional(),
    outcome: DealEditOutcome.optional(),
  })
  .refine((e) => e.stageId !== undefined || e.amount !== undefined || e.expectedCloseDate !== undefined || e.outcome !== undefined, {
    message: 'Change at least one of stage, amount, close date or outcome.',
    path: ['stageId'],
  });
export type DealEdit = z.input<typeof DealEdit>;

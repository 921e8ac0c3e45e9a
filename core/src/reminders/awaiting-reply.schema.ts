import { z } from 'zod';
import { EmailAddress } from '../contacts/contact.schema.js';
import { Id, Instant } from '../shared/schema.js';

const MessageId = z.string().trim().min(1).max(1000);

/** A sent email a "no reply" reminder waits on: a reply from that person in that thread completes it. */
export const AwaitingReply = z.object({
  /** The Message-ID of the email the rep sent. */
  messageId: MessageId,
  /** The mail client's thread id (Gmail's), when it has one. */
  threadId: z.string().nullable(),
  /** A link that opens the thread, shown when the reminder comes due. */
  threadUrl: z.string().nullable(),
  /** Who should answer: their contact, or their address when they have none yet. */
  contactId: Id.nullable(),
  email: z.string().nullable(),
  sentAt: Instant,
});
export type AwaitingReply = z.infer<typeof AwaitingReply>;

export const AwaitingReplyInput = z
  .strictObject({
    messageId: MessageId,
    threadId: z.string().trim().min(1).max(200).nullable().default(null),
    threadUrl: z.url({ protocol: /^https?$/, error: 'An http(s) link to the thread.' }).max(2000).nullable().default(null),
    contactId: Id.nullable().default(null),
    email: EmailAddress.nullable().default(null),
    /** When the email was sent; now when not given. */
    sentAt: Instant.optional(),
  })
  .refine((a) => a.contactId !== null || a.email !== null, {
    message: 'Say who should reply: contactId or email.',
    path: ['email'],
  });
export type AwaitingReplyInput = z.input<typeof AwaitingReplyInput>;

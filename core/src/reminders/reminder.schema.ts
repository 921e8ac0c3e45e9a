import { z } from 'zod';
import { DisplayName, Id, Instant, OptionalText, TimeZone } from '../shared/schema.js';
import { AwaitingReply, AwaitingReplyInput } from './awaiting-reply.schema.js';

export const ReminderStatus = z.enum(['open', 'done', 'cancelled']);
export type ReminderStatus = z.infer<typeof ReminderStatus>;

export const Recurrence = z.object({
  frequency: z.enum(['daily', 'weekly', 'monthly']),
  interval: z.number().int().min(1).max(365).default(1),
});
export type Recurrence = z.infer<typeof Recurrence>;

export const Reminder = z.object({
  id: Id,
  title: DisplayName(500),
  notes: z.string().nullable(),
  contactId: Id.nullable(),
  accountId: Id.nullable(),
  dealId: Id.nullable(),
  assigneeId: Id,
  createdById: Id,
  dueAt: Instant,
  /** The zone the due time was entered in: recurrences keep its wall-clock time. */
  timeZone: TimeZone,
  snoozedUntil: Instant.nullable(),
  recurrence: Recurrence.nullable(),
  status: ReminderStatus,
  completedAt: Instant.nullable(),
  /**
   * When the scheduler should next look at this reminder (its due time, a retry, the end of
   * quiet hours); null when nothing is waiting to be delivered.
   */
  alertAt: Instant.nullable(),
  /** A "no reply" reminder: the sent email it waits on; a reply logged by any route completes it. */
  awaitingReply: AwaitingReply.nullable().default(null),
  version: z.number().int().min(1),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Reminder = z.infer<typeof Reminder>;

/** When a reminder fires: its snooze if snoozed, else its due time. Also the key of its deliveries. */
export const fireTime = (r: Pick<Reminder, 'dueAt' | 'snoozedUntil'>): string => r.snoozedUntil ?? r.dueAt;

export const ReminderInput = z
  .strictObject({
    /** Optional for a "no reply" reminder: it then reads "No reply from 王芳 since Tuesday". */
    title: DisplayName(500).optional(),
    notes: OptionalText(5000),
    /** Either an instant (`dueAt`) or words in the assignee's time zone (`due`: "tomorrow 9am"). */
    dueAt: Instant.optional(),
    due: z.string().trim().min(1).max(200).optional(),
    contactId: Id.nullable().default(null),
    accountId: Id.nullable().default(null),
    dealId: Id.nullable().default(null),
    assigneeId: Id.optional(),
    recurrence: Recurrence.nullable().default(null),
    /** Makes it a "no reply" reminder about a sent email; a reply in its thread completes it. */
    awaitingReply: AwaitingReplyInput.nullable().default(null),
  })
  .refine((r) => (r.dueAt === undefined) !== (r.due === undefined), {
    message: 'Give either dueAt (an ISO date-time) or due (words such as "tomorrow 9am"), not both.',
    path: ['due'],
  })
  .refine((r) => r.title !== undefined || r.awaitingReply !== null, { message: 'Give the reminder a title.', path: ['title'] })
  .refine((r) => r.recurrence === null || r.awaitingReply === null, {
    message: 'A "no reply" reminder happens once: give either recurrence or awaitingReply.',
    path: ['recurrence'],
  });
export type ReminderInput = z.input<typeof ReminderInput>;

export const ReminderPatch = z
  .strictObject({
    title: DisplayName(500).optional(),
    notes: z.string().trim().max(5000).nullable().optional(),
    dueAt: Instant.optional(),
    due: z.string().trim().min(1).max(200).optional(),
    recurrence: Recurrence.nullable().optional(),
  })
  .refine((r) => r.dueAt === undefined || r.due === undefined, {
    message: 'Give either dueAt or due, not both.',
    path: ['due'],
  });
export type ReminderPatch = z.input<typeof ReminderPatch>;

export const SnoozeInput = z
  .strictObject({
    until: Instant.optional(),
    /** Words in the assignee's time zone: "1h", "tomorrow", "next week". */
    for: z.string().trim().min(1).max(200).optional(),
  })
  .refine((s) => (s.until === undefined) !== (s.for === undefined), {
    message: 'Give either until (an ISO date-time) or for (words such as "tomorrow 9am").',
    path: ['for'],
  });
export type SnoozeInput = z.input<typeof SnoozeInput>;

export const DeliveryStatus = z.enum(['delivered', 'failed', 'retrying']);
export type DeliveryStatus = z.infer<typeof DeliveryStatus>;

/** One channel's attempt(s) to deliver one firing of a reminder. */
export const ReminderDelivery = z.object({
  id: Id,
  reminderId: Id,
  /** The firing it belongs to (see fireTime): a snoozed reminder fires anew. */
  fireAt: Instant,
  channel: z.string().min(1).max(40),
  status: DeliveryStatus,
  attempts: z.number().int().min(0),
  lastError: z.string().nullable(),
  nextAttemptAt: Instant.nullable(),
  deliveredAt: Instant.nullable(),
  updatedAt: Instant,
});
export type ReminderDelivery = z.infer<typeof ReminderDelivery>;

import { Id, Instant, ReminderInput, ReminderPatch, ReminderStatus, SnoozeInput } from '@rapport/core';
import { z } from 'zod';
import { csv, Empty, IdParams, PageQuery, pageOf } from '../common.js';
import { defineRoute } from '../route.js';
import { CompletedReminder, Reminder, ReminderWithDeliveries } from '../schemas.js';

export const ReminderListQuery = PageQuery.extend({
  assigneeId: Id.optional(),
  status: csv(ReminderStatus).optional(),
  dueBefore: Instant.optional(),
  contactId: Id.optional(),
  accountId: Id.optional(),
  dealId: Id.optional(),
});

export const reminderRoutes = {
  listReminders: defineRoute({ method: 'GET', path: '/api/v1/reminders', summary: 'List reminders (yours unless assigneeId is given), soonest first', tag: 'Reminders', auth: true, query: ReminderListQuery, response: pageOf(Reminder), status: 200 }),
  dueReminders: defineRoute({ method: 'GET', path: '/api/v1/reminders/due', summary: 'Your open reminders due today or overdue, in your time zone', tag: 'Reminders', auth: true, query: z.strictObject({ before: Instant.optional() }), response: z.object({ items: z.array(Reminder) }), status: 200 }),
  createReminder: defineRoute({
    method: 'POST',
    path: '/api/v1/reminders',
    summary: 'Set a reminder',
    description:
      'Give dueAt (ISO) or due in words in the assignee\'s time zone: "tomorrow 9am", "in 3 days", "next monday", "明天上午9点". ' +
      'With awaitingReply (the sent email\'s messageId, its Gmail threadId or a threadUrl, and the contactId or email who should answer) it is a "no reply" reminder: ' +
      'titled "No reply from <name> since <day>" unless a title is given, with the thread\'s link as notes, and completed by itself when that person\'s reply in the thread is logged ' +
      '(POST /api/v1/capture/emails with inReplyTo/references or threadId, or mail to a logging address).',
    tag: 'Reminders',
    auth: true,
    body: ReminderInput,
    response: Reminder,
    status: 201,
    versioned: true,
    idempotent: true,
  }),
  getReminder: defineRoute({ method: 'GET', path: '/api/v1/reminders/{id}', summary: 'Get a reminder with its delivery log', tag: 'Reminders', auth: true, params: IdParams, response: ReminderWithDeliveries, status: 200, versioned: true }),
  updateReminder: defineRoute({ method: 'PATCH', path: '/api/v1/reminders/{id}', summary: 'Change a reminder', tag: 'Reminders', auth: true, params: IdParams, body: ReminderPatch, response: Reminder, status: 200, versioned: true }),
  snoozeReminder: defineRoute({ method: 'POST', path: '/api/v1/reminders/{id}/snooze', summary: 'Snooze until a time or for words ("1h", "tomorrow")', tag: 'Reminders', auth: true, params: IdParams, body: SnoozeInput, response: Reminder, status: 200, versioned: true, idempotent: true }),
  completeReminder: defineRoute({ method: 'POST', path: '/api/v1/reminders/{id}/complete', summary: 'Mark done (a recurring reminder gets its next occurrence)', tag: 'Reminders', auth: true, params: IdParams, body: Empty, response: CompletedReminder, status: 200, versioned: true, versionFrom: 'reminder', idempotent: true }),
  cancelReminder: defineRoute({ method: 'POST', path: '/api/v1/reminders/{id}/cancel', summary: 'Cancel', tag: 'Reminders', auth: true, params: IdParams, body: Empty, response: Reminder, status: 200, versioned: true, idempotent: true }),
};

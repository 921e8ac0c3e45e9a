import { CapturedEmail, CapturedReminder, DealEdit, SenderInput } from '@rapport/core';
import { IdParams } from '../common.js';
import { defineRoute } from '../route.js';
import { Contact, Deal, LoggedActivity, Reminder } from '../schemas.js';

/** What a rep does from their mailbox, each rule applied by the hub (the extension's outbox sends these). */
export const captureRoutes = {
  captureEmail: defineRoute({
    method: 'POST',
    path: '/api/v1/capture/emails',
    summary: 'Log an email for the person at an address',
    description: 'Logged on the contact with the address (or the account of its domain); 404 when nobody has it. An email whose messageId was logged before comes back with created=false.',
    tag: 'Capture',
    auth: true,
    body: CapturedEmail,
    response: LoggedActivity,
    status: 201,
    alsoAnswers: { 200: 'Already logged: the activity with this messageId, created=false' },
    idempotent: true,
  }),
  captureSender: defineRoute({
    method: 'POST',
    path: '/api/v1/capture/senders',
    summary: 'Create a contact from an email\'s sender',
    description: 'The contact joins the account that has the sender\'s domain; failing that, company and domain found a new account, unless the domain is free mail (gmail.com, qq.com, …).',
    tag: 'Capture',
    auth: true,
    body: SenderInput,
    response: Contact,
    status: 201,
    versioned: true,
    idempotent: true,
  }),
  captureReminder: defineRoute({
    method: 'POST',
    path: '/api/v1/capture/reminders',
    summary: 'Set a reminder about a record, or about whoever has an address',
    tag: 'Capture',
    auth: true,
    body: CapturedReminder,
    response: Reminder,
    status: 201,
    versioned: true,
    idempotent: true,
  }),
  editDeal: defineRoute({
    method: 'POST',
    path: '/api/v1/capture/deals/{id}/edit',
    summary: 'Save every field changed on a deal at once: stage, amount, close date, won or lost',
    description: 'With If-Match, refused with 412 unless the deal is still at that version. When a later part is refused, the problem says what was saved and what not.',
    tag: 'Capture',
    auth: true,
    params: IdParams,
    body: DealEdit,
    response: Deal,
    status: 200,
    versioned: true,
    idempotent: true,
  }),
};

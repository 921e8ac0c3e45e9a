import type { z } from 'zod';
import { requireContact } from '../contacts/contact.service.js';
import type { Contact } from '../contacts/contact.schema.js';
import { recordEvent } from '../events/record-event.js';
import { whoHasAddress } from '../lookup/customer-card.service.js';
import type { Actor, ServiceDeps } from '../services/context.js';
import { saveNextVersion } from '../services/versioned.js';
import type { UnitOfWork } from '../store/store.port.js';
import { answers, type AwaitingReply, type AwaitingReplyInput, type LoggedMessage } from './awaiting-reply.js';
import type { Reminder } from './reminder.schema.js';

/** At most this many open reminders about one sender are looked at per logged email. */
const MAX_OPEN_ABOUT_SENDER = 200;

/** A "no reply" request made whole: who should answer, and the name the reminder calls them by. */
export interface AwaitedReply {
  awaitingReply: AwaitingReply;
  contact: Contact | null;
  accountId: string | null;
  who: string;
}

/** Resolves the person a "no reply" reminder waits on: the contact named, or whoever has the address. */
export async function awaitedReply(uow: UnitOfWork, input: z.output<typeof AwaitingReplyInput>, now: Date): Promise<AwaitedReply> {
  let contact: Contact | null = input.contactId ? await requireContact(uow, input.contactId) : null;
  let accountId = contact?.accountId ?? null;
  if (!contact && input.email) {
    const found = await whoHasAddress(uow, input.email);
    contact = found?.contact ?? null;
    accountId = found?.account?.id ?? contact?.accountId ?? null;
  }
  const email = input.email ?? contact?.emails[0]?.toLowerCase() ?? null;
  return {
    awaitingReply: {
      messageId: input.messageId,
      threadId: input.threadId,
      threadUrl: input.threadUrl,
      contactId: contact?.id ?? null,
      email,
      sentAt: input.sentAt ?? now.toISOString(),
    },
    contact,
    accountId,
    who: contact?.name ?? email ?? 'them',
  };
}

/**
 * Completes every open "no reply" reminder that `message` answers, whoever it is assigned to:
 * the reply happened, so nobody needs reminding. Looks only at open reminders about the
 * sender's contact or account. Returns the reminders completed.
 */
export async function completeAnsweredReminders(
  deps: ServiceDeps,
  actor: Actor,
  message: LoggedMessage,
  about: { contactId: string | null; accountId: string | null },
): Promise<Reminder[]> {
  if (!about.contactId && !about.accountId) return [];
  return deps.store.transaction(async (uow) => {
    const open = await uow.reminders.list(
      {
        statuses: ['open'],
        about: { ...(about.contactId ? { contactIds: [about.contactId] } : {}), ...(about.accountId ? { accountIds: [about.accountId] } : {}) },
      },
      { limit: MAX_OPEN_ABOUT_SENDER },
    );
    const completed: Reminder[] = [];
    for (const reminder of open.items) {
      if (!reminder.awaitingReply || !answers(reminder.awaitingReply, message)) continue;
      const now = deps.clock.now().toISOString();
      const next = await saveNextVersion((r) => uow.reminders.update(r), reminder, { status: 'done', completedAt: now, alertAt: null }, now, 'reminder');
      await recordEvent(uow, deps, actor, {
        type: 'reminder.completed',
        entityType: 'reminder',
        entityId: reminder.id,
        before: { status: reminder.status },
        after: { status: 'done', completedAt: now, repliedWith: message.messageId },
      });
      completed.push(next);
    }
    return completed;
  });
}

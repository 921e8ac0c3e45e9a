import { addDays, localDate } from '../shared/time-zone.js';
import type { AwaitingReply } from './awaiting-reply.schema.js';

export * from './awaiting-reply.schema.js';

/** An email as logged, with what tells whether it answers another one. */
export interface LoggedMessage {
  messageId: string;
  /** The sender's address, lower case. */
  from: string;
  /** The sender's contact, when they have one. */
  fromContactId: string | null;
  inReplyTo: string | null;
  references: readonly string[];
  threadId: string | null;
}

/** A Message-ID as compared: without its angle brackets and surrounding space. */
export function messageIdKey(id: string): string {
  return id.trim().replace(/^<+/, '').replace(/>+$/, '').trim();
}

/**
 * Whether `message` is the awaited reply: another message than the one sent, in its thread
 * (its References or In-Reply-To name the sent Message-ID, or it has the same thread id), from
 * the person the rep is waiting on.
 */
export function answers(awaiting: AwaitingReply, message: LoggedMessage): boolean {
  const sent = messageIdKey(awaiting.messageId);
  if (messageIdKey(message.messageId) === sent) return false;
  const cited = [message.inReplyTo ?? '', ...message.references].some((id) => id !== '' && messageIdKey(id) === sent);
  const sameThread = awaiting.threadId !== null && message.threadId !== null && awaiting.threadId === message.threadId;
  if (!cited && !sameThread) return false;
  const byAddress = awaiting.email !== null && awaiting.email === message.from.toLowerCase();
  const byContact = awaiting.contactId !== null && awaiting.contactId === message.fromContactId;
  return byAddress || byContact;
}

/**
 * "No reply from 王芳 since Tuesday": the day the email was sent, in the assignee's time zone,
 * named as a weekday when it is less than a week before the reminder is due, else as a date.
 */
export function noReplyTitle(who: string, sentAt: string, dueAt: string, timeZone: string): string {
  const sentDay = localDate(new Date(sentAt), timeZone);
  const dueDay = localDate(new Date(dueAt), timeZone);
  const noon = new Date(`${sentDay}T12:00:00Z`);
  let day: string;
  if (sentDay === dueDay) day = 'today';
  else if (addDays(sentDay, 1) === dueDay) day = 'yesterday';
  else if (addDays(sentDay, 7) > dueDay) day = new Intl.DateTimeFormat('en', { weekday: 'long', timeZone: 'UTC' }).format(noon);
  else day = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(noon);
  return `No reply from ${who} since ${day}`;
}

/** The link to a Gmail thread from its id, when the client gave no link of its own. */
export function threadLink(awaiting: Pick<AwaitingReply, 'threadId' | 'threadUrl'>): string | null {
  if (awaiting.threadUrl) return awaiting.threadUrl;
  return awaiting.threadId ? `https://mail.google.com/mail/#all/${encodeURIComponent(awaiting.threadId)}` : null;
}

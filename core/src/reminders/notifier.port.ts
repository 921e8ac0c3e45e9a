import type { Account } from '../accounts/account.schema.js';
import type { Activity } from '../activities/activity.schema.js';
import type { Contact } from '../contacts/contact.schema.js';
import type { Deal } from '../deals/deal.schema.js';
import type { User } from '../users/user.schema.js';
import type { Reminder } from './reminder.schema.js';

/** What a channel gets when a reminder comes due: the reminder and enough context to act on it. */
export interface ReminderNotice {
  reminder: Reminder;
  assignee: User;
  /** The firing being delivered (snoozedUntil, else dueAt). */
  fireAt: string;
  /** Stable per reminder and firing: with its own name, a channel can use it to drop a repeat. */
  deliveryKey: string;
  contact: Contact | null;
  account: Account | null;
  openDeals: Deal[];
  lastActivity: Activity | null;
}

/**
 * A delivery channel for reminders (Slack DM, extension notification, the hub's log, …).
 * `deliver` resolves when the channel accepted the notice and throws when it did not; a
 * `CrmError('rate_limited')` with `details.retryAfterMs` asks for a later retry.
 */
export interface Notifier {
  readonly channel: string;
  /** Whether this channel can reach the user at all (e.g. their Slack account is linked). */
  reaches(user: User): boolean;
  deliver(notice: ReminderNotice): Promise<void>;
}

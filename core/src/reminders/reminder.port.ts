import type { Page, PageRequest } from '../shared/page.js';
import type { Reminder, ReminderStatus } from './reminder.schema.js';

export interface ReminderFilter {
  assigneeId?: string;
  statuses?: readonly ReminderStatus[];
  /** Fire time (snoozedUntil, else dueAt) strictly before this instant. */
  fireBefore?: string;
  about?: { contactIds?: readonly string[]; accountIds?: readonly string[]; dealIds?: readonly string[] };
}

export interface AlertClaim {
  now: string;
  /** Who holds the lease (a hub's id). */
  owner: string;
  leaseUntil: string;
  limit: number;
}

export interface ReminderRepository {
  get(id: string): Promise<Reminder | null>;
  /** Ordered by fire time (snoozedUntil, else dueAt), then id. */
  list(filter: ReminderFilter, page: PageRequest): Promise<Page<Reminder>>;
  insert(reminder: Reminder): Promise<void>;
  update(next: Reminder): Promise<boolean>;
  /**
   * Leases up to `limit` open reminders whose alertAt has come (at or before `now`) and that no
   * live lease holds (a lease is live while its leaseUntil is after `now`), atomically: two hubs
   * claiming at once never get the same reminder. Oldest alertAt first, then id. Claiming changes
   * neither version nor updatedAt.
   */
  claimAlerts(claim: AlertClaim): Promise<Reminder[]>;
  /**
   * Ends `owner`'s lease. When the reminder's version is still `version`, also sets alertAt
   * (null: nothing left to deliver); an edit made meanwhile keeps its own alertAt. Does nothing
   * when `owner` does not hold the lease (it expired and another hub claimed the reminder).
   */
  releaseAlert(id: string, owner: string, version: number, alertAt: string | null): Promise<void>;
  /** Merges: relinks reminders, bumping version (and setting updatedAt to `at` when given). */
  reassignContact(fromContactId: string, toContactId: string | null, at?: string): Promise<number>;
  reassignAccount(fromAccountId: string, toAccountId: string | null, at?: string): Promise<number>;
}

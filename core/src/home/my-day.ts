import type { Reminder } from '../reminders/reminder.schema.js';
import type { DealSummary } from '../lookup/customer-card.js';

/** A reminder with the customer it is about, named. */
export interface DueReminder {
  reminder: Reminder;
  /** Fire time (snooze, else due) before the start of the person's today. */
  overdue: boolean;
  /** "Ann Lee (Acme Corp)", "Acme Corp", or null when it is about nobody. */
  about: string | null;
}

/** A deal as a personal list shows it. */
export interface MyDeal extends DealSummary {
  accountName: string;
}

/**
 * One person's day: what is due, their open deals by close date, and the ones going stale.
 * What a personal home screen (Slack's App Home, the extension's popup) shows.
 */
export interface MyDay {
  userId: string;
  timeZone: string;
  /** The person's calendar day, in their zone. */
  today: string;
  /** Open reminders due today or overdue, soonest first. */
  due: DueReminder[];
  /** Open deals the person owns, soonest close date first (no date last). */
  openDeals: MyDeal[];
  /** How many open deals there are in all (openDeals may be cut). */
  openDealCount: number;
  /** The person's stale deals as the pipeline analytics judges them (longer in their stage than their team's stale factor × the stage's median), most overdue first. */
  staleDeals: MyDeal[];
}

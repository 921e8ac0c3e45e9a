import type { Account } from '../accounts/account.schema.js';
import type { Activity } from '../activities/activity.schema.js';
import type { Contact } from '../contacts/contact.schema.js';
import type { CustomFieldDefinition } from '../custom-fields/custom-field.schema.js';
import type { Deal } from '../deals/deal.schema.js';
import type { Reminder } from '../reminders/reminder.schema.js';

/** A person as surfaces show them next to records (owner, author, assignee). */
export interface PersonRef {
  id: string;
  name: string;
  email: string;
}

export interface DealSummary {
  deal: Deal;
  stageName: string;
  /** Whole days since the deal entered its current stage (its last stage-history entry). */
  daysInStage: number;
}

/**
 * Everything a rep needs about a customer at a glance: who they are, their company, the
 * open deals, what happened last and what is due. Every surface renders this one model.
 */
export interface CustomerCard {
  contact: Contact | null;
  account: Account | null;
  /** Other people at the account (up to five), the contact itself excluded. */
  colleagues: Contact[];
  openDeals: DealSummary[];
  lastActivities: Activity[];
  /** Open reminders about this customer that the viewer may see, soonest first. */
  openReminders: Reminder[];
  /** Owners, authors and assignees named on the card. */
  people: Record<string, PersonRef>;
  matchedBy: 'email' | 'canonical_email' | 'domain' | 'id';
  /** The live custom fields shown on cards (`showOnCard`), of every kind: render a record's with `cardFields`. */
  fieldDefinitions: CustomFieldDefinition[];
}

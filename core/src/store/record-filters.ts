import type { AccountFilter } from '../accounts/account.port.js';
import type { Account } from '../accounts/account.schema.js';
import type { ActivityFilter } from '../activities/activity.port.js';
import type { Activity } from '../activities/activity.schema.js';
import type { ContactFilter } from '../contacts/contact.port.js';
import { customFieldsMatch } from './custom-field-matching.js';
import type { Contact } from '../contacts/contact.schema.js';
import type { DealFilter } from '../deals/deal.port.js';
import type { Deal } from '../deals/deal.schema.js';
import type { EventFilter } from '../events/event.port.js';
import type { CrmEvent } from '../events/event.schema.js';
import type { ReminderFilter } from '../reminders/reminder.port.js';
import { fireTime, type Reminder } from '../reminders/reminder.schema.js';

/**
 * A list filter of the Store port checked against one record, for stores that filter in
 * JavaScript (the in-memory and IndexedDB stores), so both read every filter alike.
 */

/** True when `values` is absent (no filter) or holds `value`; an empty list matches nothing. */
export const within = <T>(values: readonly T[] | undefined, value: T): boolean => values === undefined || values.includes(value);

/** What an activity or reminder is about: any of these ids links it (OR). */
export interface AboutFilter {
  contactIds?: readonly string[];
  accountIds?: readonly string[];
  dealIds?: readonly string[];
}

/** True when the record links to any id of the filter; a filter naming no ids matches nothing. */
export function linkedTo(record: { contactId: string | null; accountId: string | null; dealId: string | null }, about: AboutFilter): boolean {
  const hit = (ids: readonly string[] | undefined, id: string | null): boolean => id !== null && (ids ?? []).includes(id);
  return hit(about.contactIds, record.contactId) || hit(about.accountIds, record.accountId) || hit(about.dealIds, record.dealId);
}

export const accountMatches = (account: Account, filter: AccountFilter): boolean =>
  within(filter.ownerIds, account.ownerId) && within(filter.lifecycle, account.lifecycle) && customFieldsMatch(account.customFields, filter.custom);

export const contactMatches = (contact: Contact, filter: ContactFilter): boolean =>
  (filter.accountId === undefined || contact.accountId === filter.accountId) &&
  within(filter.ownerIds, contact.ownerId) &&
  customFieldsMatch(contact.customFields, filter.custom);

/** True when `deal` passes every part of `filter` that is set. */
export function dealMatches(deal: Deal, filter: DealFilter): boolean {
  const close = deal.expectedCloseDate;
  return (
    (filter.accountId === undefined || deal.accountId === filter.accountId) &&
    (filter.primaryContactId === undefined || deal.primaryContactId === filter.primaryContactId) &&
    within(filter.ownerIds, deal.ownerId) &&
    within(filter.statuses, deal.status) &&
    (filter.pipelineId === undefined || deal.pipelineId === filter.pipelineId) &&
    (filter.stageId === undefined || deal.stageId === filter.stageId) &&
    (filter.campaignId === undefined || deal.campaignId === filter.campaignId) &&
    (filter.closeFrom === undefined || (close !== null && close >= filter.closeFrom)) &&
    (filter.closeTo === undefined || (close !== null && close <= filter.closeTo)) &&
    customFieldsMatch(deal.customFields, filter.custom)
  );
}

export const activityMatches = (activity: Activity, filter: ActivityFilter): boolean =>
  (filter.about === undefined || linkedTo(activity, filter.about)) &&
  (filter.authorId === undefined || activity.authorId === filter.authorId) &&
  within(filter.types, activity.type) &&
  (filter.from === undefined || activity.occurredAt >= filter.from) &&
  (filter.to === undefined || activity.occurredAt < filter.to);

export const reminderMatches = (reminder: Reminder, filter: ReminderFilter): boolean =>
  (filter.assigneeId === undefined || reminder.assigneeId === filter.assigneeId) &&
  within(filter.statuses, reminder.status) &&
  (filter.fireBefore === undefined || fireTime(reminder) < filter.fireBefore) &&
  (filter.about === undefined || linkedTo(reminder, filter.about));

export const eventMatches = (event: CrmEvent, filter: EventFilter): boolean =>
  (filter.entityType === undefined || event.entityType === filter.entityType) &&
  (filter.entityId === undefined || event.entityId === filter.entityId) &&
  within(filter.types, event.type) &&
  (filter.actorId === undefined || event.actorId === filter.actorId) &&
  (filter.from === undefined || event.at >= filter.from) &&
  (filter.to === undefined || event.at < filter.to);

import { Activity, CrmEvent, ManualClock, type AnalyticsStore, type Ids } from '@rapport/core';
import type { BulkInsertStore } from '@rapport/sql';
import { userOf, type Staff } from './cast.js';
import { activityInput, type PlannedActivity } from './plan-activities.js';
import type { Random } from './random.js';
import { SeededIds } from './seeded-ids.js';

/** The store's bulk writer, when it has one (the SQL stores); null for the others. */
export function bulkInsertOf(store: AnalyticsStore): BulkInsertStore | null {
  const candidate = store as AnalyticsStore & Partial<BulkInsertStore>;
  return typeof candidate.insertMany === 'function' ? (candidate as AnalyticsStore & BulkInsertStore) : null;
}

/**
 * The planned activities as the activity service logs them (links complete, participants
 * without repeats, an `activity.logged` event each at the instant it was logged), every
 * record parsed with core's schemas. Ids are time-ordered by when each was logged.
 */
export function activityRecords(planned: readonly PlannedActivity[], staff: Staff, random: Random): { activities: Activity[]; events: CrmEvent[] } {
  const clock = new ManualClock(new Date(planned[0]?.at ?? 0));
  const ids: Ids = new SeededIds(clock, random);
  const activities: Activity[] = [];
  const events: CrmEvent[] = [];
  for (const item of planned) {
    clock.set(new Date(item.at));
    const input = activityInput(item);
    const now = clock.now().toISOString();
    const authorId = userOf(staff, item.author).id;
    const activity = Activity.parse({
      id: ids.next('activity'),
      type: input.type,
      subject: input.subject,
      body: input.body,
      occurredAt: input.occurredAt,
      contactId: input.contactId,
      accountId: input.accountId,
      dealId: input.dealId,
      authorId,
      surface: item.surface,
      externalId: input.externalId,
      participants: [...new Set(input.participants)],
      createdAt: now,
    });
    activities.push(activity);
    events.push(CrmEvent.parse({ id: ids.next('event'), type: 'activity.logged', entityType: 'activity', entityId: activity.id, actorId: authorId, surface: item.surface, before: null, after: activity, at: now }));
  }
  return { activities, events };
}

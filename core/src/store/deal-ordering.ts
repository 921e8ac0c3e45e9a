import type { Activity } from '../activities/activity.schema.js';
import { dealSortValue, storedDescending, type DealSort } from '../deals/deal-sort.schema.js';
import type { Deal } from '../deals/deal.schema.js';
import type { Ordering } from './record-paging.js';

/** A deal sort as an ordering over deals held in JavaScript (the in-memory and IndexedDB stores). */
export function dealOrdering(sort: DealSort, lastActivityAt: (deal: Deal) => string): Ordering<Deal> {
  return {
    keyOf: (deal) => [dealSortValue(deal, sort.key, lastActivityAt(deal)), deal.id],
    length: 2,
    descending: storedDescending(sort),
  };
}

/** The latest `occurredAt` of the activities logged on each deal. */
export function latestActivityByDeal(activities: readonly Activity[]): Map<string, string> {
  const latest = new Map<string, string>();
  for (const activity of activities) {
    if (activity.dealId === null) continue;
    const seen = latest.get(activity.dealId);
    if (seen === undefined || activity.occurredAt > seen) latest.set(activity.dealId, activity.occurredAt);
  }
  return latest;
}

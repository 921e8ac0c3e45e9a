import { invalidInput } from '../shared/errors.js';
import { sortKey } from '../shared/text.js';
import type { Deal } from './deal.schema.js';

/**
 * The orders a deal list can come in. Each is stable: the deal id breaks ties, in the same
 * direction, so keyset paging never skips or repeats a deal.
 *
 * - `amount`: minor units as stored; amounts in different currencies are not converted.
 * - `expectedCloseDate`: deals without a date sort after every date (first when descending).
 * - `daysInStage`: fewest days in the current stage first (`-daysInStage`: the stalest first).
 *   It is `stageEnteredAt` read the other way round.
 * - `lastActivityAt`: the latest activity logged on the deal; deals with none sort first
 *   (last when descending).
 * - `createdAt`, `title` (by sortKey, like names elsewhere).
 */
export const DEAL_SORT_KEYS = ['amount', 'expectedCloseDate', 'daysInStage', 'lastActivityAt', 'createdAt', 'title'] as const;
export type DealSortKey = (typeof DEAL_SORT_KEYS)[number];

/** Whether a sort key (without its leading -) is one of the deals' own orders rather than a custom field's. */
export const isDealSortKey = (key: string): key is DealSortKey => (DEAL_SORT_KEYS as readonly string[]).includes(key);

export interface DealSort {
  key: DealSortKey;
  /** As asked (`-amount`): biggest first. */
  descending: boolean;
}

/** What stands for "no expected close date": after every calendar date. */
export const NO_CLOSE_DATE = '9999-12-31';

/** Reads `amount` or `-amount`; undefined or empty means the default order (by id, creation order). */
export function parseDealSort(text: string | undefined): DealSort | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const trimmed = text.trim();
  const descending = trimmed.startsWith('-');
  const key = descending ? trimmed.slice(1) : trimmed;
  if (!(DEAL_SORT_KEYS as readonly string[]).includes(key)) {
    throw invalidInput(`Deals cannot be sorted by "${key}".`, [
      { path: 'sort', message: `Use one of ${DEAL_SORT_KEYS.join(', ')}, with a leading - for descending (-amount).` },
    ]);
  }
  return { key: key as DealSortKey, descending };
}

/** The direction the stored column is read in: `daysInStage` reads stageEnteredAt the other way round. */
export const storedDescending = (sort: DealSort): boolean => (sort.key === 'daysInStage' ? !sort.descending : sort.descending);

/**
 * The sort value of a deal as a string that compares by code point the way the stored
 * column compares (amounts zero-padded), for the stores that sort in JavaScript.
 * `lastActivityAt` is the deal's latest activity instant, or '' when it has none.
 */
export function dealSortValue(deal: Deal, key: DealSortKey, lastActivityAt: string): string {
  switch (key) {
    case 'amount':
      return String(deal.amount.minor).padStart(16, '0');
    case 'expectedCloseDate':
      return deal.expectedCloseDate ?? NO_CLOSE_DATE;
    case 'daysInStage':
      return deal.stageEnteredAt;
    case 'lastActivityAt':
      return lastActivityAt;
    case 'createdAt':
      return deal.createdAt;
    case 'title':
      return sortKey(deal.title);
  }
}

import type { Page, PageRequest } from '../shared/page.js';
import type { Activity, ActivityType } from './activity.schema.js';

export interface ActivityFilter {
  /** Activities linked to any of these (OR). */
  about?: { contactIds?: readonly string[]; accountIds?: readonly string[]; dealIds?: readonly string[] };
  authorId?: string;
  types?: readonly ActivityType[];
  /** occurredAt range [from, to). */
  from?: string;
  to?: string;
}

export interface ActivityRepository {
  get(id: string): Promise<Activity | null>;
  findByExternalId(externalId: string): Promise<Activity | null>;
  /** Newest first: by occurredAt descending, then id descending. */
  list(filter: ActivityFilter, page: PageRequest): Promise<Page<Activity>>;
  insert(activity: Activity): Promise<void>;
  delete(id: string): Promise<void>;
  reassignContact(fromContactId: string, toContactId: string | null): Promise<number>;
  reassignAccount(fromAccountId: string, toAccountId: string | null): Promise<number>;
}

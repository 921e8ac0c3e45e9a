import type { Page, PageRequest } from '../shared/page.js';
import type { CrmEvent, EntityType } from './event.schema.js';

export interface EventFilter {
  entityType?: EntityType;
  entityId?: string;
  types?: readonly string[];
  actorId?: string;
  /** `at` range [from, to). */
  from?: string;
  to?: string;
}

export interface EventRepository {
  append(event: CrmEvent): Promise<void>;
  /** Newest first (by at, then id, descending). */
  list(filter: EventFilter, page: PageRequest): Promise<Page<CrmEvent>>;
}

import type { CrmEvent } from '../../events/event.schema.js';
import type { Page, PageRequest } from '../../shared/page.js';
import { storeConflicts } from '../store-conflicts.js';
import type { EventFilter, EventRepository } from '../../events/event.port.js';
import type { MemoryState } from './memory-state.js';
import { paginate } from '../record-paging.js';
import { eventMatches } from '../record-filters.js';

export class MemoryEventRepository implements EventRepository {
  constructor(private readonly state: MemoryState) {}

  async append(event: CrmEvent): Promise<void> {
    if (this.state.events.has(event.id)) throw storeConflicts.duplicateId('event', event.id);
    this.state.events.set(event.id, event);
  }

  async list(filter: EventFilter, page: PageRequest): Promise<Page<CrmEvent>> {
    const rows = this.state.events.all().filter((event) => eventMatches(event, filter));
    return paginate(rows, page, { keyOf: (e) => [e.at, e.id], length: 2, descending: true });
  }
}

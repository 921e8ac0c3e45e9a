import type { Activity } from '../../activities/activity.schema.js';
import type { Page, PageRequest } from '../../shared/page.js';
import { storeConflicts } from '../store-conflicts.js';
import type { ActivityFilter, ActivityRepository } from '../../activities/activity.port.js';
import type { MemoryState } from './memory-state.js';
import { paginate } from '../record-paging.js';
import { activityMatches } from '../record-filters.js';

export class MemoryActivityRepository implements ActivityRepository {
  constructor(private readonly state: MemoryState) {}

  async get(id: string): Promise<Activity | null> {
    return this.state.activities.get(id);
  }

  async findByExternalId(externalId: string): Promise<Activity | null> {
    return this.state.activities.all().find((activity) => activity.externalId === externalId) ?? null;
  }

  async list(filter: ActivityFilter, page: PageRequest): Promise<Page<Activity>> {
    const rows = this.state.activities.all().filter((activity) => activityMatches(activity, filter));
    return paginate(rows, page, { keyOf: (a) => [a.occurredAt, a.id], length: 2, descending: true });
  }

  async insert(activity: Activity): Promise<void> {
    if (this.state.activities.has(activity.id)) throw storeConflicts.duplicateId('activity', activity.id);
    if (activity.externalId !== null) {
      const logged = await this.findByExternalId(activity.externalId);
      if (logged) throw storeConflicts.externalIdTaken(activity.externalId, logged.id);
    }
    this.state.activities.set(activity.id, activity);
  }

  async delete(id: string): Promise<void> {
    this.state.activities.delete(id);
  }

  async reassignContact(fromContactId: string, toContactId: string | null): Promise<number> {
    return this.move((a) => a.contactId === fromContactId, { contactId: toContactId });
  }

  async reassignAccount(fromAccountId: string, toAccountId: string | null): Promise<number> {
    return this.move((a) => a.accountId === fromAccountId, { accountId: toAccountId });
  }

  private move(match: (activity: Activity) => boolean, patch: Partial<Activity>): number {
    const moving = this.state.activities.all().filter(match);
    for (const activity of moving) this.state.activities.set(activity.id, { ...activity, ...patch });
    return moving.length;
  }
}

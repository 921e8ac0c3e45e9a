import { activityMatches, pageFrom, storeConflicts, type Activity, type ActivityFilter, type ActivityRepository, type Page, type PageRequest } from '@rapport/core';
import type { Row } from '../idb-schema.js';
import type { IdbTx } from '../idb-tx.js';
import { optional } from '../idb-keys.js';
import { paginate, readCursor, type AboutFilter } from '../idb-paging.js';

const activityRow = (activity: Activity): Row<Activity> => ({
  k: activity.id,
  doc: activity,
  i: {
    external: optional(activity.externalId),
    order: [activity.occurredAt, activity.id],
    contact: optional(activity.contactId),
    account: optional(activity.accountId),
    deal: optional(activity.dealId),
  },
});

const NEWEST_FIRST = { keyOf: (a: Activity) => [a.occurredAt, a.id], length: 2, descending: true };

/** Rows linked to any id of `about`, found through the link indexes (each once). */
export async function linkedRows<T extends { id: string }>(tx: IdbTx, table: 'activities' | 'reminders', about: AboutFilter): Promise<T[]> {
  const found = new Map<string, T>();
  const lookups: Array<[string, readonly string[] | undefined]> = [['contact', about.contactIds], ['account', about.accountIds], ['deal', about.dealIds]];
  for (const [index, ids] of lookups) {
    for (const id of new Set(ids ?? [])) for (const row of await tx.query<T>(table, index, id)) found.set(row.id, row);
  }
  return [...found.values()];
}

export class IdbActivityRepository implements ActivityRepository {
  constructor(private readonly tx: IdbTx) {}

  get(id: string): Promise<Activity | null> {
    return this.tx.get<Activity>('activities', id);
  }

  async findByExternalId(externalId: string): Promise<Activity | null> {
    return (await this.tx.query<Activity>('activities', 'external', externalId))[0] ?? null;
  }

  async list(filter: ActivityFilter, page: PageRequest): Promise<Page<Activity>> {
    const where = (a: Activity): boolean => activityMatches(a, filter);
    // About a customer: few rows, found through the link indexes. Otherwise walk newest first.
    if (filter.about) return paginate((await linkedRows<Activity>(this.tx, 'activities', filter.about)).filter(where), page, NEWEST_FIRST);
    const after = readCursor(page.cursor, 2);
    const range = after ? IDBKeyRange.upperBound([after[0], after[1]], true) : null;
    const rows = await this.tx.scan<Activity>('activities', { index: 'order', range, direction: 'prev', where, limit: page.limit + 1 });
    return pageFrom(rows, page.limit, NEWEST_FIRST.keyOf);
  }

  insert(activity: Activity): Promise<void> {
    return this.tx.write(async () => {
      if (await this.get(activity.id)) throw storeConflicts.duplicateId('activity', activity.id);
      if (activity.externalId !== null) {
        const logged = await this.findByExternalId(activity.externalId);
        if (logged) throw storeConflicts.externalIdTaken(activity.externalId, logged.id);
      }
      this.tx.put('activities', activityRow(activity));
    });
  }

  delete(id: string): Promise<void> {
    return this.tx.write(async () => this.tx.delete('activities', id));
  }

  reassignContact(fromContactId: string, toContactId: string | null): Promise<number> {
    return this.move('contact', fromContactId, { contactId: toContactId });
  }

  reassignAccount(fromAccountId: string, toAccountId: string | null): Promise<number> {
    return this.move('account', fromAccountId, { accountId: toAccountId });
  }

  private move(index: 'contact' | 'account', from: string, patch: Partial<Activity>): Promise<number> {
    return this.tx.write(async () => {
      const moving = await this.tx.query<Activity>('activities', index, from);
      for (const activity of moving) this.tx.put('activities', activityRow({ ...activity, ...patch }));
      return moving.length;
    });
  }
}

import { fireTime, pageFrom, reminderMatches, storeConflicts, type AlertClaim, type Page, type PageRequest, type Reminder, type ReminderFilter, type ReminderRepository } from '@rapport/core';
import type { Row } from '../idb-schema.js';
import type { IdbTx } from '../idb-tx.js';
import { optional } from '../idb-keys.js';
import { paginate, readCursor } from '../idb-paging.js';
import { linkedRows } from './idb-activity-repository.js';

interface Lease {
  owner: string;
  until: string;
}

const reminderRow = (r: Reminder): Row<Reminder> => ({
  k: r.id,
  doc: r,
  i: {
    fire: [fireTime(r), r.id],
    assignee: r.assigneeId,
    // Only what the scheduler may claim is in the alert index.
    alert: r.status === 'open' && r.alertAt !== null ? [r.alertAt, r.id] : undefined,
    contact: optional(r.contactId),
    account: optional(r.accountId),
    deal: optional(r.dealId),
  },
});

const BY_FIRE_TIME = { keyOf: (r: Reminder) => [fireTime(r), r.id], length: 2 };

export class IdbReminderRepository implements ReminderRepository {
  constructor(private readonly tx: IdbTx) {}

  get(id: string): Promise<Reminder | null> {
    return this.tx.get<Reminder>('reminders', id);
  }

  async list(filter: ReminderFilter, page: PageRequest): Promise<Page<Reminder>> {
    const where = (r: Reminder): boolean => reminderMatches(r, filter);
    if (filter.about) return paginate((await linkedRows<Reminder>(this.tx, 'reminders', filter.about)).filter(where), page, BY_FIRE_TIME);
    if (filter.assigneeId !== undefined) return paginate((await this.tx.query<Reminder>('reminders', 'assignee', filter.assigneeId)).filter(where), page, BY_FIRE_TIME);
    const after = readCursor(page.cursor, 2);
    const range = after ? IDBKeyRange.lowerBound([after[0], after[1]], true) : null;
    const rows = await this.tx.scan<Reminder>('reminders', { index: 'fire', range, where, limit: page.limit + 1 });
    return pageFrom(rows, page.limit, BY_FIRE_TIME.keyOf);
  }

  insert(reminder: Reminder): Promise<void> {
    return this.tx.write(async () => {
      if (await this.get(reminder.id)) throw storeConflicts.duplicateId('reminder', reminder.id);
      this.tx.put('reminders', reminderRow(reminder));
    });
  }

  update(next: Reminder): Promise<boolean> {
    return this.tx.write(async () => {
      const current = await this.get(next.id);
      if (!current || current.version !== next.version - 1) return false;
      this.tx.put('reminders', reminderRow(next));
      return true;
    });
  }

  claimAlerts(claim: AlertClaim): Promise<Reminder[]> {
    return this.tx.write(async () => {
      const limit = Math.max(0, claim.limit);
      const due = await this.tx.scan<Reminder>('reminders', { index: 'alert', range: IDBKeyRange.upperBound([claim.now, '\uffff']) });
      const claimed: Reminder[] = [];
      for (const reminder of due) {
        if (claimed.length >= limit) break;
        if (reminder.alertAt === null || reminder.alertAt > claim.now) continue;
        const lease = await this.tx.get<Lease>('leases', reminder.id);
        if (lease && lease.until > claim.now) continue;
        this.tx.put('leases', { k: reminder.id, doc: { owner: claim.owner, until: claim.leaseUntil }, i: {} });
        claimed.push(reminder);
      }
      return claimed;
    });
  }

  releaseAlert(id: string, owner: string, version: number, alertAt: string | null): Promise<void> {
    return this.tx.write(async () => {
      const lease = await this.tx.get<Lease>('leases', id);
      if (!lease || lease.owner !== owner) return;
      this.tx.delete('leases', id);
      const reminder = await this.get(id);
      if (reminder && reminder.version === version) this.tx.put('reminders', reminderRow({ ...reminder, alertAt }));
    });
  }

  reassignContact(fromContactId: string, toContactId: string | null, at?: string): Promise<number> {
    return this.move('contact', fromContactId, { contactId: toContactId }, at);
  }

  reassignAccount(fromAccountId: string, toAccountId: string | null, at?: string): Promise<number> {
    return this.move('account', fromAccountId, { accountId: toAccountId }, at);
  }

  private move(index: 'contact' | 'account', from: string, patch: Partial<Reminder>, at: string | undefined): Promise<number> {
    return this.tx.write(async () => {
      const moving = await this.tx.query<Reminder>('reminders', index, from);
      for (const r of moving) this.tx.put('reminders', reminderRow({ ...r, ...patch, version: r.version + 1, updatedAt: at ?? r.updatedAt }));
      return moving.length;
    });
  }
}

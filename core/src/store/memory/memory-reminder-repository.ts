import { fireTime, type Reminder } from '../../reminders/reminder.schema.js';
import type { Page, PageRequest } from '../../shared/page.js';
import { storeConflicts } from '../store-conflicts.js';
import type { AlertClaim, ReminderFilter, ReminderRepository } from '../../reminders/reminder.port.js';
import type { MemoryState } from './memory-state.js';
import { paginate, sortBy } from '../record-paging.js';
import { reminderMatches } from '../record-filters.js';

export class MemoryReminderRepository implements ReminderRepository {
  constructor(private readonly state: MemoryState) {}

  async get(id: string): Promise<Reminder | null> {
    return this.state.reminders.get(id);
  }

  async list(filter: ReminderFilter, page: PageRequest): Promise<Page<Reminder>> {
    const rows = this.state.reminders.all().filter((reminder) => reminderMatches(reminder, filter));
    return paginate(rows, page, { keyOf: (r) => [fireTime(r), r.id], length: 2 });
  }

  async insert(reminder: Reminder): Promise<void> {
    if (this.state.reminders.has(reminder.id)) throw storeConflicts.duplicateId('reminder', reminder.id);
    this.state.reminders.set(reminder.id, reminder);
  }

  async update(next: Reminder): Promise<boolean> {
    const current = this.state.reminders.get(next.id);
    if (!current || current.version !== next.version - 1) return false;
    this.state.reminders.set(next.id, next);
    return true;
  }

  async claimAlerts(claim: AlertClaim): Promise<Reminder[]> {
    const due = this.state.reminders.all().filter((reminder) => {
      if (reminder.status !== 'open' || reminder.alertAt === null || reminder.alertAt > claim.now) return false;
      const lease = this.state.leases.get(reminder.id);
      return lease === null || lease.until <= claim.now;
    });
    const claimed = sortBy(due, { keyOf: (r) => [r.alertAt ?? '', r.id], length: 2 }).slice(0, Math.max(0, claim.limit));
    for (const reminder of claimed) this.state.leases.set(reminder.id, { owner: claim.owner, until: claim.leaseUntil });
    return claimed;
  }

  async releaseAlert(id: string, owner: string, version: number, alertAt: string | null): Promise<void> {
    const lease = this.state.leases.get(id);
    if (lease === null || lease.owner !== owner) return;
    this.state.leases.delete(id);
    const reminder = this.state.reminders.get(id);
    if (reminder && reminder.version === version) this.state.reminders.set(id, { ...reminder, alertAt });
  }

  async reassignContact(fromContactId: string, toContactId: string | null, at?: string): Promise<number> {
    return this.move((r) => r.contactId === fromContactId, { contactId: toContactId }, at);
  }

  async reassignAccount(fromAccountId: string, toAccountId: string | null, at?: string): Promise<number> {
    return this.move((r) => r.accountId === fromAccountId, { accountId: toAccountId }, at);
  }

  private move(match: (reminder: Reminder) => boolean, patch: Partial<Reminder>, at: string | undefined): number {
    const moving = this.state.reminders.all().filter(match);
    for (const r of moving) {
      this.state.reminders.set(r.id, { ...r, ...patch, version: r.version + 1, updatedAt: at ?? r.updatedAt });
    }
    return moving.length;
  }
}

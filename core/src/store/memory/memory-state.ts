import type { Account } from '../../accounts/account.schema.js';
import type { Activity } from '../../activities/activity.schema.js';
import type { Contact } from '../../contacts/contact.schema.js';
import type { Deal, StageChange } from '../../deals/deal.schema.js';
import type { Pipeline } from '../../deals/pipeline.schema.js';
import type { CrmEvent } from '../../events/event.schema.js';
import type { Reminder, ReminderDelivery } from '../../reminders/reminder.schema.js';
import type { AccessToken } from '../../users/token.schema.js';
import type { Team, User } from '../../users/user.schema.js';
import type { IdempotencyRecord } from '../store.port.js';

type Undo = () => void;

/** Copies a value in or out of the store, so callers never share objects with stored state. */
export const copy = <T>(value: T): T => structuredClone(value);

/**
 * One table: rows by key, copied in and out. While a transaction runs, every write records
 * how to undo itself in the state's journal.
 */
export class MemoryTable<T> {
  private readonly rows = new Map<string, T>();

  constructor(private readonly state: MemoryState) {}

  get(key: string): T | null {
    const row = this.rows.get(key);
    return row === undefined ? null : copy(row);
  }

  has(key: string): boolean {
    return this.rows.has(key);
  }

  /** Copies of every row, in no particular order. */
  all(): T[] {
    return Array.from(this.rows.values(), copy);
  }

  set(key: string, value: T): void {
    this.remember(key);
    this.rows.set(key, copy(value));
  }

  delete(key: string): boolean {
    if (!this.rows.has(key)) return false;
    this.remember(key);
    return this.rows.delete(key);
  }

  private remember(key: string): void {
    const journal = this.state.journal;
    if (!journal) return;
    const had = this.rows.has(key);
    const before = this.rows.get(key);
    journal.push(() => {
      if (had) this.rows.set(key, before as T);
      else this.rows.delete(key);
    });
  }
}

/** Who holds a reminder's delivery lease, and until when. */
export interface Lease {
  owner: string;
  until: string;
}

/** Every table of the in-memory Store, and the journal that lets a transaction roll back. */
export class MemoryState {
  journal: Undo[] | null = null;
  readonly users = new MemoryTable<User>(this);
  readonly teams = new MemoryTable<Team>(this);
  readonly tokens = new MemoryTable<AccessToken>(this);
  readonly accounts = new MemoryTable<Account>(this);
  readonly contacts = new MemoryTable<Contact>(this);
  readonly pipelines = new MemoryTable<Pipeline>(this);
  readonly deals = new MemoryTable<Deal>(this);
  readonly stageChanges = new MemoryTable<StageChange>(this);
  readonly activities = new MemoryTable<Activity>(this);
  readonly reminders = new MemoryTable<Reminder>(this);
  readonly leases = new MemoryTable<Lease>(this);
  readonly deliveries = new MemoryTable<ReminderDelivery>(this);
  readonly events = new MemoryTable<CrmEvent>(this);
  readonly idempotency = new MemoryTable<IdempotencyRecord>(this);
  /** Settings as JSON text. */
  readonly settings = new MemoryTable<string>(this);

  begin(): void {
    this.journal = [];
  }

  commit(): void {
    this.journal = null;
  }

  rollback(): void {
    const journal = this.journal ?? [];
    this.journal = null;
    for (let i = journal.length - 1; i >= 0; i -= 1) journal[i]?.();
  }
}

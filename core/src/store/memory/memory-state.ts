import type { Account } from '../../accounts/account.schema.js';
import type { Activity } from '../../activities/activity.schema.js';
import type { Contact } from '../../contacts/contact.schema.js';
import type { Deal, StageChange } from '../../deals/deal.schema.js';
import type { Pipeline } from '../../deals/pipeline.schema.js';
import type { CrmEvent } from '../../events/event.schema.js';
import type { Reminder, ReminderDelivery } from '../../reminders/reminder.schema.js';
import type { AccessToken } from '../../users/token.schema.js';
import type { Team, User } from '../../users/user.schema.js';
import type { IdempotencyRecord } from '../idempotency.port.js';
import type { Campaign } from '../../analytics/campaigns/campaign.schema.js';
import type { Target } from '../../analytics/targets/target.schema.js';
import type { ExchangeRate } from '../../analytics/currency/exchange-rate.schema.js';
import type { CustomFieldDefinition } from '../../custom-fields/custom-field.schema.js';
import type { Connection, OutboxEntry, RemoteLink, SyncCursor } from '../../connectors/connector.schema.js';

/** Puts one row back the way it was before a write. */
export type Undo = () => void;

/** Copies a value in or out of the store, so callers never share objects with stored state. */
export const copy = <T>(value: T): T => structuredClone(value);

/**
 * One table as a unit of work sees it: rows by key, copied in and out. A transaction's view
 * records how to undo each of its writes in the transaction's journal; other views write directly.
 */
export class MemoryTable<T> {
  constructor(
    private readonly rows: Map<string, T>,
    private readonly journal: Undo[] | null,
  ) {}

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
    if (!this.journal) return;
    const rows = this.rows;
    const before = rows.get(key);
    this.journal.push(before === undefined ? () => rows.delete(key) : () => rows.set(key, before));
  }
}

/** Who holds a reminder's delivery lease, and until when. */
export interface Lease {
  owner: string;
  until: string;
}

/** What each table holds. */
interface Records {
  users: User;
  teams: Team;
  tokens: AccessToken;
  accounts: Account;
  contacts: Contact;
  pipelines: Pipeline;
  deals: Deal;
  stageChanges: StageChange;
  activities: Activity;
  reminders: Reminder;
  /** Delivery leases by reminder id. */
  leases: Lease;
  /** By JSON [reminderId, fireAt, channel]. */
  deliveries: ReminderDelivery;
  events: CrmEvent;
  /** By JSON [userId, key]. */
  idempotency: IdempotencyRecord;
  /** Settings as JSON text. */
  settings: string;
  targets: Target;
  campaigns: Campaign;
  /** By JSON [quote, currency, date]. */
  exchangeRates: ExchangeRate;
  customFields: CustomFieldDefinition;
  /** CRM connections, their record links (by JSON [connection, kind, localId]), sync cursors (by JSON [connection, object]) and outbox. */
  connections: Connection;
  remoteLinks: RemoteLink;
  syncCursors: SyncCursor;
  syncOutbox: OutboxEntry;
}

const TABLES: ReadonlyArray<keyof Records> = [
  'users', 'teams', 'tokens', 'accounts', 'contacts', 'pipelines', 'deals', 'stageChanges',
  'activities', 'reminders', 'leases', 'deliveries', 'events', 'idempotency', 'settings', 'targets', 'campaigns', 'exchangeRates', 'customFields',
  'connections', 'remoteLinks', 'syncCursors', 'syncOutbox',
];

/** Every table, as one unit of work sees them. */
export type MemoryState = { readonly [K in keyof Records]: MemoryTable<Records[K]> };

/** The rows of every table, and views of them for units of work. */
export class MemoryData {
  private readonly rows = new Map<keyof Records, Map<string, unknown>>(TABLES.map((name) => [name, new Map()]));

  /** The tables as a unit of work sees them: `journal` collects undos when it is a transaction's. */
  view(journal: Undo[] | null): MemoryState {
    const view: Partial<Record<keyof Records, MemoryTable<unknown>>> = {};
    for (const [name, rows] of this.rows) view[name] = new MemoryTable(rows, journal);
    // Each entry was built for its own name just above, so the mapped type holds.
    return view as MemoryState;
  }
}

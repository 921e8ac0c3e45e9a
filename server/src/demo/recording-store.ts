import { CrmError, normalizeDomain, normalizeEmail } from '@rapport/core';
import type { Account, Activity, AnalyticsStore, AnalyticsUnitOfWork, Campaign, Contact, CrmEvent, CustomFieldDefinition, Deal, Pipeline, Reminder, StageChange, Target, Team, User } from '@rapport/core';
import type { BulkRecords } from '@rapport/sql';

/** What is already in the database that the recorded writes refer to: the people and the pipelines. */
export interface RecordingBase {
  users: readonly User[];
  teams: readonly Team[];
  pipelines: readonly Pipeline[];
  /** The custom fields defined before the seed runs (none on a new hub). */
  customFields?: readonly CustomFieldDefinition[];
}

interface Versioned {
  id: string;
  version: number;
}

/**
 * A Store held in maps that only records what core's services write, for the demo seed: the
 * services run against it exactly as against a database (the same ids, events, versions,
 * stage history and permission checks), then `records()` hands everything written to a bulk
 * insert. Reads see the writes at once, by id and by the keys the services check (domains,
 * email addresses); records are kept as written, not copied, and a failed unit of work is
 * not rolled back. It answers only what the seed's services ask (creating and changing
 * accounts, contacts, deals, reminders, campaigns and targets); anything else is refused with
 * an `unavailable` error naming it, so a service that starts reading something new says so.
 * Not for a running hub.
 */
export class RecordingStore implements AnalyticsStore {
  readonly kind = 'memory' as const;
  private readonly users: Map<string, User>;
  private readonly teams: Map<string, Team>;
  private readonly pipelines: Map<string, Pipeline>;
  private readonly accounts = new Map<string, Account>();
  private readonly contacts = new Map<string, Contact>();
  private readonly campaigns = new Map<string, Campaign>();
  private readonly deals = new Map<string, Deal>();
  private readonly reminders = new Map<string, Reminder>();
  private readonly targets: Target[] = [];
  private readonly stageChanges: StageChange[] = [];
  private readonly activities: Activity[] = [];
  private readonly events: CrmEvent[] = [];
  /** Who holds each (normalised) domain and email address. */
  private readonly domainHolders = new Map<string, string>();
  private readonly emailHolders = new Map<string, string>();
  private readonly uow: AnalyticsUnitOfWork;

  constructor(base: RecordingBase) {
    this.users = new Map(base.users.map((u) => [u.id, u]));
    this.teams = new Map(base.teams.map((t) => [t.id, t]));
    this.pipelines = new Map(base.pipelines.map((p) => [p.id, p]));
    this.uow = refuseTheRest({
      users: { get: async (id: string) => this.users.get(id) ?? null, getMany: async (ids: readonly string[]) => pick(this.users, ids) },
      teams: { get: async (id: string) => this.teams.get(id) ?? null },
      customFields: { list: async () => [...(base.customFields ?? [])] },
      pipelines: {
        get: async (id: string) => this.pipelines.get(id) ?? null,
        getDefault: async () => [...this.pipelines.values()].find((p) => p.isDefault) ?? null,
      },
      accounts: {
        ...this.customers(this.accounts, this.domainHolders, (account) => account.domains.map(normalizeDomain)),
        findByDomains: async (domains: readonly string[]) => this.holding(this.accounts, this.domainHolders, domains.map(normalizeDomain)),
      },
      contacts: {
        ...this.customers(this.contacts, this.emailHolders, (contact) => contact.emails.map(normalizeEmail)),
        findByEmails: async (emails: readonly string[]) => this.holding(this.contacts, this.emailHolders, emails.map(normalizeEmail)),
      },
      deals: {
        get: async (id: string) => this.deals.get(id) ?? null,
        getMany: async (ids: readonly string[]) => pick(this.deals, ids),
        insert: async (deal: Deal) => this.insert(this.deals, deal),
        update: async (next: Deal) => this.update(this.deals, next),
        appendStageChange: async (change: StageChange) => void this.stageChanges.push(change),
      },
      activities: { insert: async (activity: Activity) => void this.activities.push(activity) },
      reminders: {
        get: async (id: string) => this.reminders.get(id) ?? null,
        insert: async (reminder: Reminder) => this.insert(this.reminders, reminder),
        update: async (next: Reminder) => this.update(this.reminders, next),
      },
      campaigns: { get: async (id: string) => this.campaigns.get(id) ?? null, insert: async (campaign: Campaign) => this.insert(this.campaigns, campaign) },
      targets: { insert: async (target: Target) => void this.targets.push(target) },
      events: { append: async (event: CrmEvent) => void this.events.push(event) },
    });
  }

  async transaction<T>(work: (uow: AnalyticsUnitOfWork) => Promise<T>): Promise<T> {
    return work(this.uow);
  }

  async read<T>(work: (uow: AnalyticsUnitOfWork) => Promise<T>): Promise<T> {
    return work(this.uow);
  }

  async close(): Promise<void> {}

  /** Everything written, in its final state, as `insertMany` takes it. */
  records(): BulkRecords {
    return {
      accounts: [...this.accounts.values()],
      contacts: [...this.contacts.values()],
      campaigns: [...this.campaigns.values()],
      deals: [...this.deals.values()],
      stageChanges: this.stageChanges,
      activities: this.activities,
      reminders: [...this.reminders.values()],
      targets: this.targets,
      events: this.events,
    };
  }

  /** Reads and writes of accounts or contacts, each claiming the keys `keysOf` gives. */
  private customers<T extends Versioned>(table: Map<string, T>, holders: Map<string, string>, keysOf: (record: T) => string[]) {
    return {
      get: async (id: string) => table.get(id) ?? null,
      getMany: async (ids: readonly string[]) => pick(table, ids),
      insert: async (record: T) => this.insert(table, record, holders, keysOf(record)),
      update: async (next: T) => this.update(table, next, holders, keysOf(next)),
    };
  }

  private insert<T extends Versioned>(table: Map<string, T>, record: T, holders?: Map<string, string>, keys: readonly string[] = []): void {
    if (table.has(record.id)) throw new CrmError('conflict', `${record.id} was written twice.`);
    this.claim(record.id, holders, keys);
    table.set(record.id, record);
  }

  private update<T extends Versioned>(table: Map<string, T>, next: T, holders?: Map<string, string>, keys: readonly string[] = []): boolean {
    const current = table.get(next.id);
    if (!current || current.version !== next.version - 1) return false;
    if (holders) for (const [key, holder] of [...holders]) if (holder === next.id) holders.delete(key);
    this.claim(next.id, holders, keys);
    table.set(next.id, next);
    return true;
  }

  private claim(id: string, holders: Map<string, string> | undefined, keys: readonly string[]): void {
    if (!holders) return;
    const taken = keys.find((key) => (holders.get(key) ?? id) !== id);
    if (taken !== undefined) throw new CrmError('conflict', `${taken} already belongs to ${holders.get(taken)}.`);
    for (const key of keys) holders.set(key, id);
  }

  private holding<T extends { id: string }>(table: Map<string, T>, holders: Map<string, string>, keys: readonly string[]): T[] {
    const ids = new Set(keys.flatMap((key) => holders.get(key) ?? []));
    return pick(table, [...ids].sort());
  }
}

function pick<T>(table: Map<string, T>, ids: readonly string[]): T[] {
  return [...new Set(ids)].sort().flatMap((id) => table.get(id) ?? []);
}

/**
 * The unit of work the services see: the repositories above, each refusing any other member
 * with an error naming it. The cast is what lets a partial set of repositories stand for the
 * port; every member that exists is typed by the port's own signatures above.
 */
const CAPABILITIES_NOT_HELD: readonly string[] = ['connectors', 'importLinks', 'importJobs'];

function refuseTheRest(repositories: { [K in keyof AnalyticsUnitOfWork]?: Partial<AnalyticsUnitOfWork[K]> }): AnalyticsUnitOfWork {
  const refuse = (what: string): never => {
    throw new CrmError('unavailable', `The demo seed's recording store cannot answer ${what}.`);
  };
  return new Proxy(repositories, {
    // Every repository of the analytics port is there (`hasAnalytics` asks), even one whose members
    // all refuse; the connector and import capabilities are not (the demo is nobody's copy of a CRM).
    has: (_target, name) => !CAPABILITIES_NOT_HELD.includes(String(name)),
    get: (target, name: string) =>
      new Proxy((target as Record<string, object | undefined>)[name] ?? {}, {
        get: (repository, member: string) => (repository as Record<string, unknown>)[member] ?? (() => refuse(`${name}.${member}`)),
      }),
  }) as unknown as AnalyticsUnitOfWork;
}

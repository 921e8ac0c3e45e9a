import type { Account, Lifecycle } from '../accounts/account.schema.js';
import type { Activity, ActivityType } from '../activities/activity.schema.js';
import type { Contact } from '../contacts/contact.schema.js';
import type { Deal, DealStatus, StageChange } from '../deals/deal.schema.js';
import type { Pipeline } from '../deals/pipeline.schema.js';
import type { CrmEvent, EntityType } from '../events/event.schema.js';
import type { Reminder, ReminderDelivery, ReminderStatus } from '../reminders/reminder.schema.js';
import type { Page, PageRequest } from '../shared/page.js';
import type { AccessToken } from '../users/token.schema.js';
import type { Role, Team, User } from '../users/user.schema.js';
import type { AnalyticsQueries, CampaignRepository, TargetRepository } from '../analytics/analytics.port.js';

/**
 * The storage port. A Store runs units of work; each unit of work has one repository per
 * aggregate plus query methods an adapter answers natively (search, aggregates).
 *
 * Rules every implementation keeps (the contract suite in `@rapport/core/testing` checks them):
 * - Instants are ISO strings in UTC and come back exactly as given.
 * - `update(next)` writes only when the stored `version` is `next.version - 1` and returns
 *   whether it did (optimistic concurrency); it never throws on a stale version.
 * - A unique rule broken by a write (a contact email, an account domain, an activity's
 *   external id, a token hash, an idempotency key) throws `CrmError('conflict')` and changes nothing.
 *   So does inserting an id that is already stored.
 * - Lists are keyset-paginated in the order their method documents; `nextCursor` is null on the last page.
 *   A cursor that is not one the same list gave throws `CrmError('invalid_input')`.
 * - A filter's id or value list (`ownerIds`, `statuses`, `about`, …) matches any of its values;
 *   an empty list matches nothing.
 * - Names compare by code point of their `sortKey` (see shared/text.ts), so every store sorts alike.
 */
export interface Store {
  readonly kind: StoreKind;
  /** Runs `work` atomically: all of its writes land or none do. */
  transaction<T>(work: (uow: UnitOfWork) => Promise<T>): Promise<T>;
  /** Runs reads without holding a transaction open; writes here are not atomic together. */
  read<T>(work: (uow: UnitOfWork) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export type StoreKind = 'memory' | 'sqlite' | 'postgres' | 'indexeddb';

export interface UnitOfWork {
  users: UserRepository;
  teams: TeamRepository;
  tokens: TokenRepository;
  accounts: AccountRepository;
  contacts: ContactRepository;
  pipelines: PipelineRepository;
  deals: DealRepository;
  activities: ActivityRepository;
  reminders: ReminderRepository;
  deliveries: DeliveryRepository;
  events: EventRepository;
  idempotency: IdempotencyRepository;
  settings: SettingsRepository;
  search: SearchQueries;
  aggregates: AggregateQueries;
  /** Monthly quotas per rep (see analytics/analytics.port.ts). */
  targets: TargetRepository;
  campaigns: CampaignRepository;
  /** Report queries for the pipeline analytics. */
  analytics: AnalyticsQueries;
}

export interface UserRepository {
  get(id: string): Promise<User | null>;
  getMany(ids: readonly string[]): Promise<User[]>;
  findByEmail(email: string): Promise<User | null>;
  findByIdentity(kind: 'slack' | 'entra', value: string): Promise<User | null>;
  /** Ordered by name (sortKey), then id. */
  list(filter: { teamId?: string; role?: Role; active?: boolean }, page: PageRequest): Promise<Page<User>>;
  count(): Promise<number>;
  insert(user: User): Promise<void>;
  /** Users carry no version: last write wins. Returns false when the user does not exist. */
  update(user: User): Promise<boolean>;
}

export interface TeamRepository {
  get(id: string): Promise<Team | null>;
  /** Ordered by name (sortKey), then id. */
  list(): Promise<Team[]>;
  insert(team: Team): Promise<void>;
  update(team: Team): Promise<boolean>;
}

export interface TokenRepository {
  get(id: string): Promise<AccessToken | null>;
  findByHash(tokenHash: string): Promise<AccessToken | null>;
  /** Newest first. */
  listByUser(userId: string): Promise<AccessToken[]>;
  insert(token: AccessToken): Promise<void>;
  update(token: AccessToken): Promise<boolean>;
}

export interface AccountFilter {
  ownerIds?: readonly string[];
  lifecycle?: readonly Lifecycle[];
}

export interface AccountRepository {
  get(id: string): Promise<Account | null>;
  getMany(ids: readonly string[]): Promise<Account[]>;
  /** Accounts holding any of these exact (normalized) domains. */
  findByDomains(domains: readonly string[]): Promise<Account[]>;
  /** Ordered by name (sortKey), then id. */
  list(filter: AccountFilter, page: PageRequest): Promise<Page<Account>>;
  insert(account: Account): Promise<void>;
  update(next: Account): Promise<boolean>;
  delete(id: string): Promise<void>;
}

export interface ContactFilter {
  accountId?: string;
  ownerIds?: readonly string[];
}

export interface ContactRepository {
  get(id: string): Promise<Contact | null>;
  getMany(ids: readonly string[]): Promise<Contact[]>;
  /** Contacts holding any of these exact (lower-case) addresses. */
  findByEmails(emails: readonly string[]): Promise<Contact[]>;
  /** Contacts holding an address whose canonical form (no "+tag") is this one. */
  findByCanonicalEmail(canonical: string): Promise<Contact[]>;
  /** Ordered by name (sortKey), then id. */
  list(filter: ContactFilter, page: PageRequest): Promise<Page<Contact>>;
  insert(contact: Contact): Promise<void>;
  update(next: Contact): Promise<boolean>;
  delete(id: string): Promise<void>;
  /** Moves every contact of one account to another (bumping version and updatedAt); returns how many. */
  reassignAccount(fromAccountId: string, toAccountId: string | null, at: string): Promise<number>;
}

export interface PipelineRepository {
  get(id: string): Promise<Pipeline | null>;
  getDefault(): Promise<Pipeline | null>;
  /** Default first, then by name (sortKey), then id. */
  list(): Promise<Pipeline[]>;
  insert(pipeline: Pipeline): Promise<void>;
  update(pipeline: Pipeline): Promise<boolean>;
}

export interface DealFilter {
  accountId?: string;
  primaryContactId?: string;
  ownerIds?: readonly string[];
  statuses?: readonly DealStatus[];
  pipelineId?: string;
  stageId?: string;
  campaignId?: string;
  /** Expected close date range, inclusive, calendar dates. */
  closeFrom?: string;
  closeTo?: string;
}

export interface DealRepository {
  get(id: string): Promise<Deal | null>;
  getMany(ids: readonly string[]): Promise<Deal[]>;
  /** Ordered by id (creation order). */
  list(filter: DealFilter, page: PageRequest): Promise<Page<Deal>>;
  insert(deal: Deal): Promise<void>;
  update(next: Deal): Promise<boolean>;
  /** Also removes the deal's stage history. */
  delete(id: string): Promise<void>;
  /** Merges: moves deals to another account / primary contact, bumping version and updatedAt. */
  reassignAccount(fromAccountId: string, toAccountId: string, at: string): Promise<number>;
  reassignContact(fromContactId: string, toContactId: string | null, at: string): Promise<number>;
  appendStageChange(change: StageChange): Promise<void>;
  /** Oldest first (by `at`, then id). */
  stageHistory(dealId: string): Promise<StageChange[]>;
}

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

export interface ReminderFilter {
  assigneeId?: string;
  statuses?: readonly ReminderStatus[];
  /** Fire time (snoozedUntil, else dueAt) strictly before this instant. */
  fireBefore?: string;
  about?: { contactIds?: readonly string[]; accountIds?: readonly string[]; dealIds?: readonly string[] };
}

export interface AlertClaim {
  now: string;
  /** Who holds the lease (a hub's id). */
  owner: string;
  leaseUntil: string;
  limit: number;
}

export interface ReminderRepository {
  get(id: string): Promise<Reminder | null>;
  /** Ordered by fire time (snoozedUntil, else dueAt), then id. */
  list(filter: ReminderFilter, page: PageRequest): Promise<Page<Reminder>>;
  insert(reminder: Reminder): Promise<void>;
  update(next: Reminder): Promise<boolean>;
  /**
   * Leases up to `limit` open reminders whose alertAt has come (at or before `now`) and that no
   * live lease holds (a lease is live while its leaseUntil is after `now`), atomically: two hubs
   * claiming at once never get the same reminder. Oldest alertAt first, then id. Claiming changes
   * neither version nor updatedAt.
   */
  claimAlerts(claim: AlertClaim): Promise<Reminder[]>;
  /**
   * Ends `owner`'s lease. When the reminder's version is still `version`, also sets alertAt
   * (null: nothing left to deliver); an edit made meanwhile keeps its own alertAt. Does nothing
   * when `owner` does not hold the lease (it expired and another hub claimed the reminder).
   */
  releaseAlert(id: string, owner: string, version: number, alertAt: string | null): Promise<void>;
  /** Merges: relinks reminders, bumping version (and setting updatedAt to `at` when given). */
  reassignContact(fromContactId: string, toContactId: string | null, at?: string): Promise<number>;
  reassignAccount(fromAccountId: string, toAccountId: string | null, at?: string): Promise<number>;
}

export interface DeliveryRepository {
  find(reminderId: string, fireAt: string, channel: string): Promise<ReminderDelivery | null>;
  /** Oldest first (by fireAt, then id). */
  listForReminder(reminderId: string): Promise<ReminderDelivery[]>;
  /** Inserts or replaces the row for (reminderId, fireAt, channel). */
  save(delivery: ReminderDelivery): Promise<void>;
}

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

/** A stored response to a POST sent with an Idempotency-Key. */
export interface IdempotencyRecord {
  userId: string;
  key: string;
  /** Method, path and a hash of the body: a key reused for another request is refused. */
  fingerprint: string;
  status: number;
  body: string;
  createdAt: string;
}

/** A record whose request is still running: reserved, no response yet. */
export const IDEMPOTENCY_IN_PROGRESS = 0;

export interface IdempotencyRepository {
  get(userId: string, key: string): Promise<IdempotencyRecord | null>;
  /** Inserts; a record for the same user and key throws `conflict` (how a request reserves its key). */
  put(record: IdempotencyRecord): Promise<void>;
  /** Stores the response of a reserved record; returns false when there is no such record. */
  complete(userId: string, key: string, status: number, body: string): Promise<boolean>;
  /** Drops a record (a reservation whose request failed, so the client may retry). */
  release(userId: string, key: string): Promise<void>;
  /** Deletes records created strictly before `createdAt`; returns how many. */
  deleteBefore(createdAt: string): Promise<number>;
}

/** Small named values kept with the data: feature settings, markers such as "demo seeded". */
export interface SettingsRepository {
  get<T = unknown>(key: string): Promise<T | null>;
  set(key: string, value: unknown): Promise<void>;
}

export interface CustomerSearch {
  /** Folded query words (see queryWords); a record matches when each is a prefix of one of its terms. */
  words: readonly string[];
  limit: number;
}

export interface SearchQueries {
  /** Contacts and accounts matching every word, each list ordered by name (sortKey), then id. */
  customers(query: CustomerSearch): Promise<{ contacts: Contact[]; accounts: Account[] }>;
}

export interface StageTotalsFilter {
  pipelineId: string;
  ownerIds?: readonly string[];
  closeFrom?: string;
  closeTo?: string;
}

/** Open deals of one stage in one currency. */
export interface StageTotal {
  stageId: string;
  currency: string;
  count: number;
  amountMinor: number;
  /**
   * Σ floor((amountMinor × probability + 50) / 100) over the deals, in integer arithmetic:
   * each deal's weighted amount rounds half up, then they are added.
   */
  weightedMinor: number;
}

export interface AggregateQueries {
  /** Open deals grouped by stage and currency. Order: stage id, then currency. */
  stageTotals(filter: StageTotalsFilter): Promise<StageTotal[]>;
}

import type { AccountRepository } from '../accounts/account.port.js';
import type { ActivityRepository } from '../activities/activity.port.js';
import type { CampaignRepository } from '../analytics/campaigns/campaign.port.js';
import type { ExchangeRateRepository } from '../analytics/currency/exchange-rate.port.js';
import type { ReportingQueries } from '../analytics/currency/reporting-queries.port.js';
import type { AnalyticsQueries } from '../analytics/report-queries.port.js';
import type { TargetRepository } from '../analytics/targets/target.port.js';
import type { ContactRepository } from '../contacts/contact.port.js';
import type { AggregateQueries } from '../deals/deal-aggregates.port.js';
import type { CustomFieldRepository } from '../custom-fields/custom-field.port.js';
import type { DealRepository } from '../deals/deal.port.js';
import type { PipelineRepository } from '../deals/pipeline.port.js';
import type { EventRepository } from '../events/event.port.js';
import type { SearchQueries } from '../lookup/search.port.js';
import type { DeliveryRepository } from '../reminders/delivery.port.js';
import type { ReminderRepository } from '../reminders/reminder.port.js';
import type { TokenRepository } from '../users/token.port.js';
import type { TeamRepository, UserRepository } from '../users/user.port.js';
import type { IdempotencyRepository } from './idempotency.port.js';
import type { SettingsRepository } from './settings.port.js';

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
export interface Store<U extends UnitOfWork = UnitOfWork> {
  readonly kind: StoreKind;
  // transaction and read are written as properties, not methods, so that TypeScript checks
  // the unit of work they hand out strictly: a Store without analytics is not an AnalyticsStore.
  /** Runs `work` atomically: all of its writes land or none do. */
  transaction: <T>(work: (uow: U) => Promise<T>) => Promise<T>;
  /** Runs reads without holding a transaction open; writes here are not atomic together. */
  read: <T>(work: (uow: U) => Promise<T>) => Promise<T>;
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
  /** Custom field definitions (accounts, contacts and deals hold their values). */
  customFields: CustomFieldRepository;
}

/**
 * The analytics capability: targets, campaigns and the report queries (see
 * analytics/report-queries.port.ts). The hub's stores (SQL, memory) have it; the browser's
 * IndexedDB store does not, and its type says so. Code that needs analytics asks for an
 * AnalyticsStore (or an AnalyticsUnitOfWork) in its type.
 */
export interface AnalyticsUnitOfWork extends UnitOfWork {
  /** Monthly quotas per rep. */
  targets: TargetRepository;
  campaigns: CampaignRepository;
  /** Report queries for the pipeline analytics. */
  analytics: AnalyticsQueries;
  /** Dated exchange rates into the reporting currency. */
  exchangeRates: ExchangeRateRepository;
  /** Closed money by day, for reporting-currency totals. */
  reporting: ReportingQueries;
}

/** A Store whose units of work answer analytics too. */
export type AnalyticsStore = Store<AnalyticsUnitOfWork>;

/** Whether this unit of work has the analytics capability (for code that works either way). */
export function hasAnalytics(uow: UnitOfWork): uow is AnalyticsUnitOfWork {
  return 'analytics' in uow && 'campaigns' in uow && 'targets' in uow;
}

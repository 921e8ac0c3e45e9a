import type { ActivityType } from '../activities/activity.schema.js';
import type { Deal, DealStatus } from '../deals/deal.schema.js';
import type { CrmEvent } from '../events/event.schema.js';

/**
 * The analytics part of the Store port: targets and campaigns, and the report queries a SQL
 * store answers with GROUP BY, window functions and indexes, so no report reads every row
 * into JavaScript. The rules of store.port.ts hold here too; in particular an `ownerIds` (or
 * `userIds`) list matches any of its ids, an empty list matches nothing, and absent means
 * everyone. Instant ranges are [from, to); calendar-date ranges include both ends.
 *
 * What the queries return is what core cannot get cheaply any other way: counts, sums and
 * order statistics. Rules (what is commit, stale, a segment, a churn risk) stay in core; where
 * a query takes a rule's numbers (a threshold, a factor) core passes them in and the contract
 * suite checks every store applies them alike.
 */

/** Deals closed (won or lost) with `closedAt` in [from, to). */
export interface ClosedDealsFilter {
  statuses: ReadonlyArray<'won' | 'lost'>;
  from: string;
  to: string;
  ownerIds?: readonly string[];
  pipelineId?: string;
}

export interface ClosedTotal {
  ownerId: string;
  status: 'won' | 'lost';
  currency: string;
  count: number;
  amountMinor: number;
}

/** Open deals whose expected close date is in [closeFrom, closeTo] (calendar dates, inclusive). */
export interface OpenDealsFilter {
  closeFrom: string;
  closeTo: string;
  ownerIds?: readonly string[];
  pipelineId?: string;
}

/** Open deals of one owner and currency at one probability, marked commit by their owner or not. */
export interface OpenTotal {
  ownerId: string;
  currency: string;
  probability: number;
  commit: boolean;
  count: number;
  amountMinor: number;
  /** Σ floor((amountMinor × probability + 50) / 100), rounded per deal as in StageTotal. */
  weightedMinor: number;
}

/** Events about deals whose current owner is in `ownerIds`, with `at` in [from, to). */
export interface DealEventsFilter {
  types: readonly string[];
  from: string;
  to: string;
  ownerIds?: readonly string[];
  limit: number;
}

/**
 * The completed time deals spent in each stage of a pipeline (see `completedStageTimes`): one
 * sample per deal and stage, the sum of its finished visits, for deals that last left the stage
 * in [leftFrom, leftTo) and are not back in it now (open or suspended in that stage).
 */
export interface StageDurationsFilter {
  pipelineId: string;
  leftFrom: string;
  leftTo: string;
  ownerIds?: readonly string[];
}

export interface StageDuration {
  stageId: string;
  /** Deals (samples). */
  count: number;
  /** Σ of the samples, milliseconds. */
  totalMs: number;
  /** The samples at 1-based sorted positions ⌊(n+1)/2⌋ and ⌊(n+2)/2⌋ (see `medianPositions`). */
  medianLowMs: number;
  medianHighMs: number;
}

/**
 * Open deals of a pipeline whose time in their current stage — finished earlier visits plus
 * `asOf` − `stageEnteredAt` — is strictly more than their stage's threshold. Stages without a
 * threshold never match.
 */
export interface StaleDealsFilter {
  pipelineId: string;
  asOf: string;
  thresholds: ReadonlyArray<{ stageId: string; afterMs: number }>;
  ownerIds?: readonly string[];
  limit: number;
}

export interface StaleDealRow {
  deal: Deal;
  timeInStageMs: number;
}

/** Deals of a pipeline closed (won or lost) with `closedAt` in [from, to). */
export interface FunnelFilter {
  pipelineId: string;
  from: string;
  to: string;
  /** The pipeline's stages in order: a stage's position is its index here. */
  stageIds: readonly string[];
  ownerIds?: readonly string[];
}

export interface FunnelRow {
  /** The furthest position (in `stageIds`) the deal's stage history ever reached; -1 when none of its stages is listed. */
  furthestIndex: number;
  status: 'won' | 'lost';
  count: number;
  /** Σ of (closedAt − createdAt) in whole seconds, each instant taken as ⌊epoch ms / 1000⌋. */
  cycleSeconds: number;
}

export interface RepActivityFilter {
  from: string;
  to: string;
  /** Open reminders whose fire time (snoozedUntil, else dueAt) is before this are overdue. */
  overdueAt: string;
  userIds?: readonly string[];
}

export interface UserCount {
  userId: string;
  count: number;
}

export interface UserAmount {
  userId: string;
  currency: string;
  count: number;
  amountMinor: number;
}

/**
 * A rep's work in [from, to). Activities count by author; contacts, accounts and deals by
 * their current owner and `createdAt`; stage moves by the deal's current owner, each deal once
 * however often it moved; wins and losses by owner and `closedAt`; reminders by assignee
 * (done with `completedAt` in the range; open and overdue at `overdueAt`). Every list is
 * ordered by user id, then by its other keys.
 */
export interface RepActivityRows {
  activities: Array<UserCount & { type: ActivityType }>;
  contactsCreated: UserCount[];
  accountsCreated: UserCount[];
  dealsCreated: UserAmount[];
  dealsMoved: UserAmount[];
  dealsWon: UserAmount[];
  dealsLost: UserAmount[];
  remindersCompleted: UserCount[];
  remindersOverdue: UserCount[];
}

export interface CurrencyAmount {
  currency: string;
  amountMinor: number;
}

/**
 * What an account has bought: its won deals closed before `asOf`. The raw material of the RFM
 * scores, which core ranks across every buying account of the company (see scoreAccounts).
 */
export interface AccountOrders {
  accountId: string;
  ownerId: string;
  /** Won deals. */
  orders: number;
  firstOrderAt: string;
  lastOrderAt: string;
  /** Won amounts, by currency code. */
  byCurrency: CurrencyAmount[];
}

/** Activities linked to an account that happened before `asOf`. */
export interface AccountTouches {
  accountId: string;
  touches: number;
  firstTouchAt: string;
  lastTouchAt: string;
}

/** Lost deals with `closedAt` in [from, to). */
export interface WinLossFilter {
  from: string;
  to: string;
  ownerIds?: readonly string[];
  pipelineId?: string;
}

export interface LossRow {
  reason: string | null;
  competitor: string | null;
  currency: string;
  count: number;
  amountMinor: number;
}

export interface CampaignTotal {
  status: DealStatus;
  currency: string;
  count: number;
  amountMinor: number;
  weightedMinor: number;
}

export interface AnalyticsQueries {
  /** Order: owner id, status, currency. */
  closedTotals(filter: ClosedDealsFilter): Promise<ClosedTotal[]>;
  /** Order: owner id, currency, probability, commit (false first). */
  openTotals(filter: OpenDealsFilter): Promise<OpenTotal[]>;
  /** Newest first (at, then id, descending), at most `limit`. */
  dealEvents(filter: DealEventsFilter): Promise<CrmEvent[]>;
  /** Order: stage id. Stages with no sample are left out. */
  stageDurations(filter: StageDurationsFilter): Promise<StageDuration[]>;
  /** Most overdue first (see moreOverdue: time in stage ÷ threshold, exactly, then deal id); at most `limit`. */
  staleDeals(filter: StaleDealsFilter): Promise<StaleDealRow[]>;
  /** Order: furthestIndex, then status. */
  funnel(filter: FunnelFilter): Promise<FunnelRow[]>;
  repActivity(filter: RepActivityFilter): Promise<RepActivityRows>;
  /**
   * Every account named by a won deal closed before `asOf`, with its owner: one row per buying
   * account (bounded by the number of customers, not of deals). Order: account id.
   */
  accountOrders(filter: { asOf: string }): Promise<AccountOrders[]>;
  /** The touches of these accounts before `asOf`; accounts without any are left out. Order: account id. */
  accountTouches(filter: { asOf: string; accountIds: readonly string[] }): Promise<AccountTouches[]>;
  /** Order: reason, competitor, currency, a missing value first. */
  lossReasons(filter: WinLossFilter): Promise<LossRow[]>;
  /** Deals naming the campaign as their source. Order: status, currency. */
  campaignTotals(campaignId: string): Promise<CampaignTotal[]>;
}

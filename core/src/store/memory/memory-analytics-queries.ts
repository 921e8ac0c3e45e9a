import type { AccountOrders, AccountTouches, AnalyticsQueries, CampaignTotal, ClosedDealsFilter, ClosedTotal, DealEventsFilter, FunnelFilter, FunnelRow, LossRow, OpenDealsFilter, OpenTotal, RepActivityFilter, RepActivityRows, StageDuration, StageDurationsFilter, StaleDealRow, StaleDealsFilter, UserAmount, UserCount, WinLossFilter } from '../../analytics/report-queries.port.js';
import { epochSeconds } from '../../analytics/customers/churn.js';
import { medianPositions, moreOverdue } from '../../analytics/stages/stage-stats.js';
import { completedStageTimes } from '../../analytics/stages/stage-times.js';
import type { CrmEvent } from '../../events/event.schema.js';
import type { Deal, StageChange } from '../../deals/deal.schema.js';
import { fireTime } from '../../reminders/reminder.schema.js';
import { compareCodePoints } from '../../shared/text.js';
import { weightedMinor } from './memory-aggregate-queries.js';
import type { MemoryState } from './memory-state.js';
import { compareKeys } from '../record-paging.js';
import { within } from '../record-filters.js';

const inRange = (at: string | null, from: string, to: string): at is string => at !== null && at >= from && at < to;

/** Adds one to a counter kept under a JSON key of its grouping values. */
function bump<T extends { count: number }>(groups: Map<string, T>, key: unknown[], make: () => T, add: (row: T) => void = () => {}): void {
  const id = JSON.stringify(key);
  const row = groups.get(id) ?? make();
  row.count += 1;
  add(row);
  groups.set(id, row);
}

const sorted = <T>(rows: Iterable<T>, keyOf: (row: T) => Array<string | number | boolean | null>): T[] =>
  [...rows].sort((a, b) => {
    const ka = keyOf(a);
    const kb = keyOf(b);
    for (let i = 0; i < ka.length; i += 1) {
      const x = ka[i] ?? null;
      const y = kb[i] ?? null;
      if (x === y) continue;
      if (x === null) return -1;
      if (y === null) return 1;
      if (typeof x === 'string' && typeof y === 'string') return compareCodePoints(x, y);
      return Number(x) - Number(y);
    }
    return 0;
  });

function amounts(deals: Iterable<Deal>, userOf: (deal: Deal) => string): UserAmount[] {
  const groups = new Map<string, UserAmount>();
  for (const deal of deals) {
    const userId = userOf(deal);
    bump(groups, [userId, deal.amount.currency], () => ({ userId, currency: deal.amount.currency, count: 0, amountMinor: 0 }), (row) => {
      row.amountMinor += deal.amount.minor;
    });
  }
  return sorted(groups.values(), (r) => [r.userId, r.currency]);
}

function counts<T>(rows: Iterable<T>, userOf: (row: T) => string): UserCount[] {
  const groups = new Map<string, UserCount>();
  for (const row of rows) {
    const userId = userOf(row);
    bump(groups, [userId], () => ({ userId, count: 0 }));
  }
  return sorted(groups.values(), (r) => [r.userId]);
}

/**
 * Not for production data: every query reads every row. The reference answers of the
 * analytics queries, written as plainly as the port's definitions, for tests and for checking
 * the SQL stores against.
 */
export class MemoryAnalyticsQueries implements AnalyticsQueries {
  constructor(private readonly state: MemoryState) {}

  async closedTotals(filter: ClosedDealsFilter): Promise<ClosedTotal[]> {
    const groups = new Map<string, ClosedTotal>();
    for (const deal of this.state.deals.all()) {
      if (deal.status !== 'won' && deal.status !== 'lost') continue;
      if (!filter.statuses.includes(deal.status) || !inRange(deal.closedAt, filter.from, filter.to)) continue;
      if (!within(filter.ownerIds, deal.ownerId) || (filter.pipelineId !== undefined && deal.pipelineId !== filter.pipelineId)) continue;
      const status = deal.status;
      bump(groups, [deal.ownerId, status, deal.amount.currency], () => ({ ownerId: deal.ownerId, status, currency: deal.amount.currency, count: 0, amountMinor: 0 }), (row) => {
        row.amountMinor += deal.amount.minor;
      });
    }
    return sorted(groups.values(), (r) => [r.ownerId, r.status, r.currency]);
  }

  async openTotals(filter: OpenDealsFilter): Promise<OpenTotal[]> {
    const groups = new Map<string, OpenTotal>();
    for (const deal of this.state.deals.all()) {
      const close = deal.expectedCloseDate;
      if (deal.status !== 'open' || close === null || close < filter.closeFrom || close > filter.closeTo) continue;
      if (!within(filter.ownerIds, deal.ownerId) || (filter.pipelineId !== undefined && deal.pipelineId !== filter.pipelineId)) continue;
      const key = [deal.ownerId, deal.amount.currency, deal.probability, deal.commit];
      const make = (): OpenTotal => ({ ownerId: deal.ownerId, currency: deal.amount.currency, probability: deal.probability, commit: deal.commit, count: 0, amountMinor: 0, weightedMinor: 0 });
      bump(groups, key, make, (row) => {
        row.amountMinor += deal.amount.minor;
        row.weightedMinor += weightedMinor(deal.amount.minor, deal.probability);
      });
    }
    return sorted(groups.values(), (r) => [r.ownerId, r.currency, r.probability, r.commit ? 1 : 0]);
  }

  async dealEvents(filter: DealEventsFilter): Promise<CrmEvent[]> {
    const deals = new Map(this.state.deals.all().map((d) => [d.id, d]));
    const events = this.state.events.all().filter((e) => {
      const deal = e.entityType === 'deal' ? deals.get(e.entityId) : undefined;
      return deal !== undefined && within(filter.ownerIds, deal.ownerId) && filter.types.includes(e.type) && inRange(e.at, filter.from, filter.to);
    });
    return events.sort((a, b) => -compareKeys([a.at, a.id], [b.at, b.id])).slice(0, filter.limit);
  }

  async stageDurations(filter: StageDurationsFilter): Promise<StageDuration[]> {
    const samples = new Map<string, number[]>();
    const histories = this.histories();
    for (const deal of this.state.deals.all()) {
      if (deal.pipelineId !== filter.pipelineId || !within(filter.ownerIds, deal.ownerId)) continue;
      for (const time of completedStageTimes(histories.get(deal.id) ?? [])) {
        const sittingThere = deal.stageId === time.stageId && (deal.status === 'open' || deal.status === 'suspended');
        if (sittingThere || !inRange(time.lastLeftAt, filter.leftFrom, filter.leftTo)) continue;
        const list = samples.get(time.stageId) ?? [];
        list.push(time.ms);
        samples.set(time.stageId, list);
      }
    }
    return sorted(samples, ([stageId]) => [stageId]).map(([stageId, values]) => {
      const ordered = [...values].sort((a, b) => a - b);
      const [low, high] = medianPositions(ordered.length);
      return {
        stageId,
        count: ordered.length,
        totalMs: ordered.reduce((sum, v) => sum + v, 0),
        medianLowMs: ordered[low - 1] ?? 0,
        medianHighMs: ordered[high - 1] ?? 0,
      };
    });
  }

  async staleDeals(filter: StaleDealsFilter): Promise<StaleDealRow[]> {
    const thresholds = new Map(filter.thresholds.map((t) => [t.stageId, t.afterMs]));
    const histories = this.histories();
    const asOf = Date.parse(filter.asOf);
    const rows: Array<StaleDealRow & { afterMs: number; dealId: string }> = [];
    for (const deal of this.state.deals.all()) {
      const afterMs = thresholds.get(deal.stageId);
      if (afterMs === undefined || deal.status !== 'open' || deal.pipelineId !== filter.pipelineId || !within(filter.ownerIds, deal.ownerId)) continue;
      const earlier = completedStageTimes(histories.get(deal.id) ?? []).find((t) => t.stageId === deal.stageId)?.ms ?? 0;
      const timeInStageMs = earlier + asOf - Date.parse(deal.stageEnteredAt);
      if (timeInStageMs > afterMs) rows.push({ deal, timeInStageMs, afterMs, dealId: deal.id });
    }
    return rows
      .sort(moreOverdue)
      .slice(0, filter.limit)
      .map(({ deal, timeInStageMs }) => ({ deal, timeInStageMs }));
  }

  async funnel(filter: FunnelFilter): Promise<FunnelRow[]> {
    const histories = this.histories();
    const groups = new Map<string, FunnelRow>();
    for (const deal of this.state.deals.all()) {
      if (deal.status !== 'won' && deal.status !== 'lost') continue;
      if (deal.pipelineId !== filter.pipelineId || !inRange(deal.closedAt, filter.from, filter.to) || !within(filter.ownerIds, deal.ownerId)) continue;
      const furthestIndex = Math.max(-1, ...(histories.get(deal.id) ?? []).map((c) => filter.stageIds.indexOf(c.stageId)));
      const status = deal.status;
      const cycle = epochSeconds(deal.closedAt ?? deal.createdAt) - epochSeconds(deal.createdAt);
      bump(groups, [furthestIndex, status], () => ({ furthestIndex, status, count: 0, cycleSeconds: 0 }), (row) => {
        row.cycleSeconds += cycle;
      });
    }
    return sorted(groups.values(), (r) => [r.furthestIndex, r.status]);
  }

  async repActivity(filter: RepActivityFilter): Promise<RepActivityRows> {
    const { from, to } = filter;
    const mine = (userId: string): boolean => within(filter.userIds, userId);
    const activities = new Map<string, UserCount & { type: RepActivityRows['activities'][number]['type'] }>();
    for (const a of this.state.activities.all()) {
      if (!mine(a.authorId) || !inRange(a.occurredAt, from, to)) continue;
      bump(activities, [a.authorId, a.type], () => ({ userId: a.authorId, type: a.type, count: 0 }));
    }
    const deals = this.state.deals.all();
    const dealsById = new Map(deals.map((d) => [d.id, d]));
    const moved = new Set(
      this.state.stageChanges
        .all()
        .filter((c) => c.fromStageId !== null && c.fromStageId !== c.stageId && inRange(c.at, from, to))
        .map((c) => c.dealId),
    );
    const closed = (status: Deal['status']) => deals.filter((d) => d.status === status && mine(d.ownerId) && inRange(d.closedAt, from, to));
    const reminders = this.state.reminders.all().filter((r) => mine(r.assigneeId));
    return {
      activities: sorted(activities.values(), (r) => [r.userId, r.type]),
      contactsCreated: counts(this.state.contacts.all().filter((c) => mine(c.ownerId) && inRange(c.createdAt, from, to)), (c) => c.ownerId),
      accountsCreated: counts(this.state.accounts.all().filter((a) => mine(a.ownerId) && inRange(a.createdAt, from, to)), (a) => a.ownerId),
      dealsCreated: amounts(deals.filter((d) => mine(d.ownerId) && inRange(d.createdAt, from, to)), (d) => d.ownerId),
      dealsMoved: amounts([...moved].flatMap((id) => dealsById.get(id) ?? []).filter((d) => mine(d.ownerId)), (d) => d.ownerId),
      dealsWon: amounts(closed('won'), (d) => d.ownerId),
      dealsLost: amounts(closed('lost'), (d) => d.ownerId),
      remindersCompleted: counts(reminders.filter((r) => r.status === 'done' && inRange(r.completedAt, from, to)), (r) => r.assigneeId),
      remindersOverdue: counts(reminders.filter((r) => r.status === 'open' && fireTime(r) < filter.overdueAt), (r) => r.assigneeId),
    };
  }

  async accountOrders(filter: { asOf: string }): Promise<AccountOrders[]> {
    const accounts = new Map(this.state.accounts.all().map((a) => [a.id, a]));
    const orders = new Map<string, AccountOrders>();
    for (const deal of this.state.deals.all()) {
      const account = accounts.get(deal.accountId);
      if (deal.status !== 'won' || deal.closedAt === null || deal.closedAt >= filter.asOf || !account) continue;
      const seen = orders.get(deal.accountId) ?? { accountId: deal.accountId, ownerId: account.ownerId, orders: 0, firstOrderAt: deal.closedAt, lastOrderAt: deal.closedAt, byCurrency: [] };
      seen.orders += 1;
      if (deal.closedAt < seen.firstOrderAt) seen.firstOrderAt = deal.closedAt;
      if (deal.closedAt > seen.lastOrderAt) seen.lastOrderAt = deal.closedAt;
      const paid = seen.byCurrency.find((c) => c.currency === deal.amount.currency);
      if (paid) paid.amountMinor += deal.amount.minor;
      else seen.byCurrency.push({ currency: deal.amount.currency, amountMinor: deal.amount.minor });
      orders.set(deal.accountId, seen);
    }
    return sorted(orders.values(), (o) => [o.accountId]).map((o) => ({ ...o, byCurrency: sorted(o.byCurrency, (c) => [c.currency]) }));
  }

  async accountTouches(filter: { asOf: string; accountIds: readonly string[] }): Promise<AccountTouches[]> {
    const wanted = new Set(filter.accountIds);
    const touches = new Map<string, AccountTouches>();
    for (const activity of this.state.activities.all()) {
      if (activity.accountId === null || !wanted.has(activity.accountId) || activity.occurredAt >= filter.asOf) continue;
      const seen = touches.get(activity.accountId) ?? { accountId: activity.accountId, touches: 0, firstTouchAt: activity.occurredAt, lastTouchAt: activity.occurredAt };
      seen.touches += 1;
      if (activity.occurredAt < seen.firstTouchAt) seen.firstTouchAt = activity.occurredAt;
      if (activity.occurredAt > seen.lastTouchAt) seen.lastTouchAt = activity.occurredAt;
      touches.set(activity.accountId, seen);
    }
    return sorted(touches.values(), (t) => [t.accountId]);
  }

  async lossReasons(filter: WinLossFilter): Promise<LossRow[]> {
    const groups = new Map<string, LossRow>();
    for (const deal of this.state.deals.all()) {
      if (deal.status !== 'lost' || !inRange(deal.closedAt, filter.from, filter.to) || !within(filter.ownerIds, deal.ownerId)) continue;
      if (filter.pipelineId !== undefined && deal.pipelineId !== filter.pipelineId) continue;
      const make = (): LossRow => ({ reason: deal.lostReason, competitor: deal.competitor, currency: deal.amount.currency, count: 0, amountMinor: 0 });
      bump(groups, [deal.lostReason, deal.competitor, deal.amount.currency], make, (row) => {
        row.amountMinor += deal.amount.minor;
      });
    }
    return sorted(groups.values(), (r) => [r.reason, r.competitor, r.currency]);
  }

  async campaignTotals(campaignId: string): Promise<CampaignTotal[]> {
    const groups = new Map<string, CampaignTotal>();
    for (const deal of this.state.deals.all()) {
      if (deal.campaignId !== campaignId) continue;
      const make = (): CampaignTotal => ({ status: deal.status, currency: deal.amount.currency, count: 0, amountMinor: 0, weightedMinor: 0 });
      bump(groups, [deal.status, deal.amount.currency], make, (row) => {
        row.amountMinor += deal.amount.minor;
        row.weightedMinor += weightedMinor(deal.amount.minor, deal.probability);
      });
    }
    return sorted(groups.values(), (r) => [r.status, r.currency]);
  }

  /** Every deal's stage history, oldest first. */
  private histories(): Map<string, StageChange[]> {
    const byDeal = new Map<string, StageChange[]>();
    for (const change of this.state.stageChanges.all()) {
      const list = byDeal.get(change.dealId) ?? [];
      list.push(change);
      byDeal.set(change.dealId, list);
    }
    return byDeal;
  }
}

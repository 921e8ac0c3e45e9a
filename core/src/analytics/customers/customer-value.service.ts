import type { Actor, AnalyticsServiceDeps } from '../../services/context.js';
import { invalidInput } from '../../shared/errors.js';
import { compareCodePoints } from '../../shared/text.js';
import { parseInput } from '../../shared/validate.js';
import type { AnalyticsUnitOfWork } from '../../store/store.port.js';
import type { AccountOrders } from '../report-queries.port.js';
import { resolveScope, type ReportScope } from '../scope/report-scope.js';
import { churnFactorPercent, settingsByOwner } from '../settings/analytics-settings.js';
import type { AnalyticsSettings } from '../settings/analytics-settings.schema.js';
import { DAY_MS } from '../stages/stage-times.js';
import { byValue, scoredAccounts, worthOrder, valueAt, withTouches, type AccountValue, type ScoredAccounts } from './account-values.js';
import { churnReasons, churnRule, isValuable, usualIntervalDays, type ChurnReason } from './churn.js';
import { Segment, type AccountValueView, type ChurnRisks, type SegmentSummary, type SegmentsReport } from './customer-value.schema.js';
import { SEGMENT_RULES, segmentIndex, segmentOf } from './rfm.js';
import type { RankingCurrency } from '../currency/exchange-rate.schema.js';
import { rankingAmounts } from '../currency/reporting-figures.js';
import { loadRateTable } from '../currency/reporting-rates.js';

export const MAX_ACCOUNTS = 500;

function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_ACCOUNTS) throw invalidInput(`Ask for 1 to ${MAX_ACCOUNTS} accounts.`, [{ path: 'limit', message: `1–${MAX_ACCOUNTS}.` }]);
  return limit;
}

/**
 * Every buying account scored against the whole company, with those of the scope (by account
 * owner) marked. With a reporting currency set, monetary scores rank the won amounts converted
 * into it (each at its close date's rate); without one, within each currency.
 */
async function valuesInScope(uow: AnalyticsUnitOfWork, scope: ReportScope, asOf: string): Promise<ScoredAccounts & { ranking: RankingCurrency }> {
  const orders = await uow.analytics.accountOrders({ asOf });
  const rates = await loadRateTable(uow, asOf.slice(0, 10));
  if (!rates) return { ...scoredAccounts(orders, asOf, scope.ownerIds ?? null), ranking: { currency: null, missingRates: [] } };
  const { rankBy, ranking } = rankingAmounts(rates, orders, await uow.reporting.accountWonByDay({ asOf }));
  return { ...scoredAccounts(orders, asOf, scope.ownerIds ?? null, rankBy), ranking };
}

/** Each segment's accounts, orders and money over the scope, in one pass in account order. */
function segmentSummaries(scored: ScoredAccounts): { summaries: SegmentSummary[]; segmentOfEach: Uint8Array } {
  const { orders, recency, frequency, monetary, inScope } = scored;
  const totals = SEGMENT_RULES.map(() => ({ accounts: 0, orders: 0, paid: new Map<string, number>() }));
  const segmentOfEach = new Uint8Array(orders.length);
  for (const i of inScope) {
    const s = segmentIndex(recency[i] as number, frequency[i] as number, monetary[i] as number);
    segmentOfEach[i] = s;
    const total = totals[s] as (typeof totals)[number];
    const o = orders[i] as AccountOrders;
    total.accounts += 1;
    total.orders += o.orders;
    for (const c of o.byCurrency) total.paid.set(c.currency, (total.paid.get(c.currency) ?? 0) + c.amountMinor);
  }
  const summaries = SEGMENT_RULES.map(({ segment, rule }, s) => {
    const total = totals[s] as (typeof totals)[number];
    const byCurrency = [...total.paid].sort(([a], [b]) => compareCodePoints(a, b)).map(([currency, amountMinor]) => ({ currency, amountMinor }));
    return { segment, rule, accounts: total.accounts, orders: total.orders, byCurrency };
  });
  return { summaries, segmentOfEach };
}

async function views(uow: AnalyticsUnitOfWork, values: readonly AccountValue[]): Promise<AccountValueView[]> {
  const names = new Map((await uow.accounts.getMany(values.map((v) => v.accountId))).map((a) => [a.id, a.name]));
  const owners = new Map((await uow.users.getMany([...new Set(values.map((v) => v.ownerId))])).map((u) => [u.id, u]));
  return values.map((v) => {
    const owner = owners.get(v.ownerId);
    return {
      accountId: v.accountId,
      accountName: names.get(v.accountId) ?? v.accountId,
      owner: owner ? { id: owner.id, name: owner.name, email: owner.email } : null,
      recency: v.recency,
      frequency: v.frequency,
      monetary: v.monetary,
      segment: segmentOf(v),
      orders: v.orders,
      firstOrderAt: v.firstOrderAt,
      lastOrderAt: v.lastOrderAt,
      byCurrency: v.byCurrency,
      touches: v.touches,
      lastTouchAt: v.lastTouchAt,
    };
  });
}

/**
 * Customer value: RFM segments of the accounts in a scope (by account owner), and the valuable
 * ones going quiet. The store adds up each buying account's orders; ranking, scoring, segments
 * and the churn rule are worked out here.
 */
export class CustomerValueService {
  constructor(private readonly deps: AnalyticsServiceDeps) {}

  async segments(actor: Actor, query: { scope?: string | undefined; segment?: string | undefined; limit?: number | undefined }): Promise<SegmentsReport> {
    const segment = query.segment === undefined ? null : parseInput(Segment, query.segment, 'segment');
    const limit = checkLimit(query.limit ?? 50);
    const asOf = this.deps.clock.now().toISOString();
    return this.deps.store.read(async (uow) => {
      const scope = await resolveScope(uow, actor.user, query.scope);
      const scored = await valuesInScope(uow, scope, asOf);
      const { summaries: segments, segmentOfEach } = segmentSummaries(scored);
      let accounts: AccountValueView[] = [];
      if (segment) {
        const wanted = SEGMENT_RULES.findIndex((r) => r.segment === segment);
        const members: AccountValue[] = [];
        for (const i of scored.inScope) if (segmentOfEach[i] === wanted) members.push(valueAt(scored, i));
        const listed = members.sort(byValue).slice(0, limit);
        const touches = await uow.analytics.accountTouches({ asOf, accountIds: listed.map((v) => v.accountId) });
        accounts = await views(uow, withTouches(listed, touches));
      }
      return { scope: scope.info, asOf, segments, segment, accounts, ranking: scored.ranking };
    });
  }

  async churnRisks(actor: Actor, query: { scope?: string | undefined; limit?: number | undefined }): Promise<ChurnRisks> {
    const limit = checkLimit(query.limit ?? 50);
    const now = this.deps.clock.now();
    const asOf = now.toISOString();
    return this.deps.store.read(async (uow) => {
      const scope = await resolveScope(uow, actor.user, query.scope);
      const settings = await settingsByOwner(uow);
      const scored = await valuesInScope(uow, scope, asOf);
      const valuable: number[] = [];
      const scores = { recency: 0, frequency: 0, monetary: 0 };
      for (const i of scored.inScope) {
        scores.frequency = scored.frequency[i] as number;
        scores.monetary = scored.monetary[i] as number;
        if (isValuable(scores)) valuable.push(i);
      }
      const owners = new Map((await uow.users.getMany([...new Set(valuable.map((i) => (scored.orders[i] as AccountOrders).ownerId))])).map((u) => [u.id, u]));
      // The most valuable first, their touches read a batch at a time, until `limit` of them are at risk.
      const ordered = worthOrder(scored, valuable);
      const risky: Array<{ value: AccountValue; sensitivity: AnalyticsSettings['churnSensitivity']; reasons: ChurnReason[] }> = [];
      for (let from = 0, batch = Math.max(4 * limit, 250); risky.length < limit && from < ordered.length; from += batch, batch *= 2) {
        const values = ordered.slice(from, from + batch).map((i) => valueAt(scored, i));
        const touches = await uow.analytics.accountTouches({ asOf, accountIds: values.map((v) => v.accountId) });
        for (const value of withTouches(values, touches)) {
          const team = settings.of(owners.get(value.ownerId));
          const reasons = churnReasons(value, asOf, churnRule(churnFactorPercent(team)));
          if (reasons.length > 0) risky.push({ value, sensitivity: team.churnSensitivity, reasons });
          if (risky.length === limit) break;
        }
      }
      const shown = await views(uow, risky.map((r) => r.value));
      const days = (instant: string): number => Math.floor((now.getTime() - Date.parse(instant)) / DAY_MS);
      return {
        scope: scope.info,
        asOf,
        ranking: scored.ranking,
        risks: risky.map(({ value, sensitivity, reasons }, i) => ({
          ...(shown[i] as AccountValueView),
          reasons,
          silentDays: value.lastTouchAt === null ? null : days(value.lastTouchAt),
          usualTouchIntervalDays: usualIntervalDays(value.touches, value.firstTouchAt, value.lastTouchAt),
          daysSinceLastOrder: days(value.lastOrderAt),
          usualOrderIntervalDays: usualIntervalDays(value.orders, value.firstOrderAt, value.lastOrderAt),
          sensitivity,
        })),
      };
    });
  }
}

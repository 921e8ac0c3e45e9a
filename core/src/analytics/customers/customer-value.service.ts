import type { Actor, AnalyticsServiceDeps } from '../../services/context.js';
import { invalidInput } from '../../shared/errors.js';
import { compareCodePoints } from '../../shared/text.js';
import { parseInput } from '../../shared/validate.js';
import type { AnalyticsUnitOfWork } from '../../store/store.port.js';
import { resolveScope, type ReportScope } from '../scope/report-scope.js';
import { churnFactorPercent, settingsByOwner } from '../settings/analytics-settings.js';
import { DAY_MS } from '../stages/stage-times.js';
import { byValue, byWorth, scoredAccounts, withTouches, type AccountValue } from './account-values.js';
import { churnReasons, churnRule, isValuable, usualIntervalDays } from './churn.js';
import { Segment, type AccountValueView, type ChurnRisks, type SegmentsReport } from './customer-value.schema.js';
import { SEGMENT_RULES, segmentOf } from './rfm.js';

export const MAX_ACCOUNTS = 500;

function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_ACCOUNTS) throw invalidInput(`Ask for 1 to ${MAX_ACCOUNTS} accounts.`, [{ path: 'limit', message: `1–${MAX_ACCOUNTS}.` }]);
  return limit;
}

/** Every buying account scored against the whole company, then narrowed to the scope (by account owner). */
async function valuesInScope(uow: AnalyticsUnitOfWork, scope: ReportScope, asOf: string): Promise<AccountValue[]> {
  const all = scoredAccounts(await uow.analytics.accountOrders({ asOf }), asOf);
  if (!scope.ownerIds) return all;
  const owners = new Set(scope.ownerIds);
  return all.filter((v) => owners.has(v.ownerId));
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
      const values = await valuesInScope(uow, scope, asOf);
      const segments = SEGMENT_RULES.map(({ segment: name, rule }) => {
        const members = values.filter((v) => segmentOf(v) === name);
        const paid = new Map<string, number>();
        for (const v of members) for (const c of v.byCurrency) paid.set(c.currency, (paid.get(c.currency) ?? 0) + c.amountMinor);
        return {
          segment: name,
          rule,
          accounts: members.length,
          orders: members.reduce((n, v) => n + v.orders, 0),
          byCurrency: [...paid].sort(([a], [b]) => compareCodePoints(a, b)).map(([currency, amountMinor]) => ({ currency, amountMinor })),
        };
      });
      let accounts: AccountValueView[] = [];
      if (segment) {
        const listed = values.filter((v) => segmentOf(v) === segment).sort(byValue).slice(0, limit);
        const touches = await uow.analytics.accountTouches({ asOf, accountIds: listed.map((v) => v.accountId) });
        accounts = await views(uow, withTouches(listed, touches));
      }
      return { scope: scope.info, asOf, segments, segment, accounts };
    });
  }

  async churnRisks(actor: Actor, query: { scope?: string | undefined; limit?: number | undefined }): Promise<ChurnRisks> {
    const limit = checkLimit(query.limit ?? 50);
    const now = this.deps.clock.now();
    const asOf = now.toISOString();
    return this.deps.store.read(async (uow) => {
      const scope = await resolveScope(uow, actor.user, query.scope);
      const settings = await settingsByOwner(uow);
      const valuable = (await valuesInScope(uow, scope, asOf)).filter(isValuable);
      const touched = withTouches(valuable, await uow.analytics.accountTouches({ asOf, accountIds: valuable.map((v) => v.accountId) }));
      const owners = new Map((await uow.users.getMany([...new Set(touched.map((v) => v.ownerId))])).map((u) => [u.id, u]));
      const risky = touched
        .map((value) => {
          const team = settings.of(owners.get(value.ownerId));
          return { value, sensitivity: team.churnSensitivity, reasons: churnReasons(value, asOf, churnRule(churnFactorPercent(team))) };
        })
        .filter((r) => r.reasons.length > 0)
        .sort((a, b) => byWorth(a.value, b.value))
        .slice(0, limit);
      const shown = await views(uow, risky.map((r) => r.value));
      const days = (instant: string): number => Math.floor((now.getTime() - Date.parse(instant)) / DAY_MS);
      return {
        scope: scope.info,
        asOf,
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

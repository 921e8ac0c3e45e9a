import type { Actor, ServiceDeps } from '../../services/context.js';
import { invalidInput } from '../../shared/errors.js';
import { parseInput } from '../../shared/validate.js';
import type { UnitOfWork } from '../../store/store.port.js';
import type { AccountValue } from '../analytics.port.js';
import { DAY_MS } from '../stages/stage-times.js';
import { resolveScope } from '../scope/report-scope.js';
import { churnFactorPercent, settingsByOwner } from '../settings/analytics-settings.service.js';
import { churnReasons, churnRule, usualIntervalDays, VALUABLE } from './churn.js';
import type { AccountValueView, ChurnRisks, SegmentsReport } from './customer-value.schema.js';
import { cellsOf, Segment, SEGMENT_RULES, segmentOf } from './rfm.js';

export const MAX_ACCOUNTS = 500;

function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_ACCOUNTS) throw invalidInput(`Ask for 1 to ${MAX_ACCOUNTS} accounts.`, [{ path: 'limit', message: `1–${MAX_ACCOUNTS}.` }]);
  return limit;
}

async function views(uow: UnitOfWork, values: readonly AccountValue[]): Promise<AccountValueView[]> {
  const owners = new Map((await uow.users.getMany([...new Set(values.map((v) => v.ownerId))])).map((u) => [u.id, u]));
  return values.map((v) => {
    const owner = owners.get(v.ownerId);
    return {
      accountId: v.accountId,
      accountName: v.accountName,
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

/** Customer value: RFM segments of the accounts in a scope (by account owner), and the valuable ones going quiet. */
export class CustomerValueService {
  constructor(private readonly deps: ServiceDeps) {}

  async segments(actor: Actor, query: { scope?: string | undefined; segment?: string | undefined; limit?: number | undefined }): Promise<SegmentsReport> {
    const segment = query.segment === undefined ? null : parseInput(Segment, query.segment, 'segment');
    const limit = checkLimit(query.limit ?? 50);
    const asOf = this.deps.clock.now().toISOString();
    return this.deps.store.read(async (uow) => {
      const scope = await resolveScope(uow, actor.user, query.scope);
      const owners = scope.ownerIds ? { ownerIds: scope.ownerIds } : {};
      const cells = await uow.analytics.rfmCells({ asOf, ...owners });
      const segments = SEGMENT_RULES.map(({ segment: name, rule }) => {
        const mine = cells.filter((c) => segmentOf(c) === name);
        const byCurrency = new Map<string, number>();
        for (const cell of mine) for (const paid of cell.byCurrency) byCurrency.set(paid.currency, (byCurrency.get(paid.currency) ?? 0) + paid.amountMinor);
        return {
          segment: name,
          rule,
          accounts: mine.reduce((n, c) => n + c.accounts, 0),
          orders: mine.reduce((n, c) => n + c.orders, 0),
          byCurrency: [...byCurrency].sort(([a], [b]) => (a < b ? -1 : 1)).map(([currency, amountMinor]) => ({ currency, amountMinor })),
        };
      });
      const accounts = segment ? await views(uow, await uow.analytics.rfmAccounts({ asOf, cells: cellsOf(segment), limit, ...owners })) : [];
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
      // The store applies the most sensitive factor in use; each account is then held to its owner's team's.
      const loosest = Math.min(...settings.all().map(churnFactorPercent));
      const candidates = await uow.analytics.churnCandidates({ asOf, ...VALUABLE, ...churnRule(loosest), limit: MAX_ACCOUNTS, ...(scope.ownerIds ? { ownerIds: scope.ownerIds } : {}) });
      const owners = new Map((await uow.users.getMany([...new Set(candidates.map((c) => c.ownerId))])).map((u) => [u.id, u]));
      const risky = candidates
        .map((c) => {
          const team = settings.of(owners.get(c.ownerId));
          return { value: c, sensitivity: team.churnSensitivity, reasons: churnReasons(c, asOf, churnRule(churnFactorPercent(team))) };
        })
        .filter((c) => c.reasons.length > 0)
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

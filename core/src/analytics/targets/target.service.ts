import { recordEvent } from '../../events/record-event.js';
import { isAdmin, managesMember, maySeeUser } from '../../permissions/permissions.js';
import type { Actor, AnalyticsServiceDeps, WriteOptions } from '../../services/context.js';
import { assertVersion, saveNextVersion } from '../../services/versioned.js';
import { forbidden, invalidInput, notFound } from '../../shared/errors.js';
import { parseInput } from '../../shared/validate.js';
import type { AnalyticsUnitOfWork } from '../../store/store.port.js';
import type { User } from '../../users/user.schema.js';
import { resolveScope } from '../scope/report-scope.js';
import type { Target} from './target.schema.js';
import { Month, monthsBetween, TargetInput, TargetPatch, type TargetList } from './target.schema.js';
import { targetsReporting } from '../currency/reporting-figures.js';
import { loadRateTable } from '../currency/reporting-rates.js';
import { reportTime } from '../report-range.js';

/** A target list spans at most this many months. */
export const MAX_TARGET_MONTHS = 36;

function assertMaySet(actor: User, owner: User): void {
  if (isAdmin(actor) || managesMember(actor, owner)) return;
  throw forbidden('Targets are set by a manager for their team, or by an admin.');
}

async function requireTarget(uow: AnalyticsUnitOfWork, id: string): Promise<Target> {
  const target = await uow.targets.get(id);
  if (!target) throw notFound('target', id);
  return target;
}

/**
 * Monthly quotas. A rep reads their own; a manager reads and sets their team's (their own
 * included); an admin everyone's. Someone else's target is reported as not found.
 */
export class TargetService {
  constructor(private readonly deps: AnalyticsServiceDeps) {}

  async list(actor: Actor, filter: { scope?: string; from: string; to: string }): Promise<Target[]> {
    const from = parseInput(Month, filter.from, 'from month');
    const to = parseInput(Month, filter.to, 'to month');
    const months = monthsBetween(from, to).length;
    if (months === 0 || months > MAX_TARGET_MONTHS) {
      throw invalidInput(`Ask for 1 to ${MAX_TARGET_MONTHS} months, from ${from} to a later month.`, [{ path: 'to', message: `From ${from}, up to ${MAX_TARGET_MONTHS} months.` }]);
    }
    return this.deps.store.read(async (uow) => {
      const scope = await resolveScope(uow, actor.user, filter.scope);
      return uow.targets.list({ ...(scope.ownerIds ? { userIds: scope.ownerIds } : {}), fromMonth: from, toMonth: to });
    });
  }

  /** The targets of `list`, with their sum in the reporting currency. */
  async report(actor: Actor, filter: { scope?: string; from: string; to: string }): Promise<TargetList> {
    const items = await this.list(actor, filter);
    const today = reportTime(actor.user, this.deps.clock.now()).today;
    const reporting = await this.deps.store.read(async (uow) => {
      const rates = await loadRateTable(uow, today);
      return rates && targetsReporting(rates, items, today);
    });
    return { items, reporting };
  }

  async get(actor: Actor, id: string): Promise<Target> {
    return this.deps.store.read(async (uow) => {
      const target = await requireTarget(uow, id);
      const owner = await uow.users.get(target.userId);
      if (!owner || !maySeeUser(actor.user, owner)) throw notFound('target', id);
      return target;
    });
  }

  async create(actor: Actor, input: TargetInput): Promise<Target> {
    const data = parseInput(TargetInput, input, 'target');
    return this.deps.store.transaction(async (uow) => {
      const owner = await uow.users.get(data.userId);
      if (!owner) throw invalidInput(`No user with id ${data.userId}.`, [{ path: 'userId', message: 'Unknown user.' }]);
      assertMaySet(actor.user, owner);
      const now = this.deps.clock.now().toISOString();
      const target: Target = { id: this.deps.ids.next('target'), ...data, version: 1, createdAt: now, updatedAt: now };
      await uow.targets.insert(target);
      await recordEvent(uow, this.deps, actor, { type: 'target.created', entityType: 'target', entityId: target.id, after: target });
      return target;
    });
  }

  async update(actor: Actor, id: string, patch: TargetPatch, options: WriteOptions = {}): Promise<Target> {
    const data = parseInput(TargetPatch, patch, 'target change');
    return this.deps.store.transaction(async (uow) => {
      const target = await this.mine(uow, actor, id);
      assertVersion(target, options.expectedVersion, 'target');
      const next = await saveNextVersion((t) => uow.targets.update(t), target, { amount: data.amount }, this.deps.clock.now().toISOString(), 'target');
      await recordEvent(uow, this.deps, actor, { type: 'target.updated', entityType: 'target', entityId: id, before: { amount: target.amount }, after: { amount: next.amount } });
      return next;
    });
  }

  async delete(actor: Actor, id: string, options: WriteOptions = {}): Promise<void> {
    await this.deps.store.transaction(async (uow) => {
      const target = await this.mine(uow, actor, id);
      assertVersion(target, options.expectedVersion, 'target');
      await uow.targets.delete(id);
      await recordEvent(uow, this.deps, actor, { type: 'target.deleted', entityType: 'target', entityId: id, before: target });
    });
  }

  /** A target the actor may change: not found when they may not even see it, forbidden when they may only see it. */
  private async mine(uow: AnalyticsUnitOfWork, actor: Actor, id: string): Promise<Target> {
    const target = await requireTarget(uow, id);
    const owner = await uow.users.get(target.userId);
    if (!owner || !maySeeUser(actor.user, owner)) throw notFound('target', id);
    assertMaySet(actor.user, owner);
    return target;
  }
}

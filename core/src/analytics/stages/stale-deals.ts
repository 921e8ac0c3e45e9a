import type { Pipeline } from '../../deals/pipeline.schema.js';
import type { AnalyticsUnitOfWork, UnitOfWork } from '../../store/store.port.js';
import type { User } from '../../users/user.schema.js';
import type { StaleDealRow } from '../report-queries.port.js';
import { settingsByOwner } from '../settings/analytics-settings.js';
import { moreOverdue, staleThresholds, stageTimeStats, type StageTimeStat } from './stage-stats.js';
import { DAY_MS, msToDays, wholeDays } from './stage-times.js';
import type { StaleDeal } from './stage-times.schema.js';

/** A stage's median for staleness is taken over the deals that left it in this many days before now. */
export const STALE_BASELINE_DAYS = 180;

export interface StaleSearch {
  pipeline: Pipeline;
  /** Owners to look at; undefined for everyone. */
  ownerIds: readonly string[] | undefined;
  now: Date;
  limit: number;
}

/** Stage medians over the baseline window before `now`, company-wide: the yardstick staleness uses. */
export async function staleBaseline(uow: AnalyticsUnitOfWork, pipeline: Pipeline, now: Date): Promise<StageTimeStat[]> {
  const leftFrom = new Date(now.getTime() - STALE_BASELINE_DAYS * DAY_MS).toISOString();
  return stageTimeStats(pipeline, await uow.analytics.stageDurations({ pipelineId: pipeline.id, leftFrom, leftTo: now.toISOString() }));
}

/**
 * Open deals whose time in their current stage is more than their team's stale factor × the
 * stage's median, most overdue first. Owners whose teams share a factor are asked for together.
 */
export async function findStaleDeals(uow: AnalyticsUnitOfWork, search: StaleSearch): Promise<StaleDeal[]> {
  const { pipeline, ownerIds, now, limit } = search;
  if (ownerIds?.length === 0) return [];
  const stats = await staleBaseline(uow, pipeline, now);
  const settings = await settingsByOwner(uow);
  const factors = [...new Set(settings.all().map((s) => s.staleFactor))];
  let groups: Array<{ factor: number; ownerIds: readonly string[] | undefined }>;
  if (factors.length === 1) {
    groups = [{ factor: factors[0] ?? settings.company.staleFactor, ownerIds }];
  } else {
    const users = ownerIds ? await uow.users.getMany(ownerIds) : await everyone(uow);
    const byFactor = new Map<number, string[]>();
    for (const user of users) {
      const factor = settings.of(user).staleFactor;
      const ids = byFactor.get(factor) ?? [];
      ids.push(user.id);
      byFactor.set(factor, ids);
    }
    groups = [...byFactor].map(([factor, ids]) => ({ factor, ownerIds: ids }));
  }
  const found: Array<StaleDealRow & { factor: number; afterMs: number; dealId: string }> = [];
  for (const group of groups) {
    const thresholds = staleThresholds(stats, group.factor);
    if (thresholds.length === 0) continue;
    const rows = await uow.analytics.staleDeals({ pipelineId: pipeline.id, asOf: now.toISOString(), thresholds, limit, ...(group.ownerIds ? { ownerIds: group.ownerIds } : {}) });
    const afterOf = new Map(thresholds.map((t) => [t.stageId, t.afterMs]));
    for (const row of rows) found.push({ ...row, factor: group.factor, afterMs: afterOf.get(row.deal.stageId) ?? 1, dealId: row.deal.id });
  }
  const chosen = found.sort(moreOverdue).slice(0, limit);
  const owners = new Map((await uow.users.getMany([...new Set(chosen.map((r) => r.deal.ownerId))])).map((u) => [u.id, u]));
  const byStage = new Map(stats.map((s) => [s.stageId, s]));
  return chosen.map((r) => {
    const owner = owners.get(r.deal.ownerId);
    const stat = byStage.get(r.deal.stageId);
    return {
      deal: r.deal,
      stageName: stat?.stageName ?? r.deal.stageId,
      daysInStage: wholeDays(r.timeInStageMs),
      stageMedianDays: stat?.medianDays ?? 0,
      thresholdDays: msToDays(r.afterMs),
      staleFactor: r.factor,
      owner: owner ? { id: owner.id, name: owner.name, email: owner.email } : null,
    };
  });
}

async function everyone(uow: UnitOfWork): Promise<User[]> {
  const users: User[] = [];
  let cursor: string | undefined;
  do {
    const page = await uow.users.list({}, { limit: 200, cursor });
    users.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return users;
}

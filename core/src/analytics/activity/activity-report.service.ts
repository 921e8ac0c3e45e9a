import type { Actor, AnalyticsServiceDeps } from '../../services/context.js';
import type { User } from '../../users/user.schema.js';
import { earlier, periodDays, reportTime } from '../report-range.js';
import { resolveScope } from '../scope/report-scope.js';
import { activityRows, type ActivityReport } from './activity-report.js';

export interface ActivityReportQuery {
  scope?: string | undefined;
  period?: 'day' | 'week' | 'month' | undefined;
  /** A calendar date in the period (default today), in the reader's zone. */
  date?: string | undefined;
  timeZone?: string | undefined;
}

/** The daily, weekly or monthly report of each rep's work, on the reader's calendar. */
export class ActivityReportService {
  constructor(private readonly deps: AnalyticsServiceDeps) {}

  async report(actor: Actor, query: ActivityReportQuery): Promise<ActivityReport> {
    const time = reportTime(actor.user, this.deps.clock.now(), query.timeZone);
    const period = query.period ?? 'week';
    const range = periodDays(period, query.date ?? time.today, time.timeZone);
    const overdueAt = earlier(time.now.toISOString(), range.end);
    return this.deps.store.read(async (uow) => {
      const scope = await resolveScope(uow, actor.user, query.scope);
      const data = await uow.analytics.repActivity({ from: range.start, to: range.end, overdueAt, ...(scope.ownerIds ? { userIds: scope.ownerIds } : {}) });
      const users = new Map<string, User>(scope.members.map((u) => [u.id, u]));
      const mentioned = new Set(Object.values(data).flatMap((rows: Array<{ userId: string }>) => rows.map((r) => r.userId)));
      for (const user of await uow.users.getMany([...mentioned].filter((id) => !users.has(id)))) users.set(user.id, user);
      return { scope: scope.info, period, range, overdueAt, ...activityRows(data, { members: scope.members, users, teams: scope.teams }) };
    });
  }
}

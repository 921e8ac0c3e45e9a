import type { Actor, AnalyticsServiceDeps } from '../../services/context.js';
import { addDays, startOfLocalDay } from '../../shared/time-zone.js';
import type { User } from '../../users/user.schema.js';
import { earlier, periodDays, reportTime } from '../report-range.js';
import { resolveScope } from '../scope/report-scope.js';
import { settingsByOwner } from '../settings/analytics-settings.js';
import { monthOf, monthsBetween } from '../targets/target.schema.js';
import { FORECAST_EVENT_TYPES, forecastChanges } from './forecast-changes.js';
import type { Forecast } from './forecast.schema.js';
import { forecastRows } from './forecast.js';
import { forecastReporting } from '../currency/reporting-figures.js';
import { loadRateTable } from '../currency/reporting-rates.js';

export interface ForecastQuery {
  scope?: string | undefined;
  period?: 'month' | 'quarter' | undefined;
  /** A calendar date in the period (default today), in the reader's zone. */
  date?: string | undefined;
  timeZone?: string | undefined;
  pipelineId?: string | undefined;
  /** List changes since the start of this day (default a week before today). */
  since?: string | undefined;
}

/** How many deal events the "what changed" list reads at most. */
const MAX_CHANGE_EVENTS = 2_000;

/** The weighted forecast of a month or quarter per rep and team, against targets, with what changed lately. */
export class ForecastService {
  constructor(private readonly deps: AnalyticsServiceDeps) {}

  async forecast(actor: Actor, query: ForecastQuery): Promise<Forecast> {
    const time = reportTime(actor.user, this.deps.clock.now(), query.timeZone);
    const period = query.period ?? 'month';
    const date = query.date ?? time.today;
    const zone = time.timeZone;
    const range = periodDays(period, date, zone);
    const month = periodDays('month', date, zone);
    const quarter = periodDays('quarter', date, zone);
    const year = periodDays('year', date, zone);
    const asOf = earlier(time.now.toISOString(), startOfLocalDay(addDays(date, 1), zone).toISOString());
    const since = startOfLocalDay(query.since ?? addDays(time.today, -7), zone).toISOString();
    const months = (r: { firstDay: string; lastDay: string }) => monthsBetween(monthOf(r.firstDay), monthOf(r.lastDay));

    return this.deps.store.read(async (uow) => {
      const scope = await resolveScope(uow, actor.user, query.scope);
      const owners = scope.ownerIds ? { ownerIds: scope.ownerIds } : {};
      const pipeline = query.pipelineId ? { pipelineId: query.pipelineId } : {};
      const wonSince = (from: string) => uow.analytics.closedTotals({ statuses: ['won'], from, to: asOf, ...owners, ...pipeline });
      const won = await uow.analytics.closedTotals({ statuses: ['won'], from: range.start, to: range.end, ...owners, ...pipeline });
      const open = await uow.analytics.openTotals({ closeFrom: range.firstDay, closeTo: range.lastDay, ...owners, ...pipeline });
      const data = {
        won,
        open,
        monthToDate: await wonSince(month.start),
        quarterToDate: await wonSince(quarter.start),
        yearToDate: await wonSince(year.start),
        targets: await uow.targets.list({ ...(scope.ownerIds ? { userIds: scope.ownerIds } : {}), fromMonth: monthOf(year.firstDay), toMonth: monthOf(year.lastDay) }),
        months: { period: months(range), month: months(month), quarter: months(quarter), year: months(year) },
      };
      const users = new Map<string, User>(scope.members.map((u) => [u.id, u]));
      const unknown = [...new Set([...won, ...open].map((r) => r.ownerId))].filter((id) => !users.has(id));
      for (const user of await uow.users.getMany(unknown)) users.set(user.id, user);
      const settings = await settingsByOwner(uow);
      const rows = forecastRows({ members: scope.members, users, teams: scope.teams, commitThresholdOf: (u) => settings.of(u).commitThreshold }, data);

      const events = await uow.analytics.dealEvents({ types: FORECAST_EVENT_TYPES, from: since, to: time.now.toISOString(), limit: MAX_CHANGE_EVENTS, ...owners });
      const deals = new Map((await uow.deals.getMany([...new Set(events.map((e) => e.entityId))])).map((d) => [d.id, d]));
      const pipelines = new Map((await uow.pipelines.list()).map((p) => [p.id, p]));
      const missing = [...new Set([...deals.values()].map((d) => d.ownerId))].filter((id) => !users.has(id));
      for (const user of await uow.users.getMany(missing)) users.set(user.id, user);
      const rates = await loadRateTable(uow, time.today);
      const reporting = rates && forecastReporting(rates, rows.total.figures, await uow.reporting.closedByDay({ statuses: ['won'], from: range.start, to: range.end, ...owners, ...pipeline }), time.today);
      return { scope: scope.info, period, range, asOf, ...rows, changesSince: since, changes: forecastChanges(events, deals, pipelines, users), reporting };
    });
  }
}

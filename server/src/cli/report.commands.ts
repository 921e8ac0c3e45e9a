import { formatMoney, parseInput, CalendarDate, TimeZone, type ActivityReport, type DealFlow, type RepActivity } from '@rapport/core';
import { z } from 'zod';
import { optional, required, type CommandSpec } from './args.js';
import { withDatabase } from './context.js';
import { renderTable, type Column } from './table.js';

const Period = z.enum(['day', 'week', 'month'], { message: 'Use day, week or month.' });

const flow = (f: DealFlow): string => (f.count === 0 ? '0' : `${f.count} · ${f.byCurrency.map((c) => formatMoney({ minor: c.amountMinor, currency: c.currency })).join(' + ')}`);

const COLUMNS: Column[] = [
  { header: 'Rep' },
  { header: 'Emails', align: 'right' },
  { header: 'Calls', align: 'right' },
  { header: 'Meetings', align: 'right' },
  { header: 'Notes', align: 'right' },
  { header: 'Chats', align: 'right' },
  { header: 'New contacts', align: 'right' },
  { header: 'New accounts', align: 'right' },
  { header: 'Deals created' },
  { header: 'Moved' },
  { header: 'Won' },
  { header: 'Lost' },
  { header: 'Reminders done', align: 'right' },
  { header: 'Overdue', align: 'right' },
];

const cells = (r: RepActivity): string[] => [
  r.name,
  ...[r.activities.email, r.activities.call, r.activities.meeting, r.activities.note, r.activities.chat, r.contactsCreated, r.accountsCreated].map(String),
  flow(r.dealsCreated),
  flow(r.dealsMoved),
  flow(r.dealsWon),
  flow(r.dealsLost),
  String(r.remindersCompleted),
  String(r.remindersOverdue),
];

const PERIOD_NAMES = { day: 'Day', week: 'Week', month: 'Month' } as const;

/** The activity report as a heading and an aligned table: one row per rep, then each team, then the total. */
export function activityReportLines(report: ActivityReport): string[] {
  const { range } = report;
  const span = range.firstDay === range.lastDay ? range.firstDay : `${range.firstDay} – ${range.lastDay}`;
  const whose = report.scope.kind === 'team' ? `the ${report.scope.name} team` : report.scope.name;
  const rows: Array<string[] | null> = report.reps.map(cells);
  if (report.teams.length > 0 && report.scope.kind !== 'user') rows.push(null, ...report.teams.map(cells));
  if (report.reps.length > 1) rows.push(null, cells(report.total));
  return [`${PERIOD_NAMES[report.period]} ${span} (${range.timeZone}): activity of ${whose}`, '', ...renderTable(COLUMNS, rows)];
}

export const reportActivity: CommandSpec = {
  name: 'report activity',
  summary: 'Print what reps did in a day, week or month: activities, new records, deals and reminders.',
  usage: 'rapport report activity --period day|week|month [--date YYYY-MM-DD] --user <email> [--team <team name>] [--tz <IANA zone>]',
  options: { period: { type: 'string' }, date: { type: 'string' }, user: { type: 'string' }, team: { type: 'string' }, tz: { type: 'string' } },
  details: [
    '--period  day, week (Monday to Sunday) or month; default week',
    '--date    a day in the period, default today (in the user\'s time zone)',
    '--user    whose report, and whose permissions apply: a rep sees their own, a manager their team, an admin anyone',
    '--team    a team\'s report (its manager or an admin)',
    '--tz      read days in this time zone instead of the user\'s',
    '',
    'Example: rapport report activity --period week --user ann@acme.com --team "Mid-Market"',
  ],
  async run(args, io) {
    const period = parseInput(Period, optional(args, 'period') ?? 'week', 'period');
    const date = optional(args, 'date');
    if (date !== undefined) parseInput(CalendarDate, date, 'date (use YYYY-MM-DD)');
    const timeZone = optional(args, 'tz');
    if (timeZone !== undefined) parseInput(TimeZone, timeZone, 'time zone');
    const email = required(args, 'user', reportActivity);
    const teamName = optional(args, 'team');
    return withDatabase(io, async ({ services }) => {
      const user = await services.users.findByEmail(email);
      if (!user) {
        io.err(`Nobody uses Rapport as ${email}. See \`rapport user list\`.`);
        return 2;
      }
      let scope: string | undefined = 'me';
      if (teamName) {
        const team = (await services.users.listTeams()).find((t) => t.name.toLowerCase() === teamName.toLowerCase());
        if (!team) {
          io.err(`No team called "${teamName}". Teams: ${(await services.users.listTeams()).map((t) => t.name).join(', ') || 'none yet'}.`);
          return 2;
        }
        scope = team.id;
      }
      const report = await services.analytics.activity.report({ user, surface: 'cli' }, { scope, period, date, timeZone });
      for (const line of activityReportLines(report)) io.out(line);
      return 0;
    });
  },
};

import { z } from 'zod';
import { ActivityType } from '../../activities/activity.schema.js';
import { compareCodePoints, sortKey } from '../../shared/text.js';
import type { Team, User } from '../../users/user.schema.js';
import type { RepActivityRows, UserAmount } from '../report-queries.port.js';
import { CurrencyCount, DateRange, ScopeInfo } from '../report.schema.js';

export const DealFlow = z.object({ count: z.number().int(), byCurrency: z.array(CurrencyCount) });
export type DealFlow = z.infer<typeof DealFlow>;

export const ActivityCounts = z.object({
  email: z.number().int(),
  call: z.number().int(),
  meeting: z.number().int(),
  note: z.number().int(),
  chat: z.number().int(),
  total: z.number().int(),
});

export const RepActivity = z.object({
  kind: z.enum(['rep', 'team', 'total']),
  id: z.string().nullable(),
  name: z.string(),
  /** Activities the person logged, by type. */
  activities: ActivityCounts,
  contactsCreated: z.number().int(),
  accountsCreated: z.number().int(),
  dealsCreated: DealFlow,
  /** Deals that changed stage (each once). */
  dealsMoved: DealFlow,
  dealsWon: DealFlow,
  dealsLost: DealFlow,
  remindersCompleted: z.number().int(),
  /** Open reminders past due at the end of the period (or now, if sooner). */
  remindersOverdue: z.number().int(),
});
export type RepActivity = z.infer<typeof RepActivity>;

export const ActivityReport = z.object({
  scope: ScopeInfo,
  period: z.enum(['day', 'week', 'month']),
  range: DateRange,
  overdueAt: z.string(),
  reps: z.array(RepActivity),
  teams: z.array(RepActivity),
  total: RepActivity,
});
export type ActivityReport = z.infer<typeof ActivityReport>;

const emptyFlow = (): DealFlow => ({ count: 0, byCurrency: [] });

const emptyRow = (kind: RepActivity['kind'], id: string | null, name: string): RepActivity => ({
  kind,
  id,
  name,
  activities: { email: 0, call: 0, meeting: 0, note: 0, chat: 0, total: 0 },
  contactsCreated: 0,
  accountsCreated: 0,
  dealsCreated: emptyFlow(),
  dealsMoved: emptyFlow(),
  dealsWon: emptyFlow(),
  dealsLost: emptyFlow(),
  remindersCompleted: 0,
  remindersOverdue: 0,
});

function addFlow(flow: DealFlow, currency: string, count: number, amountMinor: number): void {
  flow.count += count;
  const seen = flow.byCurrency.find((c) => c.currency === currency);
  if (seen) {
    seen.count += count;
    seen.amountMinor += amountMinor;
  } else {
    flow.byCurrency.push({ currency, count, amountMinor });
    flow.byCurrency.sort((a, b) => compareCodePoints(a.currency, b.currency));
  }
}

const FLOWS = ['dealsCreated', 'dealsMoved', 'dealsWon', 'dealsLost'] as const;
const COUNTS = ['contactsCreated', 'accountsCreated', 'remindersCompleted', 'remindersOverdue'] as const;

function addInto(into: RepActivity, from: RepActivity): void {
  for (const type of ActivityType.options) into.activities[type] += from.activities[type];
  into.activities.total += from.activities.total;
  for (const key of COUNTS) into[key] += from[key];
  for (const key of FLOWS) for (const c of from[key].byCurrency) addFlow(into[key], c.currency, c.count, c.amountMinor);
}

const hasAny = (row: RepActivity): boolean =>
  row.activities.total > 0 || COUNTS.some((k) => row[k] > 0) || FLOWS.some((k) => row[k].count > 0);

const byName = (a: RepActivity, b: RepActivity): number => compareCodePoints(sortKey(a.name), sortKey(b.name)) || compareCodePoints(a.id ?? '', b.id ?? '');

/**
 * A rep's work made visible: one row per person (everyone active in the scope who is not an
 * admin, and anyone else with something to show), one per team, and the total.
 */
export function activityRows(
  data: RepActivityRows,
  people: { members: readonly User[]; users: ReadonlyMap<string, User>; teams: ReadonlyMap<string, Team> },
): { reps: RepActivity[]; teams: RepActivity[]; total: RepActivity } {
  const rows = new Map<string, RepActivity>();
  const row = (userId: string): RepActivity => {
    const found = rows.get(userId) ?? emptyRow('rep', userId, people.users.get(userId)?.name ?? userId);
    rows.set(userId, found);
    return found;
  };
  for (const a of data.activities) {
    row(a.userId).activities[a.type] += a.count;
    row(a.userId).activities.total += a.count;
  }
  for (const key of COUNTS) for (const c of data[key]) row(c.userId)[key] += c.count;
  const flows: Record<(typeof FLOWS)[number], UserAmount[]> = data;
  for (const key of FLOWS) for (const f of flows[key]) addFlow(row(f.userId)[key], f.currency, f.count, f.amountMinor);
  for (const member of people.members) if (member.active && member.role !== 'admin') row(member.id);

  const reps = [...rows.values()].filter((r) => hasAny(r) || people.members.some((m) => m.id === r.id && m.active && m.role !== 'admin')).sort(byName);
  const teams = new Map<string, RepActivity>();
  for (const rep of reps) {
    const teamId = people.users.get(rep.id ?? '')?.teamId;
    if (!teamId) continue;
    const team = teams.get(teamId) ?? emptyRow('team', teamId, people.teams.get(teamId)?.name ?? teamId);
    addInto(team, rep);
    teams.set(teamId, team);
  }
  const total = emptyRow('total', null, 'Total');
  for (const rep of reps) addInto(total, rep);
  return { reps, teams: [...teams.values()].sort(byName), total };
}

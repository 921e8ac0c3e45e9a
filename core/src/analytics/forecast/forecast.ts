import { compareCodePoints, sortKey } from '../../shared/text.js';
import type { Team, User } from '../../users/user.schema.js';
import type { ClosedTotal, OpenTotal } from '../report-queries.port.js';
import { ratio } from '../report.schema.js';
import type { Target } from '../targets/target.schema.js';
import type { ForecastFigures, ForecastRow, ToDate } from './forecast.schema.js';

/** What the store answered for a forecast: the period's won and open deals, wins to date, and targets. */
export interface ForecastData {
  won: readonly ClosedTotal[];
  open: readonly OpenTotal[];
  monthToDate: readonly ClosedTotal[];
  quarterToDate: readonly ClosedTotal[];
  yearToDate: readonly ClosedTotal[];
  targets: readonly Target[];
  /** The months ("2026-03") of the period, and of the month, quarter and year holding the asked date. */
  months: { period: readonly string[]; month: readonly string[]; quarter: readonly string[]; year: readonly string[] };
}

export interface ForecastPeople {
  /** The scope's people: every rep of it gets a row, anyone else only with figures or a target. */
  members: readonly User[];
  /** Everyone who may own a row (members and owners found in the data), by id. */
  users: ReadonlyMap<string, User>;
  teams: ReadonlyMap<string, Team>;
  /** The commit threshold (%) of a person's team. */
  commitThresholdOf(user: User | undefined): number;
}

interface Sums {
  won: number;
  wonCount: number;
  commitOpen: number;
  commitCount: number;
  open: number;
  openCount: number;
  weighted: number;
  target: number | null;
  toDate: Record<'monthToDate' | 'quarterToDate' | 'yearToDate', { won: number; target: number | null }>;
}

const emptySums = (): Sums => ({
  won: 0,
  wonCount: 0,
  commitOpen: 0,
  commitCount: 0,
  open: 0,
  openCount: 0,
  weighted: 0,
  target: null,
  toDate: { monthToDate: { won: 0, target: null }, quarterToDate: { won: 0, target: null }, yearToDate: { won: 0, target: null } },
});

const addTarget = (current: number | null, amount: number): number => (current ?? 0) + amount;
const addNullable = (a: number | null, b: number | null): number | null => (a === null && b === null ? null : (a ?? 0) + (b ?? 0));

/** Per owner, per currency. */
class Ledger {
  readonly rows = new Map<string, Map<string, Sums>>();

  at(ownerId: string, currency: string): Sums {
    const owner = this.rows.get(ownerId) ?? new Map<string, Sums>();
    this.rows.set(ownerId, owner);
    const sums = owner.get(currency) ?? emptySums();
    owner.set(currency, sums);
    return sums;
  }
}

function merge(into: Map<string, Sums>, from: ReadonlyMap<string, Sums>): void {
  for (const [currency, s] of from) {
    const t = into.get(currency) ?? emptySums();
    t.won += s.won;
    t.wonCount += s.wonCount;
    t.commitOpen += s.commitOpen;
    t.commitCount += s.commitCount;
    t.open += s.open;
    t.openCount += s.openCount;
    t.weighted += s.weighted;
    t.target = addNullable(t.target, s.target);
    for (const key of ['monthToDate', 'quarterToDate', 'yearToDate'] as const) {
      t.toDate[key].won += s.toDate[key].won;
      t.toDate[key].target = addNullable(t.toDate[key].target, s.toDate[key].target);
    }
    into.set(currency, t);
  }
}

const toDate = (x: { won: number; target: number | null }): ToDate => ({ wonMinor: x.won, targetMinor: x.target, attainment: x.target === null ? null : ratio(x.won, x.target) });

function figures(sums: ReadonlyMap<string, Sums>): ForecastFigures[] {
  return [...sums]
    .sort(([a], [b]) => compareCodePoints(a, b))
    .map(([currency, s]) => ({
      currency,
      closedWonMinor: s.won,
      wonCount: s.wonCount,
      commitMinor: s.won + s.commitOpen,
      commitCount: s.commitCount,
      bestCaseMinor: s.won + s.open,
      openCount: s.openCount,
      weightedPipelineMinor: s.weighted,
      targetMinor: s.target,
      attainment: s.target === null ? null : ratio(s.won, s.target),
      monthToDate: toDate(s.toDate.monthToDate),
      quarterToDate: toDate(s.toDate.quarterToDate),
      yearToDate: toDate(s.toDate.yearToDate),
    }));
}

const byName = (a: { name: string; id: string | null }, b: { name: string; id: string | null }): number =>
  compareCodePoints(sortKey(a.name), sortKey(b.name)) || compareCodePoints(a.id ?? '', b.id ?? '');

/**
 * Lays a forecast out per rep, per team and in total, each per currency. An open deal is commit
 * when its owner marked it so or its probability is at least the owner's team's threshold.
 */
export function forecastRows(people: ForecastPeople, data: ForecastData): { reps: ForecastRow[]; teams: ForecastRow[]; total: ForecastRow } {
  const ledger = new Ledger();
  for (const w of data.won) {
    const s = ledger.at(w.ownerId, w.currency);
    s.won += w.amountMinor;
    s.wonCount += w.count;
  }
  for (const o of data.open) {
    const s = ledger.at(o.ownerId, o.currency);
    s.open += o.amountMinor;
    s.openCount += o.count;
    s.weighted += o.weightedMinor;
    if (o.commit || o.probability >= people.commitThresholdOf(people.users.get(o.ownerId))) {
      s.commitOpen += o.amountMinor;
      s.commitCount += o.count;
    }
  }
  for (const key of ['monthToDate', 'quarterToDate', 'yearToDate'] as const) {
    for (const w of data[key]) ledger.at(w.ownerId, w.currency).toDate[key].won += w.amountMinor;
  }
  for (const t of data.targets) {
    const s = ledger.at(t.userId, t.amount.currency);
    if (data.months.period.includes(t.month)) s.target = addTarget(s.target, t.amount.minor);
    if (data.months.month.includes(t.month)) s.toDate.monthToDate.target = addTarget(s.toDate.monthToDate.target, t.amount.minor);
    if (data.months.quarter.includes(t.month)) s.toDate.quarterToDate.target = addTarget(s.toDate.quarterToDate.target, t.amount.minor);
    if (data.months.year.includes(t.month)) s.toDate.yearToDate.target = addTarget(s.toDate.yearToDate.target, t.amount.minor);
  }

  const ownerIds = new Set([...ledger.rows.keys(), ...people.members.filter((m) => m.role === 'rep').map((m) => m.id)]);
  const reps: Array<ForecastRow & { teamId: string | null; sums: ReadonlyMap<string, Sums> }> = [...ownerIds].map((id) => {
    const user = people.users.get(id);
    const sums = ledger.rows.get(id) ?? new Map<string, Sums>();
    return { kind: 'rep', id, name: user?.name ?? id, commitThreshold: people.commitThresholdOf(user), figures: figures(sums), teamId: user?.teamId ?? null, sums };
  });
  reps.sort(byName);

  const teams: ForecastRow[] = [];
  for (const team of [...new Set(reps.map((r) => r.teamId).filter((t): t is string => t !== null))]) {
    const sums = new Map<string, Sums>();
    for (const rep of reps.filter((r) => r.teamId === team)) merge(sums, rep.sums);
    const teamUser = reps.find((r) => r.teamId === team);
    teams.push({ kind: 'team', id: team, name: people.teams.get(team)?.name ?? team, commitThreshold: teamUser?.commitThreshold ?? null, figures: figures(sums) });
  }
  teams.sort(byName);

  const all = new Map<string, Sums>();
  for (const rep of reps) merge(all, rep.sums);
  const thresholds = new Set(reps.map((r) => r.commitThreshold));
  const total: ForecastRow = { kind: 'total', id: null, name: 'Total', commitThreshold: thresholds.size === 1 ? ([...thresholds][0] ?? null) : null, figures: figures(all) };
  return { reps: reps.map(({ teamId: _t, sums: _s, ...row }) => row), teams, total };
}

import { pipelinesForTeam, type Pipeline, type Team, type User } from '@rapport/core';

/** The expected-close periods the board can be narrowed to. */
export type ClosePeriod = 'any' | 'month' | 'quarter' | 'next-quarter' | 'year';

/** What the manager picked: a team (or everyone, for admins), maybe one rep, a close period. */
export interface Filters {
  /** A team id, 'all' (admins), or null for the reader's default (a manager's own team). */
  teamId: string | null;
  repId: string | null;
  close: ClosePeriod;
}

export const NO_FILTERS: Filters = { teamId: null, repId: null, close: 'any' };

/** The analytics `scope` for the filters: a rep, a team, everyone, or the reader's default. */
export function scopeOf(filters: Filters): string | undefined {
  if (filters.repId) return filters.repId;
  if (filters.teamId === 'all') return 'all';
  return filters.teamId ?? undefined;
}

/** The teams the reader may pick: an admin any (and everyone), a manager their own, a rep none. */
export function teamChoices(me: User, teams: readonly Team[]): Array<{ id: string; name: string }> {
  if (me.role === 'admin') return [{ id: 'all', name: 'Everyone' }, ...teams.map((t) => ({ id: t.id, name: t.name }))];
  if (me.role === 'manager' && me.teamId) return teams.filter((t) => t.id === me.teamId).map((t) => ({ id: t.id, name: t.name }));
  return [];
}

/**
 * The filters a reader starts with: a channel tab's team (for its manager or an admin), else a
 * manager's own team, else everyone (admins) or their own deals (a rep, also in a channel tab).
 */
export function initialFilters(me: User, teamFromHost: string | null): Filters {
  if (teamFromHost && (me.role === 'admin' || (me.role === 'manager' && me.teamId === teamFromHost))) return { ...NO_FILTERS, teamId: teamFromHost };
  if (me.role === 'manager' && me.teamId) return { ...NO_FILTERS, teamId: me.teamId };
  if (me.role === 'admin') return { ...NO_FILTERS, teamId: 'all' };
  return { ...NO_FILTERS, repId: me.id };
}

/** The close-period query of the pipeline board for the filters, given today's calendar date. */
export function closeQuery(close: ClosePeriod, today: string): { closePeriod?: 'month' | 'quarter' | 'year'; date?: string } {
  if (close === 'any') return {};
  if (close === 'next-quarter') {
    const [year, month] = today.split('-').map(Number) as [number, number];
    const next = Math.floor((month - 1) / 3) * 3 + 4;
    const date = next > 12 ? `${year + 1}-01-01` : `${year}-${String(next).padStart(2, '0')}-01`;
    return { closePeriod: 'quarter', date };
  }
  return { closePeriod: close };
}

/** Today's date in the reader's time zone, as YYYY-MM-DD. */
export function todayIn(timeZone: string, now = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The pipelines the board offers for the filters: everyone's for 'all', else the company-wide ones and the team's (the reader's own team by default). */
export function boardPipelines(pipelines: readonly Pipeline[], filters: Filters, me: User): Pipeline[] {
  if (filters.teamId === 'all') return [...pipelines];
  return pipelinesForTeam(pipelines, filters.teamId ?? me.teamId);
}

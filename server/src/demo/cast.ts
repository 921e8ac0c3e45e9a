import type { QuietHours, Role, Team, User } from '@rapport/core';
import type { Locale } from './names/locales.js';

/** The demo company sells from this (reserved, never routable) domain. */
export const SELLER_DOMAIN = 'brightwave.example';

export type TeamKey = 'enterprise' | 'midmarket';

export const TEAM_NAMES: Record<TeamKey, string> = { enterprise: 'Enterprise', midmarket: 'Mid-Market' };

/** One person of the demo sales team, before they exist in the database. */
export interface CastMember {
  key: string;
  name: string;
  email: string;
  role: Role;
  team: TeamKey | null;
  timeZone: string;
  quietHours: QuietHours | null;
  /** The markets whose accounts this person is given. */
  locales: readonly Locale[];
}

const member = (key: string, name: string, role: Role, team: TeamKey | null, timeZone: string, quietHours: QuietHours | null, locales: Locale[]): CastMember => ({
  key,
  name,
  email: `${key}@${SELLER_DOMAIN}`,
  role,
  team,
  timeZone,
  quietHours,
  locales,
});

/** An admin, a manager per team and seven reps spread over three continents. */
export const CAST: readonly CastMember[] = [
  member('robin.adler', 'Robin Adler', 'admin', null, 'Europe/London', null, []),
  member('helena.voss', 'Helena Voss', 'manager', 'enterprise', 'Europe/Berlin', { start: '20:00', end: '07:30' }, ['de', 'en-gb']),
  member('daniel.ortega', 'Daniel Ortega', 'manager', 'midmarket', 'America/New_York', null, ['en-us', 'es']),
  member('jonas.weber', 'Jonas Weber', 'rep', 'enterprise', 'Europe/Berlin', { start: '19:00', end: '08:00' }, ['de', 'en-gb', 'en-us']),
  member('sophie.laurent', 'Sophie Laurent', 'rep', 'enterprise', 'Europe/Paris', null, ['fr', 'es', 'en-us']),
  member('yuki.tanaka', 'Yuki Tanaka', 'rep', 'enterprise', 'Asia/Tokyo', { start: '21:00', end: '08:00' }, ['ja', 'ko', 'zh', 'en-us']),
  member('marcus.reed', 'Marcus Reed', 'rep', 'midmarket', 'America/New_York', { start: '21:00', end: '07:00' }, ['en-us']),
  member('ava.thompson', 'Ava Thompson', 'rep', 'midmarket', 'America/Los_Angeles', null, ['en-us', 'en-gb']),
  member('lucia.fernandez', 'Lucía Fernández', 'rep', 'midmarket', 'Europe/Madrid', null, ['es', 'fr', 'de']),
  member('chen.xiao', '陈晓', 'rep', 'midmarket', 'Asia/Shanghai', { start: '22:00', end: '08:00' }, ['zh', 'ko', 'ja']),
];

export const reps = (team: TeamKey): CastMember[] => CAST.filter((m) => m.role === 'rep' && m.team === team);

export function managerOf(team: TeamKey | null): CastMember {
  const found = CAST.find((m) => m.role === 'manager' && m.team === team) ?? CAST.find((m) => m.role === 'admin');
  if (!found) throw new Error('The demo cast has no manager or admin');
  return found;
}

export const admin = (): CastMember => managerOf(null);

/** The cast as stored: users by cast key, teams by team key. */
export interface Staff {
  users: Map<string, User>;
  teams: Map<TeamKey, Team>;
}

export function userOf(staff: Staff, member: CastMember): User {
  const user = staff.users.get(member.key);
  if (!user) throw new Error(`Demo user ${member.key} was not created`);
  return user;
}

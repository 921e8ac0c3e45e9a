import { isAdmin, isManager, maySeeUser } from '../../permissions/permissions.js';
import { CrmError, forbidden, invalidInput, notFound } from '../../shared/errors.js';
import type { UnitOfWork } from '../../store/store.port.js';
import type { Team, User } from '../../users/user.schema.js';
import type { ScopeInfo } from '../report.schema.js';

/**
 * Whose records a report covers, checked against who is asking:
 * `me` (anyone: their own), a user id (themselves; a manager their team's members; an admin
 * anyone), `team` or a team id (a manager their own team; an admin any team), `all` (admins).
 * Without a scope: a rep gets `me`, a manager their team, an admin `all`.
 */
export interface ReportScope {
  info: ScopeInfo;
  /** Owners whose records count; undefined for everyone. */
  ownerIds: string[] | undefined;
  /** The people of the scope, by name (for a team: its members; for everyone: every user). */
  members: User[];
  /** Every team by id, for grouping people. */
  teams: Map<string, Team>;
}

async function allUsers(uow: UnitOfWork, teamId?: string): Promise<User[]> {
  const users: User[] = [];
  let cursor: string | undefined;
  do {
    const page = await uow.users.list(teamId ? { teamId } : {}, { limit: 200, cursor });
    users.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return users;
}

const userScope = (user: User, teams: Map<string, Team>): ReportScope => ({
  info: { kind: 'user', id: user.id, name: user.name },
  ownerIds: [user.id],
  members: [user],
  teams,
});

async function teamScope(uow: UnitOfWork, team: Team, teams: Map<string, Team>): Promise<ReportScope> {
  const members = await allUsers(uow, team.id);
  return { info: { kind: 'team', id: team.id, name: team.name }, ownerIds: members.map((u) => u.id), members, teams };
}

export function defaultScope(user: User): string {
  if (isAdmin(user)) return 'all';
  return isManager(user) && user.teamId !== null ? 'team' : 'me';
}

export async function resolveScope(uow: UnitOfWork, actor: User, requested?: string): Promise<ReportScope> {
  const scope = (requested ?? defaultScope(actor)).trim();
  const teams = new Map((await uow.teams.list()).map((t) => [t.id, t]));
  if (scope === 'me') return userScope(actor, teams);
  if (scope === 'all') {
    if (!isAdmin(actor)) throw forbidden(`Company-wide reports are for admins. ${isManager(actor) ? 'Use scope=team for your team.' : 'Use scope=me for your own.'}`);
    return { info: { kind: 'everyone', id: null, name: 'Everyone' }, ownerIds: undefined, members: await allUsers(uow), teams };
  }
  if (scope === 'team' || scope.startsWith('team_')) {
    const teamId = scope === 'team' ? actor.teamId : scope;
    if (!isAdmin(actor) && !isManager(actor)) throw forbidden('Team reports are for managers (their own team) and admins. Use scope=me for your own.');
    if (teamId === null) {
      throw isAdmin(actor)
        ? invalidInput('Name the team: scope=team_… (see GET /api/v1/teams).', [{ path: 'scope', message: 'Name a team.' }])
        : new CrmError('not_found', 'You are not in a team yet, so there is no team report. Ask an admin to put you in a team.', { details: { userId: actor.id } });
    }
    const team = teams.get(teamId);
    if (!team) throw notFound('team', teamId);
    if (!isAdmin(actor) && actor.teamId !== team.id) throw forbidden('You can see your own team\'s reports only.');
    return teamScope(uow, team, teams);
  }
  if (scope.startsWith('usr_')) {
    const user = await uow.users.get(scope);
    if (!user) throw notFound('user', scope);
    if (!maySeeUser(actor, user)) throw forbidden('You can see your own reports; a manager sees their team\'s, an admin everyone\'s.');
    return userScope(user, teams);
  }
  throw invalidInput(`Unknown scope "${scope}". Use me, team, all, a user id or a team id.`, [{ path: 'scope', message: 'me, team, all, usr_… or team_…' }]);
}

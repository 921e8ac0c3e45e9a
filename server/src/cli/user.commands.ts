import { parseInput, Role } from '@rapport/core';
import { optional, required, type CommandSpec } from './args.js';
import { withDatabase } from './context.js';

export const userAdd: CommandSpec = {
  name: 'user add',
  summary: 'Add a person who can use Rapport.',
  usage: 'rapport user add --email <address> --name <name> [--role rep|manager|admin] [--team <team name>] [--tz <IANA zone>]',
  options: { email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, team: { type: 'string' }, tz: { type: 'string' } },
  details: ['--role   rep (default), manager or admin', '--team   an existing team name (see `rapport team add`)', '--tz     their time zone, e.g. Europe/Berlin (default UTC)', '', 'Example: rapport user add --email ann@acme.com --name "Ann Lee" --role manager --tz America/New_York'],
  async run(args, io) {
    const email = required(args, 'email', userAdd);
    const name = required(args, 'name', userAdd);
    const role = parseInput(Role, optional(args, 'role') ?? 'rep', 'role (use rep, manager or admin)');
    const teamName = optional(args, 'team');
    return withDatabase(io, async ({ services }) => {
      let teamId: string | null = null;
      if (teamName) {
        const team = (await services.users.listTeams()).find((t) => t.name.toLowerCase() === teamName.toLowerCase());
        if (!team) {
          io.err(`No team called "${teamName}". Create it first: rapport team add "${teamName}"`);
          return 2;
        }
        teamId = team.id;
      }
      const user = await services.users.create(null, { email, name, role, teamId, timeZone: optional(args, 'tz') ?? 'UTC' });
      io.out(`Added ${user.name} <${user.email}> as ${user.role} (${user.id}).`);
      io.out(`Give them a token: rapport token create --user ${user.email}`);
      return 0;
    });
  },
};

export const userList: CommandSpec = {
  name: 'user list',
  summary: 'List the people who can use Rapport.',
  usage: 'rapport user list',
  options: {},
  details: [],
  async run(_args, io) {
    return withDatabase(io, async ({ services }) => {
      const teams = new Map((await services.users.listTeams()).map((t) => [t.id, t.name]));
      let cursor: string | undefined;
      do {
        const page = await services.users.list(null, {}, { limit: 200, cursor });
        for (const u of page.items) io.out(`${u.id}  ${u.role.padEnd(7)}  ${u.email}  ${u.name}${u.teamId ? `  [${teams.get(u.teamId) ?? u.teamId}]` : ''}${u.active ? '' : '  (inactive)'}`);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return 0;
    });
  },
};

export const teamAdd: CommandSpec = {
  name: 'team add',
  summary: 'Create a team (managers see and change their team\'s records).',
  usage: 'rapport team add <name>',
  options: {},
  details: ['Example: rapport team add "Mid-Market"'],
  async run(args, io) {
    const name = args.positionals.join(' ').trim();
    if (!name) {
      io.err(`Name the team.\nUsage: ${teamAdd.usage}`);
      return 2;
    }
    return withDatabase(io, async ({ services }) => {
      const team = await services.users.createTeam(null, name);
      io.out(`Created team ${team.name} (${team.id}).`);
      return 0;
    });
  },
};

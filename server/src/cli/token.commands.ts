import { optional, required, type CommandSpec } from './args.js';
import { withDatabase } from './context.js';

export const tokenCreate: CommandSpec = {
  name: 'token create',
  summary: 'Create a personal access token for someone (shown once).',
  usage: 'rapport token create --user <email> [--name <label>] [--expires <ISO date-time>]',
  options: { user: { type: 'string' }, name: { type: 'string' }, expires: { type: 'string' } },
  details: ['Send it as "Authorization: Bearer <token>", or paste it into the extension\'s options.', '', 'Example: rapport token create --user ann@acme.com --name laptop'],
  async run(args, io) {
    const email = required(args, 'user', tokenCreate);
    const expires = optional(args, 'expires');
    if (expires && Number.isNaN(Date.parse(expires))) {
      io.err(`--expires must be a date-time such as 2027-01-31T00:00:00Z.`);
      return 2;
    }
    return withDatabase(io, async ({ services }) => {
      const user = await services.users.findByEmail(email);
      if (!user) {
        io.err(`No user with the address ${email}. Add them first: rapport user add --email ${email} --name "…"`);
        return 2;
      }
      const { token, secret } = await services.tokens.create(null, user.id, optional(args, 'name') ?? 'cli', expires ? new Date(expires).toISOString() : null);
      io.out(secret);
      io.err(`Token ${token.id} for ${user.name}. It is shown only this once.`);
      return 0;
    });
  },
};

export const tokenRevoke: CommandSpec = {
  name: 'token revoke',
  summary: 'Revoke a token; it stops working at once.',
  usage: 'rapport token revoke <token id>',
  options: {},
  details: ['Find ids with: rapport token list --user <email>'],
  async run(args, io) {
    const id = args.positionals[0];
    if (!id) {
      io.err(`Which token?\nUsage: ${tokenRevoke.usage}`);
      return 2;
    }
    return withDatabase(io, async ({ services }) => {
      const token = await services.tokens.revoke(null, id);
      io.out(`Revoked ${token.id} (${token.name}).`);
      return 0;
    });
  },
};

export const tokenList: CommandSpec = {
  name: 'token list',
  summary: 'List someone\'s tokens (never the secrets).',
  usage: 'rapport token list --user <email>',
  options: { user: { type: 'string' } },
  details: [],
  async run(args, io) {
    const email = required(args, 'user', tokenList);
    return withDatabase(io, async ({ services }) => {
      const user = await services.users.findByEmail(email);
      if (!user) {
        io.err(`No user with the address ${email}.`);
        return 2;
      }
      for (const t of await services.tokens.list(null, user.id)) {
        io.out(`${t.id}  ${t.prefix}…  ${t.name}  created ${t.createdAt}${t.revokedAt ? `  revoked ${t.revokedAt}` : ''}${t.lastUsedAt ? `  last used ${t.lastUsedAt}` : ''}`);
      }
      return 0;
    });
  },
};

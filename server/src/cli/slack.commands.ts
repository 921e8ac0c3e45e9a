import { renderManifest } from '@rapport/slack-app';
import { loadDotEnv, readConfig } from '../config.js';
import { required, type CommandSpec } from './args.js';
import { withDatabase } from './context.js';

export const userLinkCode: CommandSpec = {
  name: 'user link-code',
  summary: 'Make a one-time code that links someone\'s Slack account when their Slack email differs.',
  usage: 'rapport user link-code --user <email>',
  options: { user: { type: 'string' } },
  details: ['The person types `/crm link <code>` in Slack within 15 minutes; the code works once.', 'People whose Slack email is their Rapport email are linked without a code.'],
  async run(args, io) {
    const email = required(args, 'user', userLinkCode);
    return withDatabase(io, async ({ services }) => {
      const user = await services.users.findByEmail(email);
      if (!user || !user.active) {
        io.err(`No active user with the address ${email}. See: rapport user list`);
        return 2;
      }
      const { code, expiresAt } = await services.identities.issueLinkCode({ user, surface: 'cli' });
      io.out(`Link code for ${user.name}: ${code}`);
      io.out(`In Slack, type: /crm link ${code}   (works once, until ${expiresAt.slice(0, 16).replace('T', ' ')} UTC)`);
      return 0;
    });
  },
};

export const slackManifest: CommandSpec = {
  name: 'slack manifest',
  summary: 'Print the Slack app manifest with this hub\'s public URL filled in.',
  usage: 'rapport slack manifest',
  options: {},
  details: ['Paste it at https://api.slack.com/apps → Create New App → From an app manifest.', 'The URL comes from RAPPORT_PUBLIC_URL (Slack needs an https address it can reach).'],
  async run(_args, io) {
    loadDotEnv();
    io.out(renderManifest(readConfig(io.env).publicUrl));
    return 0;
  },
};

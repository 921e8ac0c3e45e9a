import { CrmError } from '@rapport/core';
import { loadDotEnv, readConfig, type HubConfig } from '../config.js';
import { describeDatabase, openDatabase } from '../database.js';
import { seedDemo } from '../demo/seed-demo.js';
import { formatDemoTokens, readDemoTokens, saveDemoTokens, type DemoToken } from '../demo-tokens.js';
import { createHub, type Hub } from '../hub.js';
import { createLogger } from '../logger.js';
import { createHubSlack, slackMount } from '../slack.js';
import { describeTeams } from '../teams/teams-hub.js';
import { VERSION } from '../version.js';
import type { CliIo, CommandSpec } from './args.js';

export const serveCommand: CommandSpec = {
  name: 'serve',
  summary: 'Run the hub: REST API, reminder scheduler (and Slack and Teams when configured).',
  usage: 'rapport serve',
  options: {},
  details: ['Settings come from the environment and .env; see `rapport --help` for each and its default.', 'On first start with an empty database the demo company is seeded (RAPPORT_DEMO=0 starts empty).'],
  async run(_args, io) {
    loadDotEnv();
    const config = readConfig(io.env);
    const hub = await startHub(config, io);
    await new Promise<void>((resolve) => {
      const stop = (signal: string) => {
        io.err(`\n${signal}: stopping the hub…`);
        void hub.close().then(resolve, resolve);
      };
      process.once('SIGINT', () => stop('SIGINT'));
      process.once('SIGTERM', () => stop('SIGTERM'));
    });
    return 0;
  },
};

async function startHub(config: HubConfig, io: CliIo): Promise<Hub> {
  const logger = createLogger(config.logLevel);
  const store = await openDatabase(config);
  const slack = createHubSlack(config, store, logger);
  const created = await createHub({ config, store, logger, ...(slack ? { notifiers: [slack.notifier], mounts: [slackMount(slack)] } : {}) });
  const hub: Hub = slack ? { ...created, close: async () => { await slack.stop(); await created.close(); } } : created;
  let seeded: DemoToken[] | null = null;
  if (config.demo && (await hub.store.read((uow) => uow.users.count())) === 0) {
    io.err('Empty database: seeding the demo company (RAPPORT_DEMO=0 starts empty)…');
    const result = await seedDemo({ store: hub.store, now: new Date(), logger: hub.logger });
    saveDemoTokens(config.dataDir, result.users);
    seeded = result.users;
  }
  let address: { url: string };
  try {
    address = await hub.listen();
  } catch (error) {
    await hub.close();
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new CrmError('unavailable', `Port ${config.port} is in use. Stop what runs there or start with PORT=<another port>.`);
    throw error;
  }
  printBanner(io, config, address.url, seeded, await exampleEmail(hub, seeded ?? readDemoTokens(config.dataDir)));
  return hub;
}

/** A customer address the sample rep can look up, so the printed example answers with something. */
async function exampleEmail(hub: Hub, tokens: DemoToken[] | null): Promise<string | null> {
  const rep = tokens?.find((t) => t.role === 'rep');
  if (!rep) return null;
  const user = await hub.services.users.findByEmail(rep.email);
  if (!user) return null;
  const page = await hub.store.read((uow) => uow.contacts.list({ ownerIds: [user.id] }, { limit: 20 }));
  return page.items.find((c) => c.emails.length > 0 && c.accountId)?.emails[0] ?? null;
}

function printBanner(io: CliIo, config: HubConfig, url: string, seeded: DemoToken[] | null, email: string | null): void {
  const line = (label: string, value: string) => io.out(`  ${label.padEnd(11)}${value}`);
  io.out('');
  io.out(`Rapport hub ${VERSION} is running`);
  line('API', `${url}/api/v1`);
  line('OpenAPI', `${url}/api/v1/openapi.json`);
  line('Health', `${url}/health`);
  line('Database', describeDatabase(config));
  line('Data', config.dataDir);
  line('Slack', config.slack ? `on: ${config.publicUrl}/slack/events` : 'off (set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN to turn it on)');
  line('Teams', describeTeams(config, url));
  line('Reminders', config.scheduler.enabled ? `delivered every ${Math.round(config.scheduler.intervalMs / 1000)} s (channels: log, extension${config.slack ? ', slack' : ''})` : 'scheduler off on this hub (RAPPORT_SCHEDULER=0)');
  const tokens = seeded ?? readDemoTokens(config.dataDir);
  if (tokens && tokens.length > 0) {
    io.out('');
    io.out(seeded ? 'Demo company seeded. Sign in with these tokens:' : `Demo tokens (from ${config.dataDir}/demo-tokens.json):`);
    for (const text of formatDemoTokens(tokens)) io.out(text);
    const sample = tokens.find((t) => t.role === 'rep') ?? tokens[0];
    if (sample) {
      io.out('');
      io.out('Try it:');
      const auth = `-H "Authorization: Bearer ${sample.token}"`;
      io.out(`  curl ${auth} "${url}/api/v1/me"`);
      if (email) {
        io.out(`  curl ${auth} "${url}/api/v1/lookup?q=${encodeURIComponent(email)}"`);
        io.out(`  curl ${auth} "${url}/api/v1/cards?email=${encodeURIComponent(email)}"`);
      }
    }
  }
  io.out('');
  io.out('Create a token for someone: pnpm rapport token create --user <email>   (add people with: pnpm rapport user add)');
}

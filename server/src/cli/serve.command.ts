import cluster from 'node:cluster';
import { CrmError } from '@rapport/core';
import { loadDotEnv, readConfig, type HubConfig } from '../config.js';
import { describeDatabase } from '../database.js';
import { seedDemo } from '../demo/seed-demo.js';
import { formatDemoTokens, readDemoTokens, saveDemoTokens, type DemoToken } from '../demo-tokens.js';
import { createHub, type Hub } from '../hub.js';
import { createLogger } from '../logger.js';
import { describeCrm } from './crm-banner.js';
import { addressUrl } from '../runtime/listen.js';
import { reportFailedStart, runWorkers, workerSlot } from '../runtime/hub-workers.js';
import { openRuntime } from '../runtime/runtime.js';
import { describeTeams } from '../teams/teams.surface.js';
import { VERSION } from '../version.js';
import type { CliIo, CommandSpec } from './args.js';

export const serveCommand: CommandSpec = {
  name: 'serve',
  summary: 'Run the hub: REST API, reminder scheduler (and Slack and Teams when configured).',
  usage: 'rapport serve',
  options: {},
  details: [
    'Settings come from the environment and .env; see `rapport --help` for each and its default.',
    'On first start with an empty database the demo company is seeded (RAPPORT_DEMO=0 starts empty).',
    'RAPPORT_WORKERS processes (default: one per core) share the port; the scheduler runs in the first.',
  ],
  async run(_args, io) {
    loadDotEnv();
    const config = readConfig(io.env);
    const slot = workerSlot(io.env);
    if (slot !== null) return serveAsWorker(config, slot);
    if (config.workers > 1) return serveWithWorkers(config, io);
    const hub = await startHub(config, io);
    await untilStopped(io, () => hub.close());
    return 0;
  },
};

/** Resolves once SIGINT or SIGTERM has stopped the hub. */
function untilStopped(io: CliIo | null, stop: () => Promise<unknown>): Promise<void> {
  return new Promise<void>((resolve) => {
    const onSignal = (signal: string) => {
      if (io) io.err(`\n${signal}: stopping the hub…`);
      void stop().then(() => resolve(), () => resolve());
    };
    process.once('SIGINT', () => onSignal('SIGINT'));
    process.once('SIGTERM', () => onSignal('SIGTERM'));
  });
}

/** The database migrated, the demo company seeded into an empty one, and what the banner shows about them. */
async function prepare(hub: Pick<Hub, 'store' | 'services' | 'logger'>, config: HubConfig, io: CliIo): Promise<{ seeded: DemoToken[] | null; email: string | null; crm: string }> {
  let seeded: DemoToken[] | null = null;
  if (config.demo && (await hub.store.read((uow) => uow.users.count())) === 0) {
    io.err('Empty database: seeding the demo company (RAPPORT_DEMO=0 starts empty)…');
    const result = await seedDemo({ store: hub.store, now: new Date(), logger: hub.logger });
    saveDemoTokens(config.dataDir, result.users);
    seeded = result.users;
  }
  return { seeded, email: await exampleEmail(hub, seeded ?? readDemoTokens(config.dataDir)), crm: await describeCrm(hub.store) };
}

function portInUse(error: unknown, config: HubConfig): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EADDRINUSE' ? new CrmError('unavailable', `Port ${config.port} is in use. Stop what runs there or start with PORT=<another port>.`) : error;
}

async function startHub(config: HubConfig, io: CliIo): Promise<Hub> {
  const hub = await createHub({ config, logger: createLogger(config.logLevel) });
  const { seeded, email, crm } = await prepare(hub, config, io);
  let address: { url: string };
  try {
    address = await hub.listen();
  } catch (error) {
    await hub.close();
    throw portInUse(error, config);
  }
  printBanner(io, config, address.url, seeded, email, crm);
  return hub;
}

/**
 * The primary of a hub with several workers: migrates and seeds before any worker starts, then
 * forks them, prints the banner once they all listen, replaces a worker that crashes, and stops
 * them all on SIGINT or SIGTERM.
 */
async function serveWithWorkers(config: HubConfig, io: CliIo): Promise<number> {
  const runtime = await openRuntime({ config, background: false });
  let prepared: { seeded: DemoToken[] | null; email: string | null; crm: string };
  try {
    prepared = await prepare(runtime, config, io);
  } finally {
    await runtime.close();
  }
  const { logger } = runtime;
  const workers = runWorkers(config.workers, {
    allListening: (port) => printBanner(io, config, addressUrl(config, port), prepared.seeded, prepared.email, prepared.crm, config.workers),
    restarting: (slot, why) => logger.warn(`worker ${slot} ${why}; starting another in its place`, { worker: slot }),
    replaced: (slot) => logger.info(`worker ${slot} is serving again`, { worker: slot }),
    failedToStart: (slot, why) => io.err(`Worker ${slot} could not start (${why}); stopping the hub.`),
  });
  void untilStopped(io, () => workers.stop());
  return workers.done;
}

/** One worker of a hub: serves the shared port; only worker 1 runs the scheduler and timed work. */
async function serveAsWorker(config: HubConfig, slot: number): Promise<number> {
  const logger = createLogger(config.logLevel, undefined, { worker: slot });
  try {
    const hub = await createHub({ config, logger, worker: slot, background: slot === 1 }).catch((error: unknown) => {
      reportFailedStart();
      throw error;
    });
    try {
      await hub.listen();
    } catch (error) {
      reportFailedStart();
      await hub.close();
      throw portInUse(error, config);
    }
    await untilStopped(null, () => hub.close());
    return 0;
  } finally {
    // The channel to the primary would keep this process alive.
    cluster.worker?.disconnect();
  }
}

/** A customer address the sample rep can look up, so the printed example answers with something. */
async function exampleEmail(hub: Pick<Hub, 'store' | 'services'>, tokens: DemoToken[] | null): Promise<string | null> {
  const rep = tokens?.find((t) => t.role === 'rep');
  if (!rep) return null;
  const user = await hub.services.users.findByEmail(rep.email);
  if (!user) return null;
  const page = await hub.store.read((uow) => uow.contacts.list({ ownerIds: [user.id] }, { limit: 20 }));
  return page.items.find((c) => c.emails.length > 0 && c.accountId)?.emails[0] ?? null;
}

function printBanner(io: CliIo, config: HubConfig, url: string, seeded: DemoToken[] | null, email: string | null, crm: string, workers = 1): void {
  const line = (label: string, value: string) => io.out(`  ${label.padEnd(11)}${value}`);
  io.out('');
  io.out(`Rapport hub ${VERSION} is running`);
  line('API', `${url}/api/v1`);
  line('OpenAPI', `${url}/api/v1/openapi.json`);
  line('Health', `${url}/health`);
  line('Database', describeDatabase(config));
  line('Data', config.dataDir);
  if (workers > 1) line('Workers', `${workers} processes share the port (RAPPORT_WORKERS); the scheduler runs in worker 1`);
  line('Slack', config.slack ? `on: ${config.publicUrl}/slack/events` : 'off (set SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN to turn it on)');
  line('Teams', describeTeams(config, url));
  line('Mail', config.mail.port !== null ? `logging addresses log+…@${config.mail.domain} on ${config.mail.host}:${config.mail.port}` : 'off (set RAPPORT_SMTP_PORT to take mail at logging addresses)');
  line('CRM', crm);
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

#!/usr/bin/env node
import { readStandaloneConfig, runStandalone } from '../standalone.js';
import type { SlackLogger } from '../logger.js';

const line = (level: string) => (message: string, fields?: Record<string, unknown>) =>
  process.stderr.write(`${new Date().toISOString()} ${level.padEnd(5)} ${message}${fields ? ` ${JSON.stringify(fields)}` : ''}\n`);
const logger: SlackLogger = { debug: () => {}, info: line('INFO'), warn: line('WARN'), error: line('ERROR') };

try {
  if (process.argv.includes('--help')) {
    process.stdout.write('rapport-slack: the Rapport Slack app on its own.\nSettings: DATABASE_URL, SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN, SLACK_APP_TOKEN (Socket Mode), HOST, PORT (4401), RAPPORT_PUBLIC_URL, RAPPORT_SCHEDULER.\n');
    process.exit(0);
  }
  const config = readStandaloneConfig(process.env);
  const running = await runStandalone(config, logger);
  process.stdout.write(`Rapport Slack app is running: ${running.url ? `${running.url}/slack/events` : 'Socket Mode'}, database ${running.store.kind}${config.scheduler ? ', delivering reminder DMs' : ''}\n`);
  const stop = () => void running.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}

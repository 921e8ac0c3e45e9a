import { loadDotEnv } from '../config.js';
import { describeDatabase } from '../database.js';
import { readSlackProcessConfig, startSlackProcess } from '../slack/slack-process.js';
import type { CommandSpec } from './args.js';

export const slackServe: CommandSpec = {
  name: 'slack serve',
  summary: 'Run the Slack app on its own, against the hub\'s database.',
  usage: 'rapport slack serve',
  options: {},
  details: [
    'Serves /slack/events on PORT (default 4401), or connects in Socket Mode with SLACK_APP_TOKEN, and delivers reminders unless RAPPORT_SCHEDULER=0.',
    'Needs SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN; the other settings are the hub\'s (see `rapport --help`).',
  ],
  async run(_args, io) {
    loadDotEnv();
    const config = readSlackProcessConfig(io.env);
    const running = await startSlackProcess(config);
    io.out(`Rapport Slack app is running: ${running.url ? `${running.url}/slack/events` : 'Socket Mode'}, ${describeDatabase(config)}${config.scheduler.enabled ? ', delivering reminders' : ''}`);
    await new Promise<void>((resolve) => {
      const stop = () => void running.stop().then(resolve, resolve);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
};

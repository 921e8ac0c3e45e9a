import { createHub, readConfig, silentLogger, slackSurface, type Mount } from '@rapport/server';
import { createSqliteStore } from '@rapport/sql';

/**
 * A hub with the Slack app mounted, for the Slack benchmark, in its own process: the SQLite
 * file from argv[2], Slack's Web API at the URL in argv[3] (the benchmark's stand-in), the
 * signing secret in argv[4], and POST /bench/noop that reads the body and answers 200, to
 * compare /slack/events against. Prints {"url": …} once it listens; stops on SIGTERM.
 */
const noop: Mount = (app) => {
  app.post('/bench/noop', async (c) => {
    await c.req.text();
    return c.body(null, 200);
  });
};

const [file, apiUrl, secret] = process.argv.slice(2);
if (!file || !apiUrl || !secret) throw new Error('Usage: node slack-hub-process.js <sqlite file> <slack api url> <signing secret>');
const config = readConfig({
  PORT: '0',
  HOST: '127.0.0.1',
  RAPPORT_SCHEDULER: '0',
  RAPPORT_DEMO: '0',
  RAPPORT_DATA_DIR: process.env.RAPPORT_DATA_DIR ?? '.',
  SLACK_SIGNING_SECRET: secret,
  SLACK_BOT_TOKEN: 'xoxb-bench',
  SLACK_API_URL: apiUrl,
});
const store = await createSqliteStore({ file });
const hub = await createHub({ config, store, logger: silentLogger, surfaces: [slackSurface], mounts: [noop] });
if (hub.surfaces.length === 0) throw new Error('Slack did not turn on');
const { url } = await hub.listen();
process.stdout.write(`${JSON.stringify({ url })}\n`);
process.once('SIGTERM', () => {
  void hub.close().then(() => process.exit(0));
});

import { readConfig, silentLogger, createHub, type Mount } from '@rapport/server';
import { createSqliteStore } from '@rapport/sql';

/**
 * A hub for the HTTP benchmark, run in its own process so the load generator does not share
 * its event loop: the SQLite file from argv[2], a free port, no scheduler, and one extra route
 * that does nothing (GET /bench/noop), mounted here only, to compare our routes against.
 * Prints {"url": …} on stdout once it listens; stops on SIGTERM.
 */
const noop: Mount = (app) => {
  app.get('/bench/noop', (c) => c.text('ok'));
};

const file = process.argv[2];
if (!file) throw new Error('Usage: node hub-process.js <sqlite file>');
const config = readConfig({ PORT: '0', HOST: '127.0.0.1', RAPPORT_SCHEDULER: '0', RAPPORT_DEMO: '0', RAPPORT_DATA_DIR: process.env.RAPPORT_DATA_DIR ?? '.' });
const hub = await createHub({ config, store: await createSqliteStore({ file }), logger: silentLogger, mounts: [noop] });
const { url } = await hub.listen();
process.stdout.write(`${JSON.stringify({ url })}\n`);
process.once('SIGTERM', () => {
  void hub.close().then(() => process.exit(0));
});

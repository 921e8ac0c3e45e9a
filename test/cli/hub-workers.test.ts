import { spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, freshDatabase, type TestDatabaseHandle } from '../support/databases.js';
import { freePort, rapport, serve, type RunningHub } from '../support/run-cli.js';

interface Answer {
  status: number;
  worker: string | undefined;
  body: string;
}

/** One request on a connection of its own, so the workers' shared port hands it to any of them. */
function call(port: number, method: string, path: string, token: string | null, body?: unknown): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      { host: '127.0.0.1', port, method, path, agent: false, headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(payload ? { 'content-type': 'application/json' } : {}) } },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, worker: res.headers['x-rapport-worker'] as string | undefined, body: text }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Health checks until every one of `count` workers has answered (any worker can take any connection). */
async function workersAnswering(port: number, count: number): Promise<Set<number>> {
  const seen = new Set<number>();
  for (let i = 0; i < 200 && seen.size < count; i += 1) {
    const answer = await call(port, 'GET', '/health', null).catch(() => null);
    const worker = answer?.status === 200 ? (JSON.parse(answer.body) as { worker?: number }).worker : undefined;
    if (worker) seen.add(worker);
  }
  return seen;
}

const childrenOf = (pid: number): number[] =>
  spawnSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
    .stdout.split('\n')
    .map((line) => Number(line.trim()))
    .filter((n) => n > 0);

/**
 * `rapport serve` with RAPPORT_WORKERS=2, as a user starts it: two processes share the port and
 * the database, the scheduler runs in one of them, a crashed worker is replaced, and SIGTERM
 * stops them all.
 */
describe.each(ENGINES)('a hub with two workers, on $engine', ({ engine, available }) => {
  let database: TestDatabaseHandle;
  let hub: RunningHub;
  let port: number;
  let token: string;

  beforeAll(async () => {
    if (!available) return;
    database = await freshDatabase(engine);
    const env = { RAPPORT_DATA_DIR: database.dataDir, ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}) };
    expect(rapport(['user', 'add', '--email', 'ann@workers.test', '--name', 'Ann Lee', '--role', 'admin', '--tz', 'UTC'], env).code).toBe(0);
    token = rapport(['token', 'create', '--user', 'ann@workers.test'], env).stdout.trim();
    port = await freePort();
    hub = serve({ ...env, PORT: String(port), RAPPORT_WORKERS: '2', RAPPORT_DEMO: '0', RAPPORT_LOG_LEVEL: 'info', RAPPORT_SCHEDULER_INTERVAL_MS: '200' });
    await hub.waitFor(/Create a token for someone/);
  }, 180_000);
  afterAll(async () => {
    await hub?.stop();
    await database?.drop();
  });

  it.skipIf(!available)('prints the start-up message once and serves requests from both workers', async () => {
    expect(hub.output().match(/Rapport hub \S+ is running/g)).toHaveLength(1);
    expect(hub.output()).toContain('Workers    2 processes share the port');
    expect(await workersAnswering(port, 2)).toEqual(new Set([1, 2]));
  }, 60_000);

  it.skipIf(!available)('keeps every write, whichever worker took it', async () => {
    const names = Array.from({ length: 24 }, (_, i) => `Worker Test Account ${i}`);
    const answers = await Promise.all(names.map((name) => call(port, 'POST', '/api/v1/accounts', token, { name })));
    expect(answers.map((a) => a.status)).toEqual(names.map(() => 201));
    expect(new Set(answers.map((a) => a.worker))).toEqual(new Set(['1', '2']));
    for (const reader of ['1', '2']) {
      let listed: Answer | null = null;
      for (let i = 0; i < 50 && listed?.worker !== reader; i += 1) listed = await call(port, 'GET', '/api/v1/accounts?limit=100', token);
      expect(listed?.worker).toBe(reader);
      const items = (JSON.parse(listed?.body ?? '{}') as { items: Array<{ name: string }> }).items.map((a) => a.name);
      expect(items).toEqual(expect.arrayContaining(names));
    }
  }, 60_000);

  it.skipIf(!available)('delivers each due reminder once, from the first worker only', async () => {
    const dueAt = new Date(Date.now() - 60_000).toISOString();
    const ids: string[] = [];
    for (let i = 0; i < 6; i += 1) {
      const created = await call(port, 'POST', '/api/v1/reminders', token, { title: `Worker reminder ${i}`, dueAt });
      expect(created.status).toBe(201);
      ids.push((JSON.parse(created.body) as { id: string }).id);
    }
    await hub.waitFor(/reminder due for Ann Lee: Worker reminder 5/, 60_000);
    // One more reminder after those: its delivery means the scheduler has passed over the first six again.
    const last = await call(port, 'POST', '/api/v1/reminders', token, { title: 'Worker reminder last', dueAt });
    expect(last.status).toBe(201);
    await hub.waitFor(/reminder due for Ann Lee: Worker reminder last/, 60_000);
    const deliveries = hub.output().split('\n').filter((line) => line.includes('reminder due for Ann Lee: Worker reminder'));
    for (const id of ids) expect(deliveries.filter((line) => line.includes(id))).toHaveLength(1);
    expect(deliveries.every((line) => line.includes('"worker":1'))).toBe(true);
  }, 120_000);

  it.skipIf(!available)('replaces a worker that is killed, and stops every worker on SIGTERM', async () => {
    const primary = hub.process.pid as number;
    const before = childrenOf(primary);
    expect(before).toHaveLength(2);
    process.kill(before[1] as number, 'SIGKILL');
    await hub.waitFor(/worker \d stopped by SIGKILL; starting another in its place/, 30_000);
    await hub.waitFor(/worker \d is serving again/, 60_000);
    expect(await workersAnswering(port, 2)).toEqual(new Set([1, 2]));
    const after = childrenOf(primary);
    expect(after).toHaveLength(2);
    expect(after).not.toContain(before[1]);

    expect(await hub.stop()).toBe(0);
    expect(childrenOf(primary)).toEqual([]);
    for (const pid of after) expect(() => process.kill(pid, 0)).toThrow();
  }, 120_000);
});

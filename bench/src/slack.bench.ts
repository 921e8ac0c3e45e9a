import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { createServices, systemClock, TimeOrderedIds } from '@rapport/core';
import { signedForm, slashCommand } from '@rapport/slack-app/testing';
import { ADMIN_EMAIL } from './generate/generate.js';
import { lookupQueries } from './generate/queries.js';
import { percentile } from './measure.js';
import type { BenchOptions } from './options.js';
import type { Report } from './report.js';
import { spawnUntil, stop } from './support/child.js';
import { sqliteDataset, sqliteFile } from './support/datasets.js';
import { runPostLoad, type PostLoadResult } from './support/post-load.js';

const BENCH = 'slack';
const SECRET = 'bench-signing-secret';
const SLACK_USER = 'U0BENCH';
/** A tenth of the 3 s Slack waits for an acknowledgement. */
const ACK_P99_TARGET_MS = 300;

/** The benchmark's admin answers as Slack user U0BENCH. */
async function prepare(options: BenchOptions): Promise<void> {
  const dataset = await sqliteDataset(options.size, { fresh: options.fresh });
  try {
    const services = createServices({ store: dataset.store, clock: systemClock, ids: new TimeOrderedIds() });
    const admin = await services.users.findByEmail(ADMIN_EMAIL);
    if (!admin) throw new Error(`The dataset has no ${ADMIN_EMAIL}`);
    await services.users.update(null, admin.id, { identities: { slackUserId: SLACK_USER } });
  } finally {
    await dataset.close();
  }
}

/**
 * Slack's side, for the benchmark (Slack cannot be reached from here): auth.test for the app's
 * identity, and the response_url every /crm reply is posted to, noting when each arrives.
 */
interface SlackSide {
  server: Server;
  url: string;
  replies: Map<number, number>;
  busy: Set<number>;
  /** Resolves when the reply to request `n` has arrived (or after `timeoutMs`). */
  reply(n: number, timeoutMs: number): Promise<void>;
}

async function slackStandIn(): Promise<SlackSide> {
  const replies = new Map<number, number>();
  const busy = new Set<number>();
  const waiting = new Map<number, () => void>();
  const server = createServer((req, res) => {
    const path = req.url ?? '';
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString('utf8');
    });
    req.on('end', () => {
      const reply = /^\/response\/(\d+)$/.exec(path);
      if (reply) {
        const n = Number(reply[1]);
        replies.set(n, performance.now());
        if (body.includes('very busy')) busy.add(n);
        waiting.get(n)?.();
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(path.endsWith('auth.test') ? JSON.stringify({ ok: true, user_id: 'U0BOT', bot_id: 'B0BOT', team_id: 'T0BENCH' }) : '{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const reply = (n: number, timeoutMs: number) =>
    replies.has(n)
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          const timer = setTimeout(done, timeoutMs);
          function done() {
            clearTimeout(timer);
            waiting.delete(n);
            resolve();
          }
          waiting.set(n, done);
        });
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, replies, busy, reply };
}

function warnOnFailures(label: string, result: PostLoadResult): void {
  const failures = Object.entries(result.failures);
  if (failures.length > 0) console.log(`  ! ${label}: non-200 responses ${failures.map(([status, n]) => `${n} × ${status}`).join(', ')}`);
}

/**
 * Signed `/crm find` requests at `connections` concurrent connections against a hub on the
 * generated dataset, next to a no-op POST route on the same hub: how fast Slack gets its
 * acknowledgement, how long until the card is posted back, and throughput as a ratio. Each
 * connection acts as a person, sending the next command once the previous card is back.
 */
export async function slackBench(options: BenchOptions, report: Report): Promise<void> {
  await prepare(options);
  const slack = await slackStandIn();
  const script = fileURLToPath(new URL('./support/slack-hub-process.js', import.meta.url));
  const { child, value: url } = await spawnUntil(process.execPath, [script, sqliteFile(options.size), `${slack.url}/api/`, SECRET], {}, (line) => {
    try {
      return (JSON.parse(line) as { url?: string }).url ?? null;
    } catch {
      return null;
    }
  });
  try {
    const queries = lookupQueries(options.size).names;
    const seconds = Math.max(options.seconds, 5);
    const load = { url, connections: options.connections, seconds, warmupSeconds: 2 };
    const command = (n: number) => signedForm(SECRET, slashCommand({ id: SLACK_USER }, `find ${queries[n % queries.length] ?? 'acme'}`, `${slack.url}/response/${n}`));
    console.log(`\nHub on SQLite (${options.size.name} dataset) at ${url}, ${options.connections} connections, ${seconds} s per run:`);

    const noop = await runPostLoad({ ...load, path: '/bench/noop', request: command });
    warnOnFailures('no-op', noop);
    report.figure({ bench: BENCH, name: 'no-op POST: throughput', value: noop.perSecond, unit: 'req/s' });

    // Each connection is a person: they send /crm find, and type the next one once the card is back.
    const sent = new Map<number, number>();
    const find = await runPostLoad({
      ...load,
      path: '/slack/events',
      request: command,
      onSent: (n, at, measured) => void (measured && sent.set(n, at)),
      afterResponse: (n) => slack.reply(n, 30_000),
    });
    warnOnFailures('/crm find', find);
    // Replies still on their way when the run ends are waited for (up to 30 s).
    const deadline = performance.now() + 30_000;
    while ([...sent.keys()].some((n) => !slack.replies.has(n)) && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const cards = [...sent].filter(([n]) => slack.replies.has(n) && !slack.busy.has(n));
    const replyLatencies = cards.map(([n, at]) => (slack.replies.get(n) ?? at) - at).sort((a, b) => a - b);
    const lastCard = Math.max(...cards.map(([n]) => slack.replies.get(n) ?? 0));
    const firstSent = Math.min(...cards.map(([, at]) => at));

    report.figure({ bench: BENCH, name: '/crm find: acknowledgements', value: find.perSecond, unit: 'req/s' });
    report.figure({ bench: BENCH, name: '/crm find: ack p50', value: find.p50, unit: 'ms' });
    report.figure({ bench: BENCH, name: '/crm find: ack p99', value: find.p99, unit: 'ms', target: { op: '<=', value: ACK_P99_TARGET_MS } });
    report.figure({ bench: BENCH, name: '/crm find: card posted back p50', value: percentile(replyLatencies, 0.5), unit: 'ms' });
    report.figure({ bench: BENCH, name: '/crm find: card posted back p99', value: percentile(replyLatencies, 0.99), unit: 'ms' });
    report.figure({ bench: BENCH, name: '/crm find: cards posted back', value: (cards.length / Math.max(1, sent.size)) * 100, unit: '%' });
    report.figure({ bench: BENCH, name: '/crm find: answered "busy, try again"', value: (slack.busy.size / Math.max(1, sent.size)) * 100, unit: '%' });
    report.figure({ bench: BENCH, name: '/crm find: cards posted back per second', value: cards.length / Math.max(0.001, (lastCard - firstSent) / 1000), unit: 'req/s' });
    report.ratio({ bench: BENCH, name: '/crm find ÷ no-op POST throughput (acks)', value: find.perSecond / noop.perSecond });
    report.ratio({ bench: BENCH, name: '/crm find ÷ no-op POST throughput (cards posted back)', value: cards.length / Math.max(0.001, (lastCard - firstSent) / 1000) / noop.perSecond });
  } finally {
    await stop(child);
    await new Promise<void>((resolve) => slack.server.close(() => resolve()));
  }
}

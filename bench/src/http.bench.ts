import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lookupQueries } from './generate/queries.js';
import type { BenchOptions } from './options.js';
import type { Report } from './report.js';
import { adminToken } from './support/admin-token.js';
import { spawnUntil, stop } from './support/child.js';
import { sqliteFile } from './support/datasets.js';
import { runLoad, type LoadResult } from './support/load.js';
import { freePort } from './support/ports.js';

const BENCH = 'http';
const P99_TARGET_MS = 15;
const RATIO_TARGET = 0.4;

function warnOnFailures(label: string, result: LoadResult): void {
  const failures = Object.entries(result.failures);
  if (failures.length > 0) console.log(`  ! ${label}: non-200 responses ${failures.map(([status, n]) => `${n} × ${status}`).join(', ')}`);
}

/**
 * GET /api/v1/lookup at `connections` concurrent keep-alive connections against a hub on
 * SQLite in its own process, next to a no-op route on the same hub in the same run.
 */
export async function httpBench(options: BenchOptions, report: Report): Promise<void> {
  const secret = await adminToken(options, 'bench http');
  const queries = lookupQueries(options.size);
  const script = fileURLToPath(new URL('./support/hub-process.js', import.meta.url));
  const { child, value: url } = await spawnUntil(process.execPath, [script, sqliteFile(options.size)], {}, (line) => {
    try {
      return (JSON.parse(line) as { url?: string }).url ?? null;
    } catch {
      return null;
    }
  });
  try {
    const load = { url, connections: options.connections, seconds: Math.max(options.seconds, 5), warmupSeconds: 2 };
    const auth = { authorization: `Bearer ${secret}` };
    console.log(`\nHub on SQLite (${options.size.name} dataset) at ${url}, ${options.connections} connections, ${load.seconds} s per run:`);
    const noop = await runLoad({ ...load, path: () => '/bench/noop' });
    warnOnFailures('no-op', noop);
    report.figure({ bench: BENCH, name: 'no-op route: throughput', value: noop.perSecond, unit: 'req/s' });
    report.figure({ bench: BENCH, name: 'no-op route: p99', value: noop.p99, unit: 'ms' });
    const runs: Array<[string, string[]]> = [
      ['lookup by email', queries.emails],
      ['lookup by name prefix', queries.names],
    ];
    for (const [label, list] of runs) {
      const result = await runLoad({ ...load, headers: auth, path: (n) => `/api/v1/lookup?q=${encodeURIComponent(list[n % list.length] ?? '')}` });
      warnOnFailures(label, result);
      report.figure({ bench: BENCH, name: `${label}: throughput`, value: result.perSecond, unit: 'req/s' });
      report.figure({ bench: BENCH, name: `${label}: p50`, value: result.p50, unit: 'ms' });
      report.figure({ bench: BENCH, name: `${label}: p99`, value: result.p99, unit: 'ms', target: { op: '<=', value: P99_TARGET_MS } });
      report.ratio({ bench: BENCH, name: `${label} ÷ no-op throughput`, value: result.perSecond / noop.perSecond, target: { op: '>=', value: RATIO_TARGET } });
    }
  } finally {
    await stop(child);
  }
  await workersRatio(options, report, secret, queries.emails);
}

/** Lookup by email against `rapport serve` itself with RAPPORT_WORKERS=1, then 2: what the second process buys. */
async function workersRatio(options: BenchOptions, report: Report, secret: string, emails: string[]): Promise<void> {
  const cli = fileURLToPath(new URL('../../server/dist/bin/rapport.js', import.meta.url));
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-bench-workers-'));
  const perSecond: number[] = [];
  try {
    for (const workers of [1, 2]) {
      const port = await freePort();
      const env = { ...process.env, DATABASE_URL: `sqlite:${sqliteFile(options.size)}`, RAPPORT_DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: String(port), RAPPORT_WORKERS: String(workers), RAPPORT_DEMO: '0', RAPPORT_SCHEDULER: '0', RAPPORT_LOG_LEVEL: 'warn' };
      const { child } = await spawnUntil(process.execPath, [cli, 'serve'], { env }, (line) => (line.includes('Rapport hub') ? true : null));
      try {
        const result = await runLoad({ url: `http://127.0.0.1:${port}`, connections: options.connections, seconds: Math.max(options.seconds, 5), warmupSeconds: 2, headers: { authorization: `Bearer ${secret}` }, path: (n) => `/api/v1/lookup?q=${encodeURIComponent(emails[n % emails.length] ?? '')}` });
        warnOnFailures(`lookup by email, ${workers} worker(s)`, result);
        report.figure({ bench: BENCH, name: `rapport serve, RAPPORT_WORKERS=${workers}: lookup by email throughput`, value: result.perSecond, unit: 'req/s' });
        perSecond.push(result.perSecond);
      } finally {
        await stop(child);
      }
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  report.ratio({ bench: BENCH, name: 'lookup by email: RAPPORT_WORKERS=2 ÷ RAPPORT_WORKERS=1 throughput', value: (perSecond[1] ?? 0) / (perSecond[0] ?? 1) });
}

import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { BenchOptions } from './options.js';
import type { Report } from './report.js';
import { spawnUntil, stop } from './support/child.js';

const BENCH = 'startup';
const RAPPORT = fileURLToPath(new URL('../../server/dist/bin/rapport.js', import.meta.url));
/** What `pnpm start` runs: the hub bundled by server/scripts/bundle-hub.mjs, and the Teams tab build. */
const BUNDLED = fileURLToPath(new URL('../../server/dist/start/rapport.js', import.meta.url));
const BUNDLE_SCRIPT = fileURLToPath(new URL('../../server/scripts/bundle-hub.mjs', import.meta.url));
const TAB_SCRIPT = fileURLToPath(new URL('../../teams-app/scripts/build.mjs', import.meta.url));
const START_TARGET_S = 2;
const RSS_TARGET_MB = 150;
const SEED_TARGET_S = 60;
/** Seeding the demo company may take this many empty-hub cold starts. */
const SEED_RATIO_TARGET = 5;
/** A new user's first `rapport serve` (it seeds the demo company) must answer within this, after the build. */
const FIRST_START_TARGET_S = 30;
/** Starts per case; the median is reported, as single starts are noisy. */
const STARTS = 3;
const IDLE_MS = 3_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

/** Settings for a one-process hub on SQLite in `dataDir` (its memory is then the hub's), whatever the caller's environment says. */
function hubEnv(dataDir: string, demo: boolean): NodeJS.ProcessEnv {
  return { ...process.env, RAPPORT_DATA_DIR: dataDir, DATABASE_URL: '', PORT: '0', HOST: '127.0.0.1', RAPPORT_DEMO: demo ? '1' : '0', RAPPORT_LOG_LEVEL: 'warn', RAPPORT_WORKERS: '1' };
}

/** Resident memory of a process in MB (Linux /proc, else ps). */
async function rssMb(pid: number): Promise<number> {
  const status = `/proc/${pid}/status`;
  if (existsSync(status)) {
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(status, 'utf8'))?.[1];
    if (kb) return Number(kb) / 1024;
  }
  const { stdout } = await promisify(execFile)('ps', ['-o', 'rss=', '-p', String(pid)]);
  return Number(stdout.trim()) / 1024;
}

/** `rapport serve` from spawn to the first 200 from /health, then its memory after sitting idle. */
async function startOnce(dataDir: string, demo: boolean, cli = RAPPORT): Promise<{ seconds: number; rss: number }> {
  const began = performance.now();
  const { child, value: health } = await spawnUntil(process.execPath, [cli, 'serve'], { env: hubEnv(dataDir, demo), cwd: dataDir }, (line) => /^\s*Health\s+(\S+)/.exec(line)?.[1] ?? null);
  try {
    for (;;) {
      const ok = await fetch(health).then((r) => r.ok, () => false);
      if (ok) break;
      await sleep(10);
    }
    const seconds = (performance.now() - began) / 1000;
    await sleep(IDLE_MS);
    return { seconds, rss: await rssMb(child.pid ?? 0) };
  } finally {
    await stop(child);
  }
}

/** Reports the median start and idle memory of `STARTS` starts; returns the median start in seconds. */
async function measureStarts(label: string, dataDir: string, demo: boolean, report: Report): Promise<number> {
  const runs: Array<{ seconds: number; rss: number }> = [];
  for (let i = 0; i < STARTS; i += 1) runs.push(await startOnce(dataDir, demo));
  const start = median(runs.map((r) => r.seconds));
  report.figure({ bench: BENCH, name: `${label}: start to healthy (median of ${STARTS})`, value: start, unit: 's', target: { op: '<=', value: START_TARGET_S } });
  report.figure({ bench: BENCH, name: `${label}: idle RSS`, value: median(runs.map((r) => r.rss)), unit: 'MB', target: { op: '<=', value: RSS_TARGET_MB } });
  return start;
}

/**
 * What a fresh clone's `pnpm start` does once installed: bundle the hub and build the Teams tab
 * (neither built before), then `rapport serve` on a fresh data folder, seeding the demo company;
 * seconds from the first build step to the first 200 from /health.
 */
async function firstStartAfterInstall(): Promise<number> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rapport-bench-clone-'));
  rmSync(fileURLToPath(new URL('../../server/dist/start', import.meta.url)), { recursive: true, force: true });
  rmSync(fileURLToPath(new URL('../../teams-app/dist/tab', import.meta.url)), { recursive: true, force: true });
  const began = performance.now();
  await promisify(execFile)(process.execPath, [BUNDLE_SCRIPT]);
  await promisify(execFile)(process.execPath, [TAB_SCRIPT]);
  const built = (performance.now() - began) / 1000;
  try {
    const { seconds } = await startOnce(dataDir, true, BUNDLED);
    return built + seconds;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * `rapport serve` cold starts on SQLite: with an empty data folder (RAPPORT_DEMO=0), and with
 * the full demo company already seeded, which `rapport seed --demo` does first (and is timed).
 * Last, a new user's first start: `rapport serve` on a fresh data folder, seeding the demo
 * company before it answers (what `pnpm start` does once its build is done).
 */
export async function startupBench(_options: BenchOptions, report: Report): Promise<void> {
  if (!existsSync(RAPPORT)) throw new Error(`${RAPPORT} is missing: run pnpm build first.`);
  const empty = mkdtempSync(join(tmpdir(), 'rapport-bench-start-'));
  const seeded = mkdtempSync(join(tmpdir(), 'rapport-bench-demo-'));
  const first = mkdtempSync(join(tmpdir(), 'rapport-bench-first-'));
  try {
    const coldStart = await measureStarts('empty database', empty, false, report);
    const began = performance.now();
    await promisify(execFile)(process.execPath, [RAPPORT, 'seed', '--demo'], { env: hubEnv(seeded, true), cwd: seeded, maxBuffer: 16 * 1024 * 1024 });
    const seedSeconds = (performance.now() - began) / 1000;
    report.figure({ bench: BENCH, name: 'rapport seed --demo (full size)', value: seedSeconds, unit: 's', target: { op: '<=', value: SEED_TARGET_S } });
    report.ratio({ bench: BENCH, name: 'seed --demo ÷ empty hub cold start', value: seedSeconds / coldStart, target: { op: '<=', value: SEED_RATIO_TARGET } });
    await measureStarts('demo company seeded', seeded, true, report);
    const { seconds } = await startOnce(first, true);
    report.figure({ bench: BENCH, name: 'first start: fresh data folder, demo company seeded, to healthy', value: seconds, unit: 's', target: { op: '<=', value: FIRST_START_TARGET_S } });
    report.figure({ bench: BENCH, name: 'first pnpm start after install: bundle the hub, build the Teams tab, seed, to healthy', value: await firstStartAfterInstall(), unit: 's', target: { op: '<=', value: FIRST_START_TARGET_S } });
  } finally {
    rmSync(empty, { recursive: true, force: true });
    rmSync(seeded, { recursive: true, force: true });
    rmSync(first, { recursive: true, force: true });
  }
}

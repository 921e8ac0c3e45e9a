import { createServices, ManualClock, TimeOrderedIds, type Actor, type Services, type AnalyticsStore } from '@rapport/core';
import { createPostgresStore } from '@rapport/sql';
import { createTestDatabase, openRawConnection, type RawConnection } from '@rapport/sql/testing';
import { ADMIN_EMAIL, generateDataset } from './generate/generate.js';
import { datasetSize, type DatasetSize } from './generate/sizes.js';
import type { BenchOptions } from './options.js';
import type { Report } from './report.js';
import { ANALYTICS_ENDPOINTS, REPORT_DAY, type Baseline } from './support/analytics-endpoints.js';
import { sqliteDataset, sqliteFile } from './support/datasets.js';
import { findPostgres, type PostgresServer } from './support/postgres.js';

const BENCH = 'analytics';
/** Each endpoint's query, in process, on the 100k dataset. */
const TARGET_MS = 200;
/**
 * The data grows 10× from the small size to the large one. A linear query grows 10×; one that
 * sorts or walks B-trees n log n, 10 × log(100k) / log(10k) = 12.5×; anything worse grows faster.
 */
const N_LOG_N = (10 * Math.log(100_000)) / Math.log(10_000);
/** Measured calls per figure (after one warm-up call), and the time a figure may take at most. */
const CALLS = 7;
const BUDGET_MS = 6_000;

interface Opened {
  store: AnalyticsStore;
  raw: RawConnection;
  where: string;
  close(): Promise<void>;
}

/** Median duration of `work`: one warm-up call, then up to CALLS calls within the budget (at least three). */
async function medianMs(work: () => Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  const started = performance.now();
  while (times.length < CALLS && (times.length < 3 || performance.now() - started < BUDGET_MS)) {
    const t = performance.now();
    await work();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

const readRows = async (raw: RawConnection, baselines: readonly Baseline[]): Promise<number> => {
  let rows = 0;
  for (const b of baselines) rows += (await raw.all(b.text, b.params)).length;
  return rows;
};

/** Times every endpoint on one dataset; returns the medians by endpoint. */
async function measure(engine: string, size: DatasetSize, opened: Opened, report: Report): Promise<Map<string, number>> {
  const clock = new ManualClock(`${REPORT_DAY}T00:00:00.000Z`);
  const services: Services = createServices({ store: opened.store, clock, ids: new TimeOrderedIds(() => clock.now().getTime()) });
  const admin = await services.users.findByEmail(ADMIN_EMAIL);
  if (!admin) throw new Error(`The ${engine} dataset has no ${ADMIN_EMAIL}`);
  const actor: Actor = { user: admin, surface: 'api' };
  const pipelineId = (await opened.store.read((uow) => uow.pipelines.getDefault()))?.id ?? '';
  const existing = (await services.analytics.campaigns.list(actor, { limit: 1 })).items[0];
  const campaignId = existing?.id ?? (await services.analytics.campaigns.create(actor, { name: 'Benchmark campaign', cost: { minor: 1_000_000, currency: 'USD' }, startDate: '2026-01-01' })).id;
  const ids = { pipelineId, campaignId };
  const label = `${engine}, ${size.name} deals`;
  console.log(`\n${label} (${opened.where}):`);
  const medians = new Map<string, number>();
  for (const endpoint of ANALYTICS_ENDPOINTS) {
    const ms = await medianMs(() => endpoint.run(services, actor, ids));
    const baseline = endpoint.baseline(ids);
    const rows = await readRows(opened.raw, baseline);
    const readMs = await medianMs(() => readRows(opened.raw, baseline));
    medians.set(endpoint.name, ms);
    report.figure({ bench: BENCH, name: `${endpoint.name}, ${label}`, value: ms, unit: 'ms', ...(size.name === '100k' ? { target: { op: '<=' as const, value: TARGET_MS } } : {}) });
    report.ratio({ bench: BENCH, name: `${endpoint.name}, ${label}: ÷ reading its ${rows.toLocaleString('en-US')} rows (${readMs.toFixed(1)} ms)`, value: ms / readMs });
  }
  return medians;
}

async function onSqlite(size: DatasetSize, fresh: boolean): Promise<Opened> {
  const dataset = await sqliteDataset(size, { fresh });
  const raw = await openRawConnection({ sqliteFile: sqliteFile(size) });
  return {
    store: dataset.store,
    raw,
    where: `${dataset.where}${dataset.generatedSeconds !== null ? `, generated in ${dataset.generatedSeconds.toFixed(0)} s` : ', cached'}`,
    async close() {
      await raw.close();
      await dataset.close();
    },
  };
}

async function onPostgres(server: PostgresServer, size: DatasetSize): Promise<Opened> {
  const database = await createTestDatabase(server.adminUrl, { prefix: 'rapport_bench_analytics' });
  const store = await createPostgresStore({ url: database.url });
  process.stderr.write(`  Generating the ${size.name} dataset (${size.activities.toLocaleString('en-US')} activities) on PostgreSQL…\n`);
  const started = performance.now();
  await generateDataset(store, size, (what, done, total) => {
    if (done === total || done % 100_000 === 0) process.stderr.write(`    ${what}: ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')}\n`);
  });
  const raw = await openRawConnection({ postgresUrl: database.url });
  // What autovacuum does after a bulk load: planner statistics, and the visibility map index-only scans rely on.
  await raw.all('VACUUM ANALYZE');
  return {
    store,
    raw,
    where: `PostgreSQL, ${server.origin}, generated in ${((performance.now() - started) / 1000).toFixed(0)} s`,
    async close() {
      await raw.close();
      await store.close();
      await database.drop();
    },
  };
}

function growth(engine: string, small: Map<string, number>, large: Map<string, number>, report: Report): void {
  for (const [name, ms] of large) {
    const before = small.get(name);
    if (before !== undefined) report.ratio({ bench: BENCH, name: `${name}, ${engine}: 100k ÷ 10k deals (data 10×)`, value: ms / before, target: { op: '<=', value: N_LOG_N } });
  }
}

/**
 * Every analytics endpoint's query (the core service call, in process) on SQLite and
 * PostgreSQL, at 10k deals (100k activities) and 100k deals (1M activities, or --activities),
 * each beside the time to read the same rows without aggregation, and how each grows 10k → 100k.
 */
export async function analyticsBench(options: BenchOptions, report: Report): Promise<void> {
  // Without --activities: 1M at 100k deals. With it: that many at the size given.
  const given = options.size.activities !== datasetSize(options.size.name).activities;
  const large = !given ? 1_000_000 : options.size.name === '100k' ? options.size.activities : options.size.activities * 10;
  const sizes = [datasetSize('10k', Math.round(large / 10)), datasetSize('100k', large)] as const;
  const medians: Record<string, Map<string, number>[]> = { SQLite: [], PostgreSQL: [] };
  for (const size of sizes) {
    const opened = await onSqlite(size, options.fresh);
    try {
      medians.SQLite?.push(await measure('SQLite', size, opened, report));
    } finally {
      await opened.close();
    }
  }
  growth('SQLite', medians.SQLite?.[0] ?? new Map(), medians.SQLite?.[1] ?? new Map(), report);
  if (options.sqliteOnly) return;
  const server = await findPostgres();
  if (!server) {
    console.log('\nPostgreSQL: skipped (set RAPPORT_BENCH_DATABASE_URL or install the postgresql server package).');
    return;
  }
  try {
    for (const size of sizes) {
      const opened = await onPostgres(server, size);
      try {
        medians.PostgreSQL?.push(await measure('PostgreSQL', size, opened, report));
      } finally {
        await opened.close();
      }
    }
  } finally {
    await server.stop();
  }
  growth('PostgreSQL', medians.PostgreSQL?.[0] ?? new Map(), medians.PostgreSQL?.[1] ?? new Map(), report);
}

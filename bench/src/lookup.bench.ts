import { createServices, systemClock, TimeOrderedIds, type Actor, type Services } from '@rapport/core';
import { ADMIN_EMAIL } from './generate/generate.js';
import { lookupQueries, type LookupQueries } from './generate/queries.js';
import { measureSequential, type LatencyStats } from './measure.js';
import type { BenchOptions } from './options.js';
import type { Report } from './report.js';
import { postgresDataset, sqliteDataset, type Dataset } from './support/datasets.js';

const BENCH = 'lookup';

/** Budgets for one in-process lookup, leaving room in the 15 ms HTTP p99 for auth, JSON and the network. */
const EMAIL_P99_MS = 5;
const NAME_P99_MS = 10;

interface EngineFigures {
  email: LatencyStats;
  name: LatencyStats;
  auth: LatencyStats;
}

async function measureEngine(engine: string, dataset: Dataset, queries: LookupQueries, options: BenchOptions, report: Report): Promise<EngineFigures> {
  const services: Services = createServices({ store: dataset.store, clock: systemClock, ids: new TimeOrderedIds() });
  const admin = await services.users.findByEmail(ADMIN_EMAIL);
  if (!admin) throw new Error(`The ${engine} dataset has no ${ADMIN_EMAIL}`);
  const actor: Actor = { user: admin, surface: 'api' };
  // A lookup that finds nothing would measure the wrong thing.
  for (const email of queries.emails.slice(0, 20)) {
    const found = await services.lookup.lookup(actor, email);
    if (!found.some((m) => m.kind === 'contact' && m.contact.emails.includes(email))) throw new Error(`${engine}: looking up ${email} did not find its contact`);
  }
  const { secret } = await services.tokens.create(null, admin.id, 'bench');
  const seconds = options.seconds;
  console.log(`\n${engine} (${dataset.where}${dataset.generatedSeconds !== null ? `, generated in ${dataset.generatedSeconds.toFixed(0)} s` : ', cached'}):`);
  const email = await measureSequential((n) => services.lookup.lookup(actor, queries.emails[n % queries.emails.length] ?? ''), { seconds });
  const name = await measureSequential((n) => services.lookup.lookup(actor, queries.names[n % queries.names.length] ?? ''), { seconds });
  const auth = await measureSequential(() => services.tokens.authenticate(secret), { seconds: Math.min(seconds, 2) });
  const figure = (label: string, stats: LatencyStats, p99Target: number) => {
    report.figure({ bench: BENCH, name: `${label}, ${engine}: throughput`, value: stats.perSecond, unit: 'ops/s' });
    report.figure({ bench: BENCH, name: `${label}, ${engine}: p50`, value: stats.p50, unit: 'ms' });
    report.figure({ bench: BENCH, name: `${label}, ${engine}: p99`, value: stats.p99, unit: 'ms', target: { op: '<=', value: p99Target } });
  };
  figure('by email', email, EMAIL_P99_MS);
  figure('by name prefix', name, NAME_P99_MS);
  report.figure({ bench: BENCH, name: `token check, ${engine}: p50`, value: auth.p50, unit: 'ms' });
  return { email, name, auth };
}

/**
 * services.lookup.lookup in-process, one call at a time, by exact email and by name prefix,
 * on SQLite and on PostgreSQL, with the PostgreSQL ÷ SQLite throughput ratios.
 */
export async function lookupBench(options: BenchOptions, report: Report): Promise<void> {
  const queries = lookupQueries(options.size);
  const sqlite = await sqliteDataset(options.size, { fresh: options.fresh });
  let onSqlite: EngineFigures;
  try {
    onSqlite = await measureEngine('SQLite', sqlite, queries, options, report);
  } finally {
    await sqlite.close();
  }
  if (options.sqliteOnly) return;
  const postgres = await postgresDataset(options.size);
  if (!postgres) {
    console.log('\nPostgreSQL: skipped (set RAPPORT_BENCH_DATABASE_URL or install the postgresql server package).');
    return;
  }
  try {
    const onPostgres = await measureEngine('PostgreSQL', postgres, queries, options, report);
    report.ratio({ bench: BENCH, name: 'by email: PostgreSQL ÷ SQLite throughput', value: onPostgres.email.perSecond / onSqlite.email.perSecond });
    report.ratio({ bench: BENCH, name: 'by name prefix: PostgreSQL ÷ SQLite throughput', value: onPostgres.name.perSecond / onSqlite.name.perSecond });
  } finally {
    await postgres.close();
  }
}

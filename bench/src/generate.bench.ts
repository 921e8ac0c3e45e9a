import type { BenchOptions } from './options.js';
import type { Report } from './report.js';
import { postgresDataset, sqliteDataset } from './support/datasets.js';

const BENCH = 'generate';

/**
 * Builds the dataset of the chosen size on SQLite (kept for later runs) and, unless
 * --sqlite-only, copies it into PostgreSQL with COPY (dropped afterwards), and prints how long each took.
 */
export async function generateBench(options: BenchOptions, report: Report): Promise<void> {
  const { size } = options;
  console.log(`\n${size.accounts.toLocaleString('en-US')} accounts, ${size.contacts.toLocaleString('en-US')} contacts, ${size.deals.toLocaleString('en-US')} deals, ${size.activities.toLocaleString('en-US')} activities`);
  const sqlite = await sqliteDataset(size, { fresh: true });
  await sqlite.close();
  report.figure({ bench: BENCH, name: `${size.name} dataset on SQLite`, value: sqlite.generatedSeconds ?? 0, unit: 's' });
  if (options.sqliteOnly) return;
  const postgres = await postgresDataset(size);
  if (!postgres) {
    console.log('PostgreSQL: skipped (set RAPPORT_BENCH_DATABASE_URL or install the postgresql server package).');
    return;
  }
  await postgres.close();
  report.figure({ bench: BENCH, name: `${size.name} dataset copied into PostgreSQL (COPY)`, value: postgres.generatedSeconds ?? 0, unit: 's' });
}

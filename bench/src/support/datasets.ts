import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnalyticsStore } from '@rapport/core';
import { createPostgresStore, createSqliteStore } from '@rapport/sql';
import { createTestDatabase } from '@rapport/sql/testing';
import { generateDataset, GENERATOR_VERSION, hasDataset, type Progress } from '../generate/generate.js';
import type { DatasetSize } from '../generate/sizes.js';
import { findPostgres } from './postgres.js';
import { copySqliteToPostgres } from './postgres-copy.js';

export interface Dataset {
  store: AnalyticsStore;
  /** How long generating took, or null when a cached dataset was reused. */
  generatedSeconds: number | null;
  /** Where the data is, for the report. */
  where: string;
  close(): Promise<void>;
}

const log: Progress = (what, done, total) => {
  if (done === total || done % 20_000 === 0) process.stderr.write(`    ${what}: ${done.toLocaleString('en-US')} / ${total.toLocaleString('en-US')}\n`);
};

/** Where a generated SQLite dataset is cached between runs. */
export const sqliteFile = (size: DatasetSize): string =>
  join(tmpdir(), `rapport-bench-${size.name}-${size.activities}-v${GENERATOR_VERSION}.sqlite`);

/** The generated dataset on SQLite, reused from an earlier run when it is there (unless `fresh`). */
export async function sqliteDataset(size: DatasetSize, options: { fresh?: boolean } = {}): Promise<Dataset> {
  const file = sqliteFile(size);
  if (options.fresh) for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  let store = await createSqliteStore({ file });
  let generatedSeconds: number | null = null;
  if (!(await hasDataset(store, size))) {
    await store.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
    store = await createSqliteStore({ file });
    process.stderr.write(`  Generating the ${size.name} dataset on SQLite (${file})…\n`);
    const started = performance.now();
    await generateDataset(store, size, log);
    generatedSeconds = (performance.now() - started) / 1000;
  }
  return { store, generatedSeconds, where: `SQLite ${file}`, close: () => store.close() };
}

/**
 * The generated dataset in a new database on PostgreSQL, dropped on close; null when no server
 * is at hand. The records are those of the SQLite dataset (generated first, or reused from the
 * cache), copied in with COPY: minutes of row-by-row inserts become seconds.
 */
export async function postgresDataset(size: DatasetSize): Promise<Dataset | null> {
  const server = await findPostgres();
  if (!server) return null;
  const sqlite = await sqliteDataset(size);
  await sqlite.close();
  const database = await createTestDatabase(server.adminUrl, { prefix: 'rapport_bench' });
  const store = await createPostgresStore({ url: database.url });
  process.stderr.write(`  Copying the ${size.name} dataset into PostgreSQL (${server.origin})…\n`);
  const started = performance.now();
  const rows = await copySqliteToPostgres(sqliteFile(size), database.url);
  const generatedSeconds = (performance.now() - started) / 1000;
  process.stderr.write(`    ${rows.toLocaleString('en-US')} rows in ${generatedSeconds.toFixed(1)} s\n`);
  return {
    store,
    generatedSeconds,
    where: `PostgreSQL, ${server.origin}`,
    async close() {
      await store.close();
      await database.drop();
      await server.stop();
    },
  };
}

import type { TestProject } from 'vitest/node';
import { startPostgres, type RunningPostgres } from './postgres-server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of a PostgreSQL server for tests, or null when none is available. */
    postgresUrl: string | null;
  }
}

let server: RunningPostgres | null = null;

/**
 * Finds PostgreSQL for the test run: RAPPORT_TEST_DATABASE_URL when set, else a throw-away
 * cluster started from the installed server binaries. Without either, PostgreSQL suites
 * are skipped locally and fail under CI.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  let url = process.env.RAPPORT_TEST_DATABASE_URL ?? null;
  if (!url) {
    server = await startPostgres();
    url = server?.url ?? null;
  }
  if (!url) {
    const message = 'PostgreSQL not found (set RAPPORT_TEST_DATABASE_URL or install postgresql): PostgreSQL suites will be skipped.';
    if (process.env.CI) throw new Error(message.replace('will be skipped', 'are required under CI'));
    console.warn(`\n⚠ ${message}\n`);
  }
  project.provide('postgresUrl', url);
  return async () => {
    await server?.stop();
  };
}

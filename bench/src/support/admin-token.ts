import { createServices, systemClock, TimeOrderedIds } from '@rapport/core';
import { ADMIN_EMAIL } from '../generate/generate.js';
import type { BenchOptions } from '../options.js';
import { sqliteDataset } from './datasets.js';

/**
 * A token for the generated admin (whose reads cover everyone's records), made in the cached
 * SQLite dataset before a benchmark's hub process opens the file.
 */
export async function adminToken(options: BenchOptions, label: string): Promise<string> {
  const dataset = await sqliteDataset(options.size, { fresh: options.fresh });
  try {
    const services = createServices({ store: dataset.store, clock: systemClock, ids: new TimeOrderedIds() });
    const admin = await services.users.findByEmail(ADMIN_EMAIL);
    if (!admin) throw new Error(`The dataset has no ${ADMIN_EMAIL}`);
    return (await services.tokens.create(null, admin.id, label)).secret;
  } finally {
    await dataset.close();
  }
}

import { CrmError } from '@rapport/core';
import { sql } from 'kysely';
import type { Migration } from './migration.js';

/**
 * One user per email address, guarded by the database too: two hubs adding the same person at
 * once cannot both succeed. Addresses are stored lower-cased, so a plain unique index does it.
 * A database that already has two users at one address is left as it is, with the addresses to fix.
 */
export const uniqueUserEmails: Migration = {
  version: 7,
  name: 'unique user emails',
  async precheck(db) {
    const shared = await sql<{ email: string; ids: string }>`
      SELECT email, MIN(id) || ', ' || MAX(id) AS ids FROM users GROUP BY email HAVING COUNT(*) > 1 ORDER BY email LIMIT 5`.execute(db);
    if (shared.rows.length === 0) return;
    const list = shared.rows.map((r) => `${r.email} (users ${r.ids})`).join('; ');
    throw new CrmError(
      'unavailable',
      `This database has more than one user at the same email address: ${list}. Rapport now keeps one user per address. ` +
        'Start the previous version of Rapport, give each of them an address of their own (or deactivate the extra one and change its address), then start this one. Nothing was changed.',
      { details: { sharedEmails: shared.rows.map((r) => r.email) } },
    );
  },
  statements: () => ['DROP INDEX users_by_email', 'CREATE UNIQUE INDEX users_by_email ON users (email)'],
};

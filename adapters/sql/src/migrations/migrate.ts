import { CrmError } from '@rapport/core';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { Engine } from '../engine.js';
import { initialSchema } from './001-initial-schema.js';
import { pipelineAnalytics } from './002-pipeline-analytics.js';
import { searchByName } from './003-search-by-name.js';
import { stageTimesByPipeline } from './004-stage-times-by-pipeline.js';
import { activityReportIndexes } from './005-activity-report-indexes.js';
import { closedDealsCovering } from './006-closed-deals-covering.js';
import { uniqueUserEmails } from './007-unique-user-emails.js';
import { stageTimesByDuration } from './008-stage-times-by-duration.js';
import { accountSummaries } from './009-account-summaries.js';
import { searchByTextIndex } from './010-search-by-text-index.js';
import { customFields } from './011-custom-fields.js';
import { editablePipelines } from './012-editable-pipelines.js';
import { exchangeRates } from './013-exchange-rates.js';
import { importJobs } from './014-import-jobs.js';
import { remindersAwaitingReply } from './015-reminders-awaiting-reply.js';
import { searchInNameOrder } from './016-search-in-name-order.js';
import { crmConnectors } from './017-crm-connectors.js';
import { columnTypes } from './column-types.js';
import type { Migration } from './migration.js';

/** Every migration, oldest first. Append only: a released migration never changes. */
export const MIGRATIONS: readonly Migration[] = [initialSchema, pipelineAnalytics, searchByName, stageTimesByPipeline, activityReportIndexes, closedDealsCovering, uniqueUserEmails, stageTimesByDuration, accountSummaries, searchByTextIndex, customFields, editablePipelines, exchangeRates, importJobs, remindersAwaitingReply, searchInNameOrder, crmConnectors];

/** The schema version this code writes: the newest migration's number. */
export const SCHEMA_VERSION = Math.max(...MIGRATIONS.map((m) => m.version));

/** Serializes hubs that start at once against one PostgreSQL database (an arbitrary, fixed key). */
const POSTGRES_MIGRATION_LOCK = 727_160_501;

/**
 * Brings the database up to SCHEMA_VERSION in one transaction, recording each step in
 * `schema_migrations`. Refuses a database a newer Rapport has migrated, before touching it.
 */
export async function migrate(db: Kysely<Database>, kind: Engine['kind']): Promise<void> {
  const types = columnTypes(kind);
  await db.transaction().execute(async (trx) => {
    if (kind === 'postgres') await sql`select pg_advisory_xact_lock(${sql.lit(POSTGRES_MIGRATION_LOCK)})`.execute(trx);
    await sql
      .raw(`CREATE TABLE IF NOT EXISTS schema_migrations (version ${types.int} PRIMARY KEY, name ${types.text} NOT NULL, applied_at ${types.text} NOT NULL)${types.table}`)
      .execute(trx);
    const row = await trx.selectFrom('schema_migrations').select((eb) => eb.fn.max('version').as('version')).executeTakeFirst();
    const current = Number(row?.version ?? 0);
    if (current > SCHEMA_VERSION) throw newerSchema(current);
    for (const migration of MIGRATIONS) {
      if (migration.version <= current) continue;
      await migration.precheck?.(trx, types);
      for (const statement of migration.statements(types)) await sql.raw(statement).execute(trx);
      await migration.backfill?.(trx, types);
      await trx
        .insertInto('schema_migrations')
        .values({ version: migration.version, name: migration.name, applied_at: new Date().toISOString() })
        .execute();
    }
  });
}

function newerSchema(version: number): CrmError {
  return new CrmError(
    'unavailable',
    `This database was last used by a newer Rapport (schema version ${version}; this Rapport knows up to ${SCHEMA_VERSION}). ` +
      'Upgrade Rapport to open it; an older version could lose or damage data.',
    { details: { databaseSchemaVersion: version, supportedSchemaVersion: SCHEMA_VERSION } },
  );
}

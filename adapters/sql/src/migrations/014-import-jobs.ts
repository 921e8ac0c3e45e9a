import type { Migration } from './migration.js';

/**
 * Imports from another CRM: each imported record's id in that CRM (so the same import twice
 * updates instead of creating), the import jobs with their progress (a stopped hub resumes
 * them), and the rows each preview or run rejected (the report file).
 */
export const importJobs: Migration = {
  version: 14,
  name: 'import jobs',
  statements: ({ text, int, json, table }) => [
    `CREATE TABLE import_links (source ${text} NOT NULL, kind ${text} NOT NULL, key ${text} NOT NULL, record_id ${text} NOT NULL,
      PRIMARY KEY (source, kind, key))${table}`,
    'CREATE INDEX import_links_by_record ON import_links (record_id)',
    `CREATE TABLE import_jobs (id ${text} PRIMARY KEY, status ${text} NOT NULL, job ${json} NOT NULL,
      created_at ${text} NOT NULL, updated_at ${text} NOT NULL)${table}`,
    'CREATE INDEX import_jobs_by_status ON import_jobs (status, created_at)',
    `CREATE TABLE import_rejections (job_id ${text} NOT NULL, phase ${text} NOT NULL, seq ${int} NOT NULL, file ${text} NOT NULL,
      line ${int} NOT NULL, kind ${text} NOT NULL, reason ${text} NOT NULL, PRIMARY KEY (job_id, phase, seq))${table}`,
  ],
};

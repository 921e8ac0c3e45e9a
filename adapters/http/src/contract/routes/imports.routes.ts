import { FileMapping, Id, ImportKind, ImportOptions, ImportSource, RecordCounts, RejectedRow } from '@rapport/core';
import { z } from 'zod';
import { IdParams } from '../common.js';
import { defineRoute } from '../route.js';

export const ImportFileView = z.object({
  name: z.string(),
  label: z.string(),
  source: ImportSource,
  kind: ImportKind,
  rows: z.number().int(),
  unknownColumns: z.array(z.string()),
});

/** An import job: its files, its preview, then its progress and the rows it rejected. */
export const ImportJobView = z.object({
  id: Id,
  status: z.enum(['previewed', 'running', 'done', 'failed']),
  files: z.array(ImportFileView),
  preview: z.record(z.string(), RecordCounts),
  counts: z.record(z.string(), RecordCounts),
  rowsDone: z.number().int(),
  rowsTotal: z.number().int(),
  /** Rows per second since the run started; null before it runs. */
  rate: z.number().nullable(),
  /** Seconds left at that rate; null when unknown. */
  secondsLeft: z.number().int().nullable(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  error: z.string().nullable(),
  /** The first rejected rows (of the run once it ran, else of the preview); `GET …/rejected` pages through all. */
  rejected: z.array(RejectedRow),
});

export const ImportUpload = z.strictObject({
  files: z
    .array(
      z.strictObject({
        name: z.string().trim().min(1).max(200).regex(/^[^/\\]+$/, 'A file name, without folders.'),
        /** The file's text, UTF-8 (a byte-order mark is fine). */
        content: z.string().max(900_000),
        /** For a file that is no standard export: where each column goes. */
        mapping: FileMapping.optional(),
      }),
    )
    .min(1, 'Upload at least one CSV file.')
    .max(10),
  options: ImportOptions.optional(),
});

export const importRoutes = {
  createImport: defineRoute({
    method: 'POST',
    path: '/api/v1/imports',
    summary: 'Upload CSV exports and preview the import (admins)',
    description:
      'Uploads one or more CSV files of one CRM (HubSpot, Salesforce, Pipedrive, or any CSV with a mapping) as text in one JSON body (under 1 MB; use `rapport import` for bigger files), ' +
      'recognises each by its headers and answers the job with its preview: records to create, update or skip per kind, and the rejected rows with their reasons. Nothing else is written until the job runs.',
    tag: 'Imports',
    auth: true,
    body: ImportUpload,
    response: ImportJobView,
    status: 201,
  }),
  runImport: defineRoute({
    method: 'POST',
    path: '/api/v1/imports/{id}/run',
    summary: 'Start (or resume) a previewed import (admins)',
    description: 'Starts writing the job in the background and answers at once; follow it with GET /api/v1/imports/{id}. A job a stopped hub left running resumes after its last written batch.',
    tag: 'Imports',
    auth: true,
    params: IdParams,
    response: ImportJobView,
    status: 200,
  }),
  getImport: defineRoute({
    method: 'GET',
    path: '/api/v1/imports/{id}',
    summary: 'An import: preview, progress (rows done, rate, time left), counts and rejected rows (admins)',
    tag: 'Imports',
    auth: true,
    params: IdParams,
    response: ImportJobView,
    status: 200,
  }),
  listImportRejections: defineRoute({
    method: 'GET',
    path: '/api/v1/imports/{id}/rejected',
    summary: 'Every row an import rejected, with the reason, a page at a time (admins)',
    tag: 'Imports',
    auth: true,
    params: IdParams,
    query: z.object({ after: z.coerce.number().int().min(0).default(0), limit: z.coerce.number().int().min(1).max(1000).default(500) }),
    response: z.object({ items: z.array(RejectedRow.extend({ seq: z.number().int() })) }),
    status: 200,
  }),
};

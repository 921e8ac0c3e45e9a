import type { Actor } from '../services/context.js';
import type { Clock } from '../shared/clock.js';
import { CrmError } from '../shared/errors.js';
import type { Ids } from '../shared/ids.js';
import type { Store } from '../store/store.port.js';
import type { User } from '../users/user.schema.js';
import { applyRow, type ApplyContext, type RowOutcome } from './import-apply.js';
import type { ImportJob, ImportJobFile } from './import-ledger.port.js';
import type { ImportUnitOfWork } from '../store/import-store.js';
import { ImportMemo } from './import-memo.js';
import { readImportRow } from './import-row.js';
import { emptyCounts, ImportOptions, type RecordCounts, type RejectedRow } from './import.schema.js';

/** One data row of a file: its line in the file (the header is line 1) and its cells by header. */
export interface SourceRow {
  line: number;
  cells: Record<string, string>;
}

/** Reads a job's file again, row by row (the hub streams it from disk). */
export type OpenRows = (file: ImportJobFile) => AsyncIterable<SourceRow>;

export interface ImportRunDeps {
  store: Store<ImportUnitOfWork>;
  clock: Clock;
  ids: Ids;
}

/** Rows written per transaction: a crash loses at most one batch's work, which a resumed run redoes. */
export const ROWS_PER_BATCH = 500;

async function memoFor(store: Store<ImportUnitOfWork>, source: ImportJobFile['mapping']['source']): Promise<ImportMemo> {
  return store.read(async (uow) => {
    const users: User[] = [];
    let cursor: string | undefined;
    do {
      const page = await uow.users.list({}, { limit: 200, ...(cursor ? { cursor } : {}) });
      users.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return new ImportMemo(source, users, await uow.pipelines.list());
  });
}

function tally(counts: Record<string, RecordCounts>, kind: string, outcome: RowOutcome): void {
  const c = (counts[kind] ??= emptyCounts());
  c[outcome.action] += 1;
}

/**
 * The preview (dry run): reads every file as the run will and counts what would be created,
 * updated or skipped per kind, listing each rejected row with its reason. Writes no record;
 * the rejected rows go to the job's report as they are found.
 */
export async function previewImport(deps: ImportRunDeps, actor: Actor, job: ImportJob, openRows: OpenRows): Promise<Record<string, RecordCounts>> {
  const counts: Record<string, RecordCounts> = {};
  const options = ImportOptions.parse(job.options);
  const memo = await memoFor(deps.store, job.files[0]?.mapping.source ?? 'custom');
  const ctx: ApplyContext = { actor, deps, memo, options, write: false };
  let rejected: RejectedRow[] = [];
  const flush = async (): Promise<void> => {
    if (rejected.length === 0) return;
    const rows = rejected;
    rejected = [];
    await deps.store.transaction((uow) => uow.importJobs.addRejected(job.id, 'preview', rows));
  };
  for (const file of job.files) {
    const kind = file.mapping.kind;
    for await (const { line, cells } of openRows(file)) {
      const read = readImportRow(file.mapping, cells, options.currency);
      const outcome = read.ok ? await deps.store.read((uow) => applyRow(uow, ctx, read.row)) : ({ action: 'reject', reason: read.reason } as const);
      tally(counts, kind, outcome);
      if (outcome.action === 'reject') rejected.push({ file: file.name, line, kind, reason: outcome.reason });
      if (rejected.length >= ROWS_PER_BATCH) await flush();
    }
  }
  await flush();
  return counts;
}

export interface ImportProgress {
  rowsDone: number;
  rowsTotal: number;
  counts: Record<string, RecordCounts>;
}

/**
 * Runs a previewed job, or resumes one a stopped hub left `running`: rows are written in
 * batches, each batch in one transaction together with the job's progress and its rejected
 * rows, so a crash resumes after the last batch that landed. A batch that fails on a row
 * (another writer took an email meanwhile) is written again row by row, rejecting that row only.
 */
export async function runImport(deps: ImportRunDeps, actor: Actor, jobId: string, openRows: OpenRows, onProgress?: (progress: ImportProgress) => void): Promise<ImportJob> {
  let job = await deps.store.read((uow) => uow.importJobs.get(jobId));
  if (!job) throw new CrmError('not_found', `No import ${jobId}.`);
  if (job.status === 'done') return job;
  const options = ImportOptions.parse(job.options);
  const memo = await memoFor(deps.store, job.files[0]?.mapping.source ?? 'custom');
  const ctx: ApplyContext = { actor, deps, memo, options, write: true };
  const now = (): string => deps.clock.now().toISOString();
  job = { ...job, status: 'running', startedAt: job.startedAt ?? now(), updatedAt: now() };
  await deps.store.transaction((uow) => uow.importJobs.update(job as ImportJob));
  for (let index = job.fileIndex; index < job.files.length; index++) {
    const file = job.files[index]!;
    const skip = index === job.fileIndex ? job.rowsInFile : 0;
    let seen = 0;
    let batch: SourceRow[] = [];
    const write = async (): Promise<void> => {
      job = await writeBatch(deps, ctx, job as ImportJob, index, file, batch, options.currency, now);
      batch = [];
      onProgress?.({ rowsDone: job.rowsDone, rowsTotal: job.rowsTotal, counts: job.counts });
    };
    for await (const row of openRows(file)) {
      seen += 1;
      if (seen <= skip) continue;
      batch.push(row);
      if (batch.length >= ROWS_PER_BATCH) await write();
    }
    await write();
  }
  const finished: ImportJob = { ...job, status: 'done', finishedAt: now(), updatedAt: now() };
  await deps.store.transaction((uow) => uow.importJobs.update(finished));
  return finished;
}

async function writeBatch(deps: ImportRunDeps, ctx: ApplyContext, job: ImportJob, fileIndex: number, file: ImportJobFile, rows: SourceRow[], currency: string, now: () => string): Promise<ImportJob> {
  const attempt = (slice: SourceRow[], base: ImportJob) =>
    deps.store.transaction(async (uow) => {
      const counts = structuredClone(base.counts);
      const rejected: RejectedRow[] = [];
      for (const { line, cells } of slice) {
        const read = readImportRow(file.mapping, cells, currency);
        const outcome = read.ok ? await applyRow(uow, ctx, read.row) : ({ action: 'reject', reason: read.reason } as const);
        tally(counts, file.mapping.kind, outcome);
        if (outcome.action === 'reject') rejected.push({ file: file.name, line, kind: file.mapping.kind, reason: outcome.reason });
      }
      const rowsInFile = (base.fileIndex === fileIndex ? base.rowsInFile : 0) + slice.length;
      const next: ImportJob = { ...base, fileIndex, rowsInFile, rowsDone: base.rowsDone + slice.length, counts, updatedAt: now() };
      await uow.importJobs.addRejected(job.id, 'run', rejected);
      await uow.importJobs.update(next);
      return next;
    });
  try {
    return await attempt(rows, job);
  } catch (error) {
    ctx.memo.forget();
    if (!(error instanceof CrmError) || error.code !== 'conflict' || rows.length === 1) return failRow(deps, job, fileIndex, file, rows, error, now);
    ctx.memo.forget();
    let current = job;
    for (const row of rows) current = await attempt([row], current).catch((e: unknown) => failRow(deps, current, fileIndex, file, [row], e, now));
    return current;
  }
}

/** A single row that could not be written (a conflict with another writer): recorded as rejected, the run goes on. */
async function failRow(deps: ImportRunDeps, job: ImportJob, fileIndex: number, file: ImportJobFile, rows: SourceRow[], error: unknown, now: () => string): Promise<ImportJob> {
  if (rows.length !== 1 || !(error instanceof CrmError) || error.code !== 'conflict') throw error;
  const counts = structuredClone(job.counts);
  tally(counts, file.mapping.kind, { action: 'reject', reason: error.message });
  const next: ImportJob = { ...job, fileIndex, rowsInFile: (job.fileIndex === fileIndex ? job.rowsInFile : 0) + 1, rowsDone: job.rowsDone + 1, counts, updatedAt: now() };
  await deps.store.transaction(async (uow) => {
    await uow.importJobs.addRejected(job.id, 'run', [{ file: file.name, line: rows[0]!.line, kind: file.mapping.kind, reason: error.message }]);
    await uow.importJobs.update(next);
  });
  return next;
}

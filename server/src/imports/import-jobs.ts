
import { Readable } from 'node:stream';
import {
  checkMapping, CrmError, ImportOptions, KIND_ORDER, previewImport, recogniseHeaders, runImport,
  type Actor, type Clock, type Ids, type ImportJob, type ImportJobFile, type ImportProgress, type ImportUnitOfWork, type SourceRow, type Store,
} from '@rapport/core';
import { readCsvHeaders, readCsvRows } from './csv-rows.js';

/** What the import jobs work with: a store that can import (the SQL stores), time and ids. */
export interface ImportDeps {
  store: Store<ImportUnitOfWork>;
  clock: Clock;
  ids: Ids;
}

/** A file given to an import: its name for people, where it is, and a confirmed mapping when it is no standard export. */
export interface ImportFileInput {
  name: string;
  path: string;
  mapping?: unknown;
}

/** Opens a job file's rows from disk, counting them as they pass. */
function rowsOf(file: ImportJobFile, count?: (n: number) => void): AsyncIterable<SourceRow> {
  return {
    async *[Symbol.asyncIterator]() {
      let n = 0;
      for await (const row of readCsvRows(file.path, file.name)) {
        n += 1;
        yield row;
      }
      count?.(n);
    },
  };
}

/**
 * Makes an import job: recognises each file by its headers (or checks the mapping given for
 * it), puts the files in the order their links need (accounts before contacts before deals),
 * and runs the preview. Nothing is written but the job, its preview and its rejected rows.
 * A file that is no standard export and has no mapping is refused, naming its columns.
 */
export async function createImportJob(deps: ImportDeps, actor: Actor, inputs: readonly ImportFileInput[], options: ImportOptions = {}): Promise<ImportJob> {
  if (inputs.length === 0) throw new CrmError('invalid_input', 'Give at least one CSV file to import.');
  const parsedOptions = ImportOptions.safeParse(options);
  if (!parsedOptions.success) throw new CrmError('invalid_input', 'The import options are not valid.', { issues: parsedOptions.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) });
  const files: ImportJobFile[] = [];
  for (const input of inputs) {
    const headers = await readCsvHeaders(input.path, input.name);
    const recognised = input.mapping !== undefined ? checkMapping(headers, input.mapping, input.name) : recogniseHeaders(headers);
    if (!recognised) {
      throw new CrmError('invalid_input', `${input.name} is not a standard HubSpot, Salesforce or Pipedrive export. Give a mapping for it (its columns are: ${headers.join(', ')}).`, { issues: [{ path: input.name, message: 'Unrecognised headers; a mapping is needed.' }], details: { file: input.name, columns: headers } });
    }
    files.push({ name: input.name, path: input.path, mapping: recognised.mapping, label: recognised.label, unknownColumns: recognised.unknownColumns, rows: 0 });
  }
  const sources = new Set(files.map((f) => f.mapping.source));
  if (sources.size > 1) throw new CrmError('invalid_input', `Import the files of one CRM at a time; these come from ${[...sources].join(' and ')}.`);
  files.sort((a, b) => KIND_ORDER.indexOf(a.mapping.kind) - KIND_ORDER.indexOf(b.mapping.kind));
  const now = deps.clock.now().toISOString();
  const job: ImportJob = {
    id: deps.ids.next('importJob'), status: 'previewed', createdBy: actor.user.id, files, options: parsedOptions.data, preview: {}, counts: {},
    fileIndex: 0, rowsInFile: 0, rowsDone: 0, rowsTotal: 0, startedAt: null, finishedAt: null, error: null, createdAt: now, updatedAt: now,
  };
  await deps.store.transaction((uow) => uow.importJobs.insert(job));
  const preview = await previewImport(deps, actor, job, (file) => rowsOf(file, (n) => (file.rows = n)));
  const previewed: ImportJob = { ...job, preview, rowsTotal: files.reduce((sum, f) => sum + f.rows, 0), updatedAt: deps.clock.now().toISOString() };
  await deps.store.transaction((uow) => uow.importJobs.update(previewed));
  return previewed;
}

/** The job, or a 404 naming it. */
export async function getImportJob(deps: Pick<ImportDeps, 'store'>, id: string): Promise<ImportJob> {
  const job = await deps.store.read((uow) => uow.importJobs.get(id));
  if (!job) throw new CrmError('not_found', `No import ${id}.`);
  return job;
}

/**
 * Runs (or resumes) a job. A failure that is no rejected row (the database went away, a file
 * was removed) marks the job failed with the reason; running it again resumes it.
 */
export async function runImportJob(deps: ImportDeps, actor: Actor, id: string, onProgress?: (progress: ImportProgress) => void): Promise<ImportJob> {
  try {
    return await runImport(deps, actor, id, (file) => rowsOf(file), onProgress);
  } catch (error) {
    const job = await deps.store.read((uow) => uow.importJobs.get(id));
    if (job) {
      const message = error instanceof Error ? error.message : String(error);
      await deps.store.transaction((uow) => uow.importJobs.update({ ...job, status: 'failed', error: message, updatedAt: deps.clock.now().toISOString() }));
    }
    throw error;
  }
}

/** Quotes a CSV cell when it needs it, and defuses cells a spreadsheet would run as a formula. */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The report file: every row the run rejected (or, before it ran, the preview), as CSV, streamed from the database. */
export function rejectedRowsCsv(deps: Pick<ImportDeps, 'store'>, job: ImportJob): Readable {
  const phase = job.status === 'previewed' ? 'preview' : 'run';
  async function* lines(): AsyncGenerator<string> {
    yield 'file,line,kind,reason\n';
    let after = 0;
    for (;;) {
      const rows = await deps.store.read((uow) => uow.importJobs.rejected(job.id, phase, after, 1000));
      for (const r of rows) yield `${[csvCell(r.file), r.line, r.kind, csvCell(r.reason)].join(',')}\n`;
      if (rows.length < 1000) return;
      after = rows[rows.length - 1]!.seq;
    }
  }
  return Readable.from(lines());
}

/** The jobs a stopped hub left running, for the hub to resume at start. */
export async function unfinishedImports(deps: Pick<ImportDeps, 'store'>): Promise<ImportJob[]> {
  return deps.store.read((uow) => uow.importJobs.listRunning());
}


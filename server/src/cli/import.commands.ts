import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { CrmError, TimeOrderedIds, systemClock, type Actor, type ImportJob, type ImportUnitOfWork, type RecordCounts, type Store, type User } from '@rapport/core';
import { createImportJob, getImportJob, rejectedRowsCsv, runImportJob, type ImportDeps } from '../imports/import-jobs.js';
import { progressLine } from '../imports/progress-bar.js';
import { restoreFile } from '../exports/restore-file.js';
import { optional, type CliIo, type CommandSpec, type ParsedArgs } from './args.js';
import { withDatabase } from './context.js';

function countsLine(kind: string, c: RecordCounts): string {
  return `  ${kind.padEnd(10)} ${String(c.create).padStart(7)} to create  ${String(c.update).padStart(7)} to update  ${String(c.skip).padStart(7)} unchanged  ${String(c.reject).padStart(7)} rejected`;
}

function readMappings(path: string | undefined): Record<string, unknown> {
  if (!path) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (error) {
    throw new CrmError('invalid_input', `Cannot read the mapping file ${path}: ${(error as Error).message}`);
  }
}

function stageMap(args: ParsedArgs): Record<string, string> {
  const raw = args.values.stage;
  const entries = (Array.isArray(raw) ? raw : typeof raw === 'string' ? [raw] : []) as string[];
  return Object.fromEntries(entries.map((e) => {
    const at = e.lastIndexOf('=');
    if (at <= 0) throw new CrmError('invalid_input', `--stage takes "<their stage name>=<Rapport stage id, won or lost>", not "${e}".`);
    return [e.slice(0, at).trim(), e.slice(at + 1).trim()];
  }));
}

async function importingUser(store: Store<ImportUnitOfWork>, email: string | undefined): Promise<User> {
  const user = await store.read(async (uow) => (email ? uow.users.findByEmail(email.toLowerCase()) : (await uow.users.list({ role: 'admin', active: true }, { limit: 1 })).items[0] ?? null));
  if (!user) throw new CrmError('invalid_input', email ? `No Rapport user has the email ${email}.` : 'This hub has no admin yet; add one (rapport user add) or name the importing user with --as.');
  return user;
}

async function writeReport(deps: ImportDeps, job: ImportJob, dataDir: string, out: string | undefined): Promise<string> {
  const path = resolve(out ?? join(dataDir, 'imports', `${job.id}-rejected.csv`));
  mkdirSync(resolve(path, '..'), { recursive: true });
  await pipeline(rejectedRowsCsv(deps, job), createWriteStream(path));
  return path;
}

function printPreview(io: CliIo, job: ImportJob): void {
  for (const file of job.files) {
    io.out(`${file.name}: ${file.label}, ${file.rows} rows${file.unknownColumns.length > 0 ? `; columns not imported: ${file.unknownColumns.join(', ')}` : ''}`);
  }
  io.out('Preview:');
  for (const [kind, counts] of Object.entries(job.preview)) io.out(countsLine(kind, counts));
}

export const importCommand: CommandSpec = {
  name: 'import',
  summary: 'Import a HubSpot, Salesforce or Pipedrive CSV export (or any CSV with a mapping): a preview, then the import.',
  usage: 'rapport import <file.csv>... [--yes] [--as <email>] [--stage "<their stage>=<stage id|won|lost>"]... [--currency EUR] [--mapping map.json] [--report out.csv] | rapport import --resume <import id>',
  options: { yes: { type: 'boolean', short: 'y' }, as: { type: 'string' }, stage: { type: 'string', multiple: true }, currency: { type: 'string' }, mapping: { type: 'string' }, report: { type: 'string' }, resume: { type: 'string' } },
  details: [
    'Files are recognised by their headers; give all files of one export at once (companies, contacts, deals, notes) so links between them are kept.',
    '--yes       run the import after the preview; without it only the preview is shown and nothing is written',
    '--as        the user who imports (the owner of rows that name none); default the first admin',
    '--stage     map a stage name of the other CRM to a Rapport stage id (or won / lost); repeat for each',
    '--currency  the currency of amounts that name none (default USD)',
    '--mapping   a JSON file: { "<file name>": { "source": "custom", "kind": "contact", "columns": [{ "column": "Mail", "target": "field", "field": "email" }] } }',
    '--report    where to write the rejected rows (default <data folder>/imports/<import id>-rejected.csv)',
    '--resume    finish an import that was stopped; rows already written are not written again',
    'A Rapport JSON lines export (rapport export --format jsonl) restores whole into an empty hub: rapport import <file>.jsonl',
    'Importing the same files again creates nothing new: records are matched by their id in the other CRM, contacts by email, accounts by web domain.',
  ],
  async run(args, io) {
    const resume = optional(args, 'resume');
    if (!resume && args.positionals.length === 0) {
      io.err(`Name the CSV files to import.\nUsage: ${importCommand.usage}`);
      return 2;
    }
    const jsonl = args.positionals.filter((p) => p.toLowerCase().endsWith('.jsonl'));
    if (jsonl.length > 0) {
      if (args.positionals.length > 1) throw new CrmError('invalid_input', 'Restore one Rapport export (.jsonl) at a time, without CSV files beside it.');
      return withDatabase(io, async ({ store }) => {
        const counts = await restoreFile(store, resolve(jsonl[0] ?? ''), basename(jsonl[0] ?? ''));
        io.out(`Restored: ${Object.entries(counts).map(([kind, n]) => `${n} ${kind}`).join(', ')}. Give people new access tokens (rapport token create).`);
        return 0;
      });
    }
    return withDatabase(io, async ({ config, store }) => {
      const importStore = store as unknown as Store<ImportUnitOfWork>; // the hub's database is always an SQL store, which can import
      const deps: ImportDeps = { store: importStore, clock: systemClock, ids: new TimeOrderedIds() };
      const actor: Actor = { user: await importingUser(importStore, optional(args, 'as')), surface: 'import' };
      let job: ImportJob;
      if (resume) job = await getImportJob(deps, resume);
      else {
        const mappings = readMappings(optional(args, 'mapping'));
        const files = args.positionals.map((p) => ({ name: basename(p), path: resolve(p), ...(mappings[basename(p)] !== undefined ? { mapping: mappings[basename(p)] } : {}) }));
        job = await createImportJob(deps, actor, files, { stages: stageMap(args), ...(optional(args, 'currency') ? { currency: optional(args, 'currency')?.toUpperCase() } : {}) });
        printPreview(io, job);
        const rejected = Object.values(job.preview).reduce((n, c) => n + c.reject, 0);
        if (rejected > 0) io.out(`Rejected rows, with the reason for each: ${await writeReport(deps, job, config.dataDir, optional(args, 'report'))}`);
        if (!args.values.yes) {
          io.out(`Nothing was written. Run again with --yes to import (import id ${job.id}).`);
          return 0;
        }
      }
      const began = Date.now();
      const done = await runImportJob(deps, actor, job.id, (p) => io.status?.(progressLine(p.rowsDone, p.rowsTotal, Date.now() - began)));
      if (io.status) io.err('');
      io.out(`Imported ${done.rowsDone} rows in ${((Date.now() - began) / 1000).toFixed(1)} s (import id ${done.id}):`);
      for (const [kind, counts] of Object.entries(done.counts)) io.out(countsLine(kind, counts).replace(/to create/, 'created ').replace(/to update/, 'updated ').replace(/unchanged/, 'unchanged'));
      const rejected = Object.values(done.counts).reduce((n, c) => n + c.reject, 0);
      io.out(rejected > 0 ? `Rejected rows, with the reason for each: ${await writeReport(deps, done, config.dataDir, optional(args, 'report'))}` : 'No row was rejected.');
      return 0;
    });
  },
};

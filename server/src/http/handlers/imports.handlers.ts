import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CrmError, systemClock, TimeOrderedIds, type Actor, type ImportUnitOfWork, type Store } from '@rapport/core';
import type { importRoutes } from '@rapport/http';
import { createImportJob, getImportJob, runImportJob } from '../../imports/import-jobs.js';
import { importJobView } from '../../imports/import-view.js';
import type { Handlers } from '../bind-route.js';
import type { HttpDeps } from '../hub-env.js';

function requireAdmin(actor: Actor): void {
  if (actor.user.role !== 'admin') throw new CrmError('forbidden', 'Only admins import data.');
}

/**
 * Imports over the API. Uploaded files are kept under `importDir` (one folder per upload) until
 * the job is done; the run goes on in the background, one job at a time per hub process.
 */
export function importHandlers({ store, clock = systemClock, logger, importDir = join(tmpdir(), 'rapport-imports') }: HttpDeps): Handlers<typeof importRoutes> {
  const importStore = store as unknown as Store<ImportUnitOfWork>; // the hub's stores can import (SQL); the memory store of tests cannot
  const deps = { store: importStore, clock, ids: new TimeOrderedIds() };
  const running = new Set<string>();
  const requireImports = (): void => {
    if (store.kind === 'memory' || store.kind === 'indexeddb') throw new CrmError('unavailable', 'Imports need the hub\'s SQL database.');
  };
  return {
    createImport: async ({ actor, body }) => {
      requireAdmin(actor);
      requireImports();
      const folder = join(importDir, deps.ids.next('importJob'));
      mkdirSync(folder, { recursive: true });
      const files = body.files.map((file, index) => {
        const path = join(folder, `${index}.csv`);
        writeFileSync(path, file.content, 'utf8');
        return { name: file.name, path, ...(file.mapping ? { mapping: file.mapping } : {}) };
      });
      const job = await createImportJob(deps, { ...actor, surface: 'import' }, files, body.options ?? {});
      return importJobView(importStore, job, clock.now());
    },
    runImport: async ({ actor, params }) => {
      requireAdmin(actor);
      requireImports();
      const job = await getImportJob(deps, params.id);
      if (job.status !== 'done' && !running.has(job.id)) {
        running.add(job.id);
        void runImportJob(deps, { ...actor, surface: 'import' }, job.id)
          .catch((error: unknown) => logger.warn('import failed', { importId: job.id, error: error instanceof Error ? error.message : String(error) }))
          .finally(() => running.delete(job.id));
      }
      return importJobView(importStore, { ...job, status: job.status === 'done' ? 'done' : 'running', startedAt: job.startedAt ?? clock.now().toISOString() }, clock.now());
    },
    getImport: async ({ actor, params }) => {
      requireAdmin(actor);
      requireImports();
      return importJobView(importStore, await getImportJob(deps, params.id), clock.now());
    },
    listImportRejections: async ({ actor, params, query }) => {
      requireAdmin(actor);
      requireImports();
      const job = await getImportJob(deps, params.id);
      const items = await importStore.read((uow) => uow.importJobs.rejected(job.id, job.status === 'previewed' ? 'preview' : 'run', query.after, query.limit));
      return { items };
    },
  };
}

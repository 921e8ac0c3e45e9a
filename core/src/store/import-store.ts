import type { ImportJobRepository, ImportLinkRepository } from '../imports/import-ledger.port.js';
import type { AnalyticsUnitOfWork, UnitOfWork } from './store.port.js';

/** A unit of work that can import: the hub's stores (SQL) have it. */
export interface ImportUnitOfWork extends AnalyticsUnitOfWork {
  importLinks: ImportLinkRepository;
  importJobs: ImportJobRepository;
}

export function hasImports(uow: UnitOfWork): uow is ImportUnitOfWork {
  return 'importLinks' in uow && 'importJobs' in uow;
}

import type { ImportKind, ImportSource, RecordCounts, RejectedRow } from './import.schema.js';
import type { FileMapping, ImportOptions } from './import.schema.js';

/**
 * A record's id in the CRM it came from, kept beside the Rapport record it became, so the
 * same import twice updates instead of creating. `key` is the other CRM's id, or
 * `name:<lower-case name>` where that CRM links records by name (Pipedrive).
 */
export interface ImportLink {
  source: ImportSource;
  kind: ImportKind;
  key: string;
  recordId: string;
}

export interface ImportLinkRepository {
  /** The Rapport ids of these keys, by key; keys never imported are absent. */
  find(source: ImportSource, kind: ImportKind, keys: readonly string[]): Promise<Map<string, string>>;
  /** Adds the links, replacing one with the same source, kind and key. */
  put(links: readonly ImportLink[]): Promise<void>;
}

export type ImportJobStatus = 'previewed' | 'running' | 'done' | 'failed';

/** One file of an import job, as it was read for the preview. */
export interface ImportJobFile {
  /** The name the person gave it. */
  name: string;
  /** Where the hub keeps it until the job is done. */
  path: string;
  mapping: FileMapping;
  label: string;
  unknownColumns: string[];
  rows: number;
}

/** An import: its files, its preview, then its progress. Progress moves in the same transaction as the rows it counts. */
export interface ImportJob {
  id: string;
  status: ImportJobStatus;
  createdBy: string;
  files: ImportJobFile[];
  options: ImportOptions;
  preview: Record<string, RecordCounts>;
  counts: Record<string, RecordCounts>;
  /** Rows finished, across files in KIND_ORDER: the file index and the rows of it done. */
  fileIndex: number;
  rowsInFile: number;
  rowsDone: number;
  rowsTotal: number;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ImportJobRepository {
  get(id: string): Promise<ImportJob | null>;
  insert(job: ImportJob): Promise<void>;
  update(job: ImportJob): Promise<void>;
  /** Jobs a hub stopped in the middle of (status `running`), oldest first. */
  listRunning(): Promise<ImportJob[]>;
  addRejected(jobId: string, phase: 'preview' | 'run', rows: readonly RejectedRow[]): Promise<void>;
  /** In file and line order; `phase` keeps the preview's rejections apart from the run's. */
  rejected(jobId: string, phase: 'preview' | 'run', after: number, limit: number): Promise<Array<RejectedRow & { seq: number }>>;
}

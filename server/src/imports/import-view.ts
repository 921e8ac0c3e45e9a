import type { ImportJob, ImportUnitOfWork, RejectedRow, Store } from '@rapport/core';

export interface ImportJobView {
  id: string;
  status: ImportJob['status'];
  files: Array<{ name: string; label: string; source: ImportJob['files'][number]['mapping']['source']; kind: ImportJob['files'][number]['mapping']['kind']; rows: number; unknownColumns: string[] }>;
  preview: ImportJob['preview'];
  counts: ImportJob['counts'];
  rowsDone: number;
  rowsTotal: number;
  rate: number | null;
  secondsLeft: number | null;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  rejected: RejectedRow[];
}

/** A job as people see it: progress with its rate and time left, and its first rejected rows. Paths on the hub's disk are left out. */
export async function importJobView(store: Store<ImportUnitOfWork>, job: ImportJob, now: Date): Promise<ImportJobView> {
  const phase = job.status === 'previewed' ? 'preview' : 'run';
  const rejected = await store.read((uow) => uow.importJobs.rejected(job.id, phase, 0, 100));
  const end = job.finishedAt ? Date.parse(job.finishedAt) : now.getTime();
  const seconds = job.startedAt ? (end - Date.parse(job.startedAt)) / 1000 : 0;
  const rate = job.startedAt && seconds > 0 ? Math.round((job.rowsDone / seconds) * 10) / 10 : null;
  return {
    id: job.id,
    status: job.status,
    files: job.files.map((f) => ({ name: f.name, label: f.label, source: f.mapping.source, kind: f.mapping.kind, rows: f.rows, unknownColumns: f.unknownColumns })),
    preview: job.preview,
    counts: job.counts,
    rowsDone: job.rowsDone,
    rowsTotal: job.rowsTotal,
    rate,
    secondsLeft: job.status === 'done' ? 0 : rate ? Math.ceil((job.rowsTotal - job.rowsDone) / rate) : null,
    startedAt: job.startedAt,
    finishedAt: job.finishedAt,
    error: job.error,
    rejected: rejected.map(({ seq: _seq, ...row }) => row),
  };
}

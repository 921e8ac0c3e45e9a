import type { ImportJob, ImportJobRepository, ImportKind, ImportLink, ImportLinkRepository, ImportSource, RejectedRow } from '@rapport/core';
import type { SqlContext } from '../context.js';

/** Rows per statement when adding links or rejected rows (4–7 columns each, far under both engines' bounds). */
const CHUNK = 500;

export class SqlImportLinkRepository implements ImportLinkRepository {
  constructor(private readonly ctx: SqlContext) {}

  async find(source: ImportSource, kind: ImportKind, keys: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (let from = 0; from < keys.length; from += CHUNK) {
      const rows = await this.ctx.db
        .selectFrom('import_links')
        .select(['key', 'record_id'])
        .where('source', '=', source)
        .where('kind', '=', kind)
        .where('key', 'in', keys.slice(from, from + CHUNK))
        .execute();
      for (const row of rows) found.set(row.key, row.record_id);
    }
    return found;
  }

  async put(links: readonly ImportLink[]): Promise<void> {
    const unique = [...new Map(links.map((l) => [`${l.source}\u0000${l.kind}\u0000${l.key}`, l])).values()];
    for (let from = 0; from < unique.length; from += CHUNK) {
      await this.ctx.db
        .insertInto('import_links')
        .values(unique.slice(from, from + CHUNK).map((l) => ({ source: l.source, kind: l.kind, key: l.key, record_id: l.recordId })))
        .onConflict((oc) => oc.columns(['source', 'kind', 'key']).doUpdateSet((eb) => ({ record_id: eb.ref('excluded.record_id') })))
        .execute();
    }
  }
}

export class SqlImportJobRepository implements ImportJobRepository {
  constructor(private readonly ctx: SqlContext) {}

  async get(id: string): Promise<ImportJob | null> {
    const row = await this.ctx.db.selectFrom('import_jobs').select('job').where('id', '=', id).executeTakeFirst();
    return row ? this.ctx.engine.readJson<ImportJob>(row.job) : null;
  }

  async insert(job: ImportJob): Promise<void> {
    await this.ctx.db.insertInto('import_jobs').values({ id: job.id, status: job.status, job: this.ctx.engine.json(job), created_at: job.createdAt, updated_at: job.updatedAt }).execute();
  }

  async update(job: ImportJob): Promise<void> {
    await this.ctx.db.updateTable('import_jobs').set({ status: job.status, job: this.ctx.engine.json(job), updated_at: job.updatedAt }).where('id', '=', job.id).execute();
  }

  async listRunning(): Promise<ImportJob[]> {
    const rows = await this.ctx.db.selectFrom('import_jobs').select('job').where('status', '=', 'running').orderBy('created_at').execute();
    return rows.map((row) => this.ctx.engine.readJson<ImportJob>(row.job));
  }

  async addRejected(jobId: string, phase: 'preview' | 'run', rows: readonly RejectedRow[]): Promise<void> {
    if (rows.length === 0) return;
    const last = await this.ctx.db.selectFrom('import_rejections').select((eb) => eb.fn.max('seq').as('seq')).where('job_id', '=', jobId).where('phase', '=', phase).executeTakeFirst();
    let seq = Number(last?.seq ?? 0);
    for (let from = 0; from < rows.length; from += CHUNK) {
      await this.ctx.db
        .insertInto('import_rejections')
        .values(rows.slice(from, from + CHUNK).map((r) => ({ job_id: jobId, phase, seq: ++seq, file: r.file, line: r.line, kind: r.kind, reason: r.reason })))
        .execute();
    }
  }

  async rejected(jobId: string, phase: 'preview' | 'run', after: number, limit: number): Promise<Array<RejectedRow & { seq: number }>> {
    const rows = await this.ctx.db
      .selectFrom('import_rejections')
      .select(['seq', 'file', 'line', 'kind', 'reason'])
      .where('job_id', '=', jobId)
      .where('phase', '=', phase)
      .where('seq', '>', after)
      .orderBy('seq')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ seq: Number(r.seq), file: r.file, line: Number(r.line), kind: r.kind as ImportKind, reason: r.reason }));
  }
}

import { sortKey, type Pipeline, type PipelineRepository, type Stage } from '@rapport/core';
import type { Insertable, Selectable } from 'kysely';
import type { SqlContext } from '../context.js';
import type { PipelinesTable } from '../database.js';
import { readBool, type Engine } from '../engine.js';
import { expectInserted } from '../errors.js';
import { affected } from '../sql-paging.js';

const toRow = (p: Pipeline, engine: Engine): Insertable<PipelinesTable> => ({
  id: p.id,
  name: p.name,
  sort_key: sortKey(p.name),
  is_default: engine.bool(p.isDefault),
  stages: engine.json(p.stages),
  team_id: p.teamId,
  version: p.version,
  created_at: p.createdAt,
  updated_at: p.updatedAt,
});

const toPipeline = (row: Selectable<PipelinesTable>, engine: Engine): Pipeline => ({
  id: row.id,
  name: row.name,
  isDefault: readBool(row.is_default),
  teamId: row.team_id,
  stages: engine.readJson<Stage[]>(row.stages),
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export class SqlPipelineRepository implements PipelineRepository {
  constructor(private readonly ctx: SqlContext) {}

  async get(id: string): Promise<Pipeline | null> {
    const row = await this.ctx.db.selectFrom('pipelines').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toPipeline(row, this.ctx.engine) : null;
  }

  async getDefault(): Promise<Pipeline | null> {
    const row = await this.ctx.db
      .selectFrom('pipelines')
      .selectAll()
      .where('is_default', '=', this.ctx.engine.bool(true))
      .orderBy('sort_key')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst();
    return row ? toPipeline(row, this.ctx.engine) : null;
  }

  async list(): Promise<Pipeline[]> {
    const rows = await this.ctx.db
      .selectFrom('pipelines')
      .selectAll()
      .orderBy('is_default', 'desc')
      .orderBy('sort_key')
      .orderBy('id')
      .execute();
    return rows.map((row) => toPipeline(row, this.ctx.engine));
  }

  async insert(pipeline: Pipeline): Promise<void> {
    const result = await this.ctx.db
      .insertInto('pipelines')
      .values(toRow(pipeline, this.ctx.engine))
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    expectInserted(result, 'pipeline', pipeline.id);
  }

  async update(pipeline: Pipeline): Promise<boolean> {
    const { id: _id, ...changes } = toRow(pipeline, this.ctx.engine);
    const result = await this.ctx.db.updateTable('pipelines').set(changes).where('id', '=', pipeline.id).where('version', '=', pipeline.version - 1).executeTakeFirst();
    return affected(result) > 0;
  }

  async delete(id: string): Promise<boolean> {
    return affected(await this.ctx.db.deleteFrom('pipelines').where('id', '=', id).executeTakeFirst()) > 0;
  }
}

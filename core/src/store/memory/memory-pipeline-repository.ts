import type { Pipeline } from '../../deals/pipeline.schema.js';
import { sortKey } from '../../shared/text.js';
import { storeConflicts } from '../store-conflicts.js';
import type { PipelineRepository } from '../../deals/pipeline.port.js';
import type { MemoryState } from './memory-state.js';
import { sortBy } from '../record-paging.js';

export class MemoryPipelineRepository implements PipelineRepository {
  constructor(private readonly state: MemoryState) {}

  async get(id: string): Promise<Pipeline | null> {
    return this.state.pipelines.get(id);
  }

  async getDefault(): Promise<Pipeline | null> {
    return (await this.list()).find((pipeline) => pipeline.isDefault) ?? null;
  }

  async list(): Promise<Pipeline[]> {
    return sortBy(this.state.pipelines.all(), {
      keyOf: (p) => [p.isDefault ? '0' : '1', sortKey(p.name), p.id],
      length: 3,
    });
  }

  async insert(pipeline: Pipeline): Promise<void> {
    if (this.state.pipelines.has(pipeline.id)) throw storeConflicts.duplicateId('pipeline', pipeline.id);
    this.state.pipelines.set(pipeline.id, pipeline);
  }

  async update(pipeline: Pipeline): Promise<boolean> {
    if (this.state.pipelines.get(pipeline.id)?.version !== pipeline.version - 1) return false;
    this.state.pipelines.set(pipeline.id, pipeline);
    return true;
  }

  async delete(id: string): Promise<boolean> {
    if (!this.state.pipelines.has(id)) return false;
    this.state.pipelines.delete(id);
    return true;
  }
}

import type { Pipeline } from './pipeline.schema.js';

export interface PipelineRepository {
  get(id: string): Promise<Pipeline | null>;
  getDefault(): Promise<Pipeline | null>;
  /** Default first, then by name (sortKey), then id. */
  list(): Promise<Pipeline[]>;
  insert(pipeline: Pipeline): Promise<void>;
  update(pipeline: Pipeline): Promise<boolean>;
}

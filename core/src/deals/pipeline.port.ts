import type { Pipeline } from './pipeline.schema.js';

export interface PipelineRepository {
  get(id: string): Promise<Pipeline | null>;
  getDefault(): Promise<Pipeline | null>;
  /** Default first, then by name (sortKey), then id. */
  list(): Promise<Pipeline[]>;
  insert(pipeline: Pipeline): Promise<void>;
  /** Writes only when the stored version is `pipeline.version - 1`; says whether it did. */
  update(pipeline: Pipeline): Promise<boolean>;
  /** Says whether there was such a pipeline. The caller checks it holds no deals. */
  delete(id: string): Promise<boolean>;
}

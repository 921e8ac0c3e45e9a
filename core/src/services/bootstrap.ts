import { DEFAULT_STAGES, type Pipeline } from '../deals/pipeline.schema.js';
import { recordEvent } from '../events/record-event.js';
import type { ServiceDeps } from './context.js';

/** Makes a new database ready to use: the default pipeline exists. Safe to run at every start. */
export async function ensureDefaultPipeline(deps: ServiceDeps): Promise<Pipeline> {
  return deps.store.transaction(async (uow) => {
    const existing = await uow.pipelines.getDefault();
    if (existing) return existing;
    const pipeline: Pipeline = {
      id: deps.ids.next('pipeline'),
      name: 'Sales',
      isDefault: true,
      teamId: null,
      stages: DEFAULT_STAGES,
      version: 1,
      createdAt: deps.clock.now().toISOString(),
      updatedAt: deps.clock.now().toISOString(),
    };
    await uow.pipelines.insert(pipeline);
    await recordEvent(uow, deps, null, { type: 'pipeline.created', entityType: 'pipeline', entityId: pipeline.id, after: pipeline });
    return pipeline;
  });
}

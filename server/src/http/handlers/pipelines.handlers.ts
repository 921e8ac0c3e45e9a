import type { pipelineRoutes } from '@rapport/http';
import type { Handlers } from '../bind-route.js';
import type { HttpDeps } from '../hub-env.js';

export function pipelineHandlers({ services }: HttpDeps): Handlers<typeof pipelineRoutes> {
  const pipelines = services.pipelines;
  return {
    getPipeline: async ({ actor, params }) => pipelines.get(actor, params.id),
    createPipeline: async ({ actor, body }) => pipelines.create(actor, body),
    renamePipeline: async ({ actor, params, body, ifMatch }) => pipelines.rename(actor, params.id, body, { expectedVersion: ifMatch }),
    deletePipeline: async ({ actor, params, ifMatch }) => pipelines.delete(actor, params.id, { expectedVersion: ifMatch }),
    addPipelineStage: async ({ actor, params, body, ifMatch }) => pipelines.addStage(actor, params.id, body, { expectedVersion: ifMatch }),
    reorderPipelineStages: async ({ actor, params, body, ifMatch }) => pipelines.reorderStages(actor, params.id, body, { expectedVersion: ifMatch }),
    updatePipelineStage: async ({ actor, params, body, ifMatch }) => pipelines.updateStage(actor, params.id, params.stageId, body, { expectedVersion: ifMatch }),
    removePipelineStage: async ({ actor, params, query, ifMatch }) =>
      pipelines.removeStage(actor, params.id, params.stageId, query.moveDealsTo === undefined ? {} : { moveDealsTo: query.moveDealsTo }, { expectedVersion: ifMatch }),
  };
}

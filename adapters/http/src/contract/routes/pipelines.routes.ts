import { AddStageInput, Id, PipelineInput, PipelinePatch, ReorderStagesInput, StageId, StagePatch } from '@rapport/core';
import { z } from 'zod';
import { IdParams } from '../common.js';
import { defineRoute } from '../route.js';
import { Pipeline } from '../schemas.js';

const StageParams = z.object({ id: Id, stageId: StageId });

const IF_MATCH = 'Send If-Match with the version you saw: a pipeline changed since is refused with 412.';

/** Editing pipelines and their stages: admins any pipeline, managers their team's. Listing is `listPipelines`. */
export const pipelineRoutes = {
  getPipeline: defineRoute({ method: 'GET', path: '/api/v1/pipelines/{id}', summary: 'Get a pipeline and its stages (ETag: its version)', tag: 'Pipelines', auth: true, params: IdParams, response: Pipeline, status: 200, versioned: true }),
  createPipeline: defineRoute({
    method: 'POST',
    path: '/api/v1/pipelines',
    summary: 'Create a pipeline (admins; managers for their team)',
    description: 'Stage ids are made from the names when left out, and never change afterwards. A stage with `outcome` won or lost closes a deal that enters it with that status.',
    tag: 'Pipelines',
    auth: true,
    body: PipelineInput,
    response: Pipeline,
    status: 201,
    versioned: true,
    idempotent: true,
  }),
  renamePipeline: defineRoute({ method: 'PATCH', path: '/api/v1/pipelines/{id}', summary: 'Rename a pipeline', description: IF_MATCH, tag: 'Pipelines', auth: true, params: IdParams, body: PipelinePatch, response: Pipeline, status: 200, versioned: true }),
  deletePipeline: defineRoute({
    method: 'DELETE',
    path: '/api/v1/pipelines/{id}',
    summary: 'Delete a pipeline that holds no deals',
    description: 'The default pipeline cannot be deleted; a pipeline with deals is refused with 409 until they are moved (PATCH each deal with pipelineId and stageId).',
    tag: 'Pipelines',
    auth: true,
    params: IdParams,
    response: null,
    status: 204,
    versioned: true,
  }),
  addPipelineStage: defineRoute({ method: 'POST', path: '/api/v1/pipelines/{id}/stages', summary: 'Add a stage (at `position`, else last)', description: IF_MATCH, tag: 'Pipelines', auth: true, params: IdParams, body: AddStageInput, response: Pipeline, status: 200, versioned: true }),
  reorderPipelineStages: defineRoute({ method: 'POST', path: '/api/v1/pipelines/{id}/stages/order', summary: 'Put the stages in a new order (every stage id once)', description: IF_MATCH, tag: 'Pipelines', auth: true, params: IdParams, body: ReorderStagesInput, response: Pipeline, status: 200, versioned: true }),
  updatePipelineStage: defineRoute({
    method: 'PATCH',
    path: '/api/v1/pipelines/{id}/stages/{stageId}',
    summary: 'Rename a stage, change its default probability or whether it counts as won or lost',
    description: `The stage keeps its id, so deals and their stage history stay as they are. A new default probability also applies to the stage's open deals that do not override it. ${IF_MATCH}`,
    tag: 'Pipelines',
    auth: true,
    params: StageParams,
    body: StagePatch,
    response: Pipeline,
    status: 200,
    versioned: true,
  }),
  removePipelineStage: defineRoute({
    method: 'DELETE',
    path: '/api/v1/pipelines/{id}/stages/{stageId}',
    summary: 'Remove a stage; `moveDealsTo` names the stage that takes its deals',
    description: `A stage that holds deals is refused with 409 (details.dealCount, details.moveDealsTo: the stages you can send) until moveDealsTo is given; each move is recorded in the deal's stage history. ${IF_MATCH}`,
    tag: 'Pipelines',
    auth: true,
    params: StageParams,
    query: z.object({ moveDealsTo: StageId.optional() }),
    response: Pipeline,
    status: 200,
    versioned: true,
  }),
};

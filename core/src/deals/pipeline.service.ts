import { recordEvent, changedFields } from '../events/record-event.js';
import { isAdmin, isManager } from '../permissions/permissions.js';
import type { Actor, ServiceDeps, WriteOptions } from '../services/context.js';
import { assertVersion, saveNextVersion } from '../services/versioned.js';
import { conflict, forbidden, invalidInput, notFound } from '../shared/errors.js';
import { parseInput } from '../shared/validate.js';
import type { UnitOfWork } from '../store/store.port.js';
import type { User } from '../users/user.schema.js';
import { dealsInStage, moveDealsToStage, repriceDeals } from './pipeline-deals.js';
import {
  AddStageInput,
  PipelineInput,
  PipelinePatch,
  RemoveStageInput,
  ReorderStagesInput,
  StagePatch,
  stageIdFrom,
  type StageInput,
} from './pipeline-input.schema.js';
import { DEFAULT_STAGES, findStage, pipelinesForTeam, PipelineStages, type Pipeline, type Stage } from './pipeline.schema.js';

/**
 * Pipelines and their stages, edited by admins (any pipeline) and by managers (their team's
 * pipelines). Everyone reads every pipeline. Stage ids never change once made, so renaming a
 * stage keeps the stage-history ledger and the analytics true; a stage that holds deals is
 * removed only with a stage to move them to, and each move is written to the ledger.
 */
export class PipelineService {
  constructor(private readonly deps: ServiceDeps) {}

  /** Default first, then by name. With `teamId`: the company-wide pipelines and that team's. */
  async list(_actor: Actor, filter: { teamId?: string } = {}): Promise<Pipeline[]> {
    const all = await this.deps.store.read((uow) => uow.pipelines.list());
    return filter.teamId === undefined ? all : pipelinesForTeam(all, filter.teamId);
  }

  async get(_actor: Actor, id: string): Promise<Pipeline> {
    return this.deps.store.read((uow) => requirePipelineById(uow, id));
  }

  async create(actor: Actor, input: PipelineInput): Promise<Pipeline> {
    const data = parseInput(PipelineInput, input, 'pipeline');
    const teamId = data.teamId === undefined ? (isAdmin(actor.user) ? null : actor.user.teamId) : data.teamId;
    assertMayEdit(actor.user, { teamId, name: data.name });
    const stages = checkStages(buildStages(data.stages ?? DEFAULT_STAGES));
    return this.deps.store.transaction(async (uow) => {
      if (teamId !== null && !(await uow.teams.get(teamId))) throw invalidInput(`No team with id ${teamId}.`, [{ path: 'teamId', message: 'Not a team.' }]);
      const now = this.now();
      const pipeline: Pipeline = { id: this.deps.ids.next('pipeline'), name: data.name, isDefault: false, teamId, stages, version: 1, createdAt: now, updatedAt: now };
      await uow.pipelines.insert(pipeline);
      await recordEvent(uow, this.deps, actor, { type: 'pipeline.created', entityType: 'pipeline', entityId: pipeline.id, after: pipeline });
      return pipeline;
    });
  }

  async rename(actor: Actor, id: string, patch: PipelinePatch, options: WriteOptions = {}): Promise<Pipeline> {
    const data = parseInput(PipelinePatch, patch, 'pipeline change');
    return this.change(actor, id, options, async () => ({ name: data.name }));
  }

  /** Deletes a pipeline that holds no deals; the default pipeline stays. */
  async delete(actor: Actor, id: string, options: WriteOptions = {}): Promise<void> {
    await this.deps.store.transaction(async (uow) => {
      const pipeline = await requirePipelineById(uow, id);
      assertVersion(pipeline, options.expectedVersion, 'pipeline');
      assertMayEdit(actor.user, pipeline);
      if (pipeline.isDefault) throw conflict(`${pipeline.name} is the default pipeline, where new deals go; it cannot be deleted.`, { reason: 'default_pipeline' });
      const page = await uow.deals.list({ pipelineId: id }, { limit: 1 });
      if (page.items.length > 0) {
        throw conflict(`${pipeline.name} still holds deals. Move them to another pipeline first (PATCH each deal with pipelineId and stageId).`, { reason: 'pipeline_has_deals' });
      }
      await uow.pipelines.delete(id);
      await recordEvent(uow, this.deps, actor, { type: 'pipeline.deleted', entityType: 'pipeline', entityId: id, before: pipeline });
    });
  }

  async addStage(actor: Actor, id: string, input: AddStageInput, options: WriteOptions = {}): Promise<Pipeline> {
    const { position, ...stage } = parseInput(AddStageInput, input, 'stage');
    return this.change(actor, id, options, async (_uow, pipeline) => {
      if (stage.id !== undefined && findStage(pipeline, stage.id)) throw conflict(`${pipeline.name} already has a stage with id ${stage.id}.`, { reason: 'stage_exists' });
      const [made] = buildStages([stage], new Set(pipeline.stages.map((s) => s.id)));
      const stages = [...pipeline.stages];
      stages.splice(position ?? stages.length, 0, ...(made ? [made] : []));
      return { stages };
    });
  }

  /** Renames a stage (its id stays), changes its default probability (open deals that follow it too) or its outcome. */
  async updateStage(actor: Actor, id: string, stageId: string, patch: StagePatch, options: WriteOptions = {}): Promise<Pipeline> {
    const data = parseInput(StagePatch, patch, 'stage change');
    return this.change(actor, id, options, async (uow, pipeline, now) => {
      const stage = requireStage(pipeline, stageId);
      const next: Stage = { ...stage, ...(data.name !== undefined ? { name: data.name } : {}), ...(data.probability !== undefined ? { probability: data.probability } : {}) };
      if (data.outcome !== undefined) {
        delete next.outcome;
        if (data.outcome !== null) next.outcome = data.outcome;
      }
      if (next.outcome !== undefined && next.outcome !== stage.outcome) {
        const open = await dealsInStage(uow, pipeline.id, stageId, ['open', 'suspended']);
        if (open.length > 0) {
          throw conflict(`"${stage.name}" holds ${countOf(open.length)} not yet closed; move or close them before it closes deals as ${next.outcome}.`, { reason: 'stage_has_open_deals', dealCount: open.length });
        }
      }
      if (data.probability !== undefined && next.outcome === undefined) {
        await repriceDeals(uow, this.deps, actor, await dealsInStage(uow, pipeline.id, stageId, ['open']), data.probability, now);
      }
      return { stages: pipeline.stages.map((s) => (s.id === stageId ? next : s)) };
    });
  }

  async reorderStages(actor: Actor, id: string, input: ReorderStagesInput, options: WriteOptions = {}): Promise<Pipeline> {
    const { stageIds } = parseInput(ReorderStagesInput, input, 'stage order');
    return this.change(actor, id, options, async (_uow, pipeline) => {
      const current = pipeline.stages.map((s) => s.id);
      if (stageIds.length !== current.length || new Set(stageIds).size !== current.length || !current.every((s) => stageIds.includes(s))) {
        throw invalidInput(`Send every stage id of ${pipeline.name} once, in the new order.`, [{ path: 'stageIds', message: `Use each of: ${current.join(', ')}.` }]);
      }
      return { stages: stageIds.map((s) => requireStage(pipeline, s)) };
    });
  }

  /**
   * Removes a stage. When deals are in it (open or closed), `moveDealsTo` names the stage
   * that takes them, else a conflict says how many there are and what to send.
   */
  async removeStage(actor: Actor, id: string, stageId: string, input: RemoveStageInput = {}, options: WriteOptions = {}): Promise<Pipeline> {
    const { moveDealsTo } = parseInput(RemoveStageInput, input, 'stage removal');
    return this.change(actor, id, options, async (uow, pipeline, now) => {
      const stage = requireStage(pipeline, stageId);
      const stages = pipeline.stages.filter((s) => s.id !== stageId);
      const deals = await dealsInStage(uow, pipeline.id, stageId);
      if (deals.length > 0) {
        const options = stages.filter((s) => s.outcome === undefined).map((s) => s.id);
        if (moveDealsTo === undefined) {
          throw conflict(`"${stage.name}" holds ${countOf(deals.length)}. Send moveDealsTo with the stage they should move to (one of: ${options.join(', ')}).`, {
            reason: 'stage_has_deals',
            dealCount: deals.length,
            moveDealsTo: options,
          });
        }
        const target = stages.find((s) => s.id === moveDealsTo);
        if (!target || target.outcome !== undefined) {
          throw invalidInput(`Deals move to an open stage of ${pipeline.name} other than the one removed.`, [{ path: 'moveDealsTo', message: `Use one of: ${options.join(', ')}.` }]);
        }
        await moveDealsToStage(uow, this.deps, actor, deals, target, now);
      }
      return { stages };
    });
  }

  /** Loads, checks version and permission, applies the changes, records the event. */
  private async change(
    actor: Actor,
    id: string,
    options: WriteOptions,
    decide: (uow: UnitOfWork, pipeline: Pipeline, now: string) => Promise<Partial<Pick<Pipeline, 'name' | 'stages'>>>,
  ): Promise<Pipeline> {
    return this.deps.store.transaction(async (uow) => {
      const pipeline = await requirePipelineById(uow, id);
      assertVersion(pipeline, options.expectedVersion, 'pipeline');
      assertMayEdit(actor.user, pipeline);
      const now = this.now();
      const changes = await decide(uow, pipeline, now);
      if (changes.stages) changes.stages = checkStages(changes.stages);
      const diff = changedFields(pipeline, { ...pipeline, ...changes }, ['version', 'updatedAt']);
      if (!diff) return pipeline;
      const next = await saveNextVersion<Pipeline>((p) => uow.pipelines.update(p), pipeline, changes, now, 'pipeline');
      await recordEvent(uow, this.deps, actor, { type: 'pipeline.updated', entityType: 'pipeline', entityId: id, ...diff });
      return next;
    });
  }

  private now(): string {
    return this.deps.clock.now().toISOString();
  }
}

/** Admins edit every pipeline; managers edit their own team's; reps read only. */
export function mayEditPipeline(user: User, pipeline: Pick<Pipeline, 'teamId'>): boolean {
  return isAdmin(user) || (isManager(user) && pipeline.teamId !== null && pipeline.teamId === user.teamId);
}

function assertMayEdit(user: User, pipeline: Pick<Pipeline, 'teamId' | 'name'>): void {
  if (mayEditPipeline(user, pipeline)) return;
  if (!isManager(user)) throw forbidden('Only admins and managers change pipelines; ask your manager.');
  throw forbidden(
    pipeline.teamId === null
      ? `${pipeline.name} is company-wide; only an admin changes it. Managers change their team's pipelines.`
      : `${pipeline.name} belongs to another team; managers change their own team's pipelines.`,
  );
}

async function requirePipelineById(uow: UnitOfWork, id: string): Promise<Pipeline> {
  const pipeline = await uow.pipelines.get(id);
  if (!pipeline) throw notFound('pipeline', id);
  return pipeline;
}

function requireStage(pipeline: Pipeline, stageId: string): Stage {
  const stage = findStage(pipeline, stageId);
  if (!stage) throw notFound('stage', `${stageId} (in ${pipeline.name}; stages: ${pipeline.stages.map((s) => s.id).join(', ')})`);
  return stage;
}

/** Stages from input: ids made from names where left out, unique within the pipeline. */
function buildStages(inputs: readonly StageInput[], taken: ReadonlySet<string> = new Set()): Stage[] {
  const used = new Set(taken);
  return inputs.map((input) => {
    const id = input.id ?? stageIdFrom(input.name, used);
    used.add(id);
    return { id, name: input.name.trim(), probability: input.probability, ...(input.outcome ? { outcome: input.outcome } : {}) };
  });
}

function checkStages(stages: Stage[]): Stage[] {
  return parseInput(PipelineStages, stages, 'stages');
}

const countOf = (n: number): string => (n === 1 ? '1 deal' : `${n} deals`);

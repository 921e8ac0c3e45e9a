import { conflict, invalidInput } from '../shared/errors.js';
import type { Actor } from '../services/context.js';
import type { Deal, DealStatus, StageChange } from './deal.schema.js';
import { findStage, openStages, type Pipeline, type Stage } from './pipeline.schema.js';

/**
 * The rules of a deal's life, as pure functions: each returns the fields that change, or
 * throws a CrmError saying why the move is not allowed and what to do instead.
 *
 *   open ──stage──► open        open ──win──► won      open ──lose──► lost
 *   open ──suspend──► suspended ──reactivate──► open
 *   won | lost ──reopen (manager)──► open
 *   open ──stage with an outcome──► won | lost   (see StageOutcome in pipeline.schema.ts)
 */
export type DealChanges = Partial<Pick<Deal, 'pipelineId' | 'stageId' | 'status' | 'probability' | 'probabilityOverridden' | 'stageEnteredAt' | 'closedAt' | 'lostReason' | 'competitor'>>;

const CLOSED: readonly DealStatus[] = ['won', 'lost'];

function assertOpen(deal: Deal, doing: string): void {
  if (deal.status === 'open') return;
  if (deal.status === 'suspended') throw conflict(`"${deal.title}" is suspended. Reactivate it before you ${doing}.`, { status: deal.status });
  throw conflict(`"${deal.title}" is ${deal.status}. A manager can reopen it if it should ${doing}.`, { status: deal.status });
}

export function resolveStage(pipeline: Pipeline, wanted: string) {
  const folded = wanted.trim().toLowerCase();
  const stage =
    findStage(pipeline, folded) ??
    pipeline.stages.find((s) => s.name.toLowerCase() === folded) ??
    pipeline.stages.find((s) => s.name.toLowerCase().startsWith(folded) || s.id.startsWith(folded));
  if (!stage) {
    throw invalidInput(`No stage "${wanted}" in ${pipeline.name}. Stages: ${pipeline.stages.map((s) => s.name).join(', ')}.`, [
      { path: 'stageId', message: `Use one of: ${pipeline.stages.map((s) => s.id).join(', ')}.` },
    ]);
  }
  return stage;
}

export function moveStage(deal: Deal, pipeline: Pipeline, stageId: string, now: string): DealChanges | null {
  assertOpen(deal, 'move stage');
  const stage = resolveStage(pipeline, stageId);
  if (stage.id === deal.stageId) return null;
  return enterStage(deal, stage, now);
}

/**
 * Moves an open deal to another pipeline, into `stageId` or the pipeline's first open stage.
 * Stage ids are per pipeline, so a stage must be named again in the new one.
 */
export function movePipeline(deal: Deal, pipeline: Pipeline, stageId: string | undefined, now: string): DealChanges | null {
  if (pipeline.id === deal.pipelineId) return stageId === undefined ? null : moveStage(deal, pipeline, stageId, now);
  assertOpen(deal, 'move to another pipeline');
  const stage = stageId === undefined ? openStages(pipeline)[0] : resolveStage(pipeline, stageId);
  if (!stage) throw invalidInput(`${pipeline.name} has no open stage to move the deal into.`);
  return { pipelineId: pipeline.id, ...enterStage(deal, stage, now) };
}

/** The changes of an open deal entering `stage`: a stage with an outcome closes the deal with it. */
export function enterStage(deal: Deal, stage: Stage, now: string): DealChanges {
  const entered: DealChanges = { stageId: stage.id, stageEnteredAt: now };
  if (stage.outcome === 'won') return { ...entered, ...win(deal, now) };
  if (stage.outcome === 'lost') return { ...entered, ...lose(deal, null, null, now) };
  return { ...entered, probability: deal.probabilityOverridden ? deal.probability : stage.probability };
}

export function win(deal: Deal, now: string): DealChanges {
  assertOpen(deal, 'be won');
  return { status: 'won', closedAt: now, probability: 100, probabilityOverridden: false, lostReason: null, competitor: null };
}

export function lose(deal: Deal, reason: string | null, competitor: string | null, now: string): DealChanges {
  if (deal.status !== 'suspended') assertOpen(deal, 'be lost');
  return { status: 'lost', closedAt: now, probability: 0, probabilityOverridden: false, lostReason: reason, competitor };
}

export function suspend(deal: Deal): DealChanges {
  assertOpen(deal, 'suspend it');
  return { status: 'suspended' };
}

export function reactivate(deal: Deal, now: string): DealChanges {
  if (deal.status !== 'suspended') throw conflict(`"${deal.title}" is ${deal.status}, not suspended.`, { status: deal.status });
  return { status: 'open', stageEnteredAt: now };
}

export function reopen(deal: Deal, pipeline: Pipeline, now: string): DealChanges {
  if (!CLOSED.includes(deal.status)) throw conflict(`"${deal.title}" is ${deal.status}; only won or lost deals are reopened.`, { status: deal.status });
  // A deal closed by entering a won/lost stage reopens in the last open stage; one whose stage is gone, in the first.
  const current = findStage(pipeline, deal.stageId);
  const open = openStages(pipeline);
  const stage = current?.outcome === undefined ? (current ?? open[0]) : open.at(-1);
  return {
    status: 'open',
    closedAt: null,
    lostReason: null,
    competitor: null,
    stageId: stage?.id ?? deal.stageId,
    stageEnteredAt: now,
    probability: stage?.probability ?? 0,
    probabilityOverridden: false,
  };
}

/** The ledger entry for a deal going from `before` (null when created) to `after`. */
export function stageChangeOf(id: string, actor: Actor, before: Deal | null, after: Deal): StageChange {
  return {
    id,
    dealId: after.id,
    pipelineId: after.pipelineId,
    fromPipelineId: before?.pipelineId ?? null,
    fromStageId: before?.stageId ?? null,
    fromStatus: before?.status ?? null,
    stageId: after.stageId,
    status: after.status,
    at: after.updatedAt,
    actorId: actor.user.id,
    surface: actor.surface,
  };
}

import { conflict, invalidInput } from '../shared/errors.js';
import type { Deal, DealStatus } from './deal.schema.js';
import { findStage, type Pipeline } from './pipeline.schema.js';

/**
 * The rules of a deal's life, as pure functions: each returns the fields that change, or
 * throws a CrmError saying why the move is not allowed and what to do instead.
 *
 *   open ──stage──► open        open ──win──► won      open ──lose──► lost
 *   open ──suspend──► suspended ──reactivate──► open
 *   won | lost ──reopen (manager)──► open
 */
export type DealChanges = Partial<Pick<Deal, 'stageId' | 'status' | 'probability' | 'probabilityOverridden' | 'stageEnteredAt' | 'closedAt' | 'lostReason' | 'competitor'>>;

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
  return {
    stageId: stage.id,
    stageEnteredAt: now,
    probability: deal.probabilityOverridden ? deal.probability : stage.probability,
  };
}

export function win(deal: Deal, now: string): DealChanges {
  assertOpen(deal, 'be won');
  return { status: 'won', closedAt: now, probability: 100, probabilityOverridden: false, lostReason: null, competitor: null };
}

export function lose(deal: Deal, reason: string, competitor: string | null, now: string): DealChanges {
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
  const stage = findStage(pipeline, deal.stageId) ?? pipeline.stages[0];
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

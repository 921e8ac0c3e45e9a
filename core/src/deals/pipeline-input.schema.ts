import { z } from 'zod';
import { DisplayName, Id } from '../shared/schema.js';
import { MAX_STAGES, StageId, StageOutcome } from './pipeline.schema.js';

const Probability = z.number().int('A whole percentage, 0–100.').min(0).max(100);

/** A stage as an admin or manager writes it; the id is made from the name when left out. */
export const StageInput = z.strictObject({
  id: StageId.optional(),
  name: DisplayName(60),
  probability: Probability,
  /** 'won' or 'lost' makes entering the stage close the deal with that status; null or absent: an open stage. */
  outcome: StageOutcome.nullable().optional(),
});
export type StageInput = z.input<typeof StageInput>;

export const PipelineInput = z.strictObject({
  name: DisplayName(100),
  /** The team the pipeline is for; null for company-wide (admins only). A manager's own team when left out. */
  teamId: Id.nullable().optional(),
  /** In order; the default stages when left out. */
  stages: z.array(StageInput).min(1).max(MAX_STAGES).optional(),
});
export type PipelineInput = z.input<typeof PipelineInput>;

export const PipelinePatch = z.strictObject({
  name: DisplayName(100),
});
export type PipelinePatch = z.input<typeof PipelinePatch>;

export const AddStageInput = StageInput.extend({
  /** Where the stage goes, 0 being first; at the end when left out. */
  position: z.number().int().min(0).max(MAX_STAGES).optional(),
});
export type AddStageInput = z.input<typeof AddStageInput>;

export const StagePatch = z.strictObject({
  name: DisplayName(60).optional(),
  /** Also the probability of the stage's open deals that do not override it. */
  probability: Probability.optional(),
  outcome: StageOutcome.nullable().optional(),
});
export type StagePatch = z.input<typeof StagePatch>;

export const ReorderStagesInput = z.strictObject({
  /** Every stage id of the pipeline, once, in the new order. */
  stageIds: z.array(StageId).min(1).max(MAX_STAGES),
});
export type ReorderStagesInput = z.input<typeof ReorderStagesInput>;

export const RemoveStageInput = z.strictObject({
  /** The stage (of the same pipeline) that takes the removed stage's deals; required when it holds any. */
  moveDealsTo: StageId.optional(),
});
export type RemoveStageInput = z.input<typeof RemoveStageInput>;

/** A stage id made from a name: `Closed – won` → `closed-won`; `stage` when nothing of the name is left. */
export function stageIdFrom(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 34)
      .replace(/-+$/, '') || 'stage';
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  return id;
}

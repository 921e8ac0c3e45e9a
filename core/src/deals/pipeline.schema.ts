import { z } from 'zod';
import { DisplayName, Id, Instant } from '../shared/schema.js';

export const StageId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'Stage ids are short lower-case slugs such as proposal.');

/**
 * How a stage "counts as won or lost". Won and lost stay deal statuses (the analytics read
 * `status`, `closedAt` and the stage-history ledger); a stage with an outcome is a door to
 * that status: a deal that enters it is closed with that status at once, and keeps the
 * stage id, so a board or report can still say where it was closed. Stages without an
 * outcome are the open stages a deal works through.
 */
export const StageOutcome = z.enum(['won', 'lost']);
export type StageOutcome = z.infer<typeof StageOutcome>;

export const Stage = z.object({
  id: StageId,
  name: DisplayName(60),
  /** Default win probability for deals in this stage, 0–100. */
  probability: z.number().int().min(0).max(100),
  /** Absent for an open stage; see StageOutcome. */
  outcome: StageOutcome.optional(),
});
export type Stage = z.infer<typeof Stage>;

export const MAX_STAGES = 30;

export const PipelineStages = z
  .array(Stage)
  .min(1, 'A pipeline needs at least one stage.')
  .max(MAX_STAGES, `A pipeline has at most ${MAX_STAGES} stages.`)
  .refine((stages) => new Set(stages.map((s) => s.id)).size === stages.length, 'Stage ids must be unique.')
  .refine((stages) => stages.some((s) => s.outcome === undefined), 'A pipeline needs at least one open stage (a stage without an outcome).');

export const Pipeline = z.object({
  id: Id,
  name: DisplayName(100),
  isDefault: z.boolean(),
  /** The team whose pipeline this is, or null for a company-wide pipeline (the default is company-wide). */
  teamId: Id.nullable().default(null),
  /** In order, first to last. */
  stages: PipelineStages,
  version: z.number().int().min(1).default(1),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Pipeline = z.infer<typeof Pipeline>;

/** The pipeline every new hub starts with. */
export const DEFAULT_STAGES: Stage[] = [
  { id: 'lead', name: 'Lead', probability: 10 },
  { id: 'qualified', name: 'Qualified', probability: 20 },
  { id: 'demo', name: 'Demo', probability: 40 },
  { id: 'proposal', name: 'Proposal', probability: 60 },
  { id: 'negotiation', name: 'Negotiation', probability: 80 },
];

export function findStage(pipeline: Pipeline, stageId: string): Stage | undefined {
  return pipeline.stages.find((s) => s.id === stageId);
}

export function stageIndex(pipeline: Pipeline, stageId: string): number {
  return pipeline.stages.findIndex((s) => s.id === stageId);
}

/** The stages a deal works through (no outcome), in order: board columns, pickers. */
export function openStages(pipeline: Pipeline): Stage[] {
  return pipeline.stages.filter((s) => s.outcome === undefined);
}

/** The pipelines `teamId` works in: company-wide ones and the team's own, in list order. */
export function pipelinesForTeam(pipelines: readonly Pipeline[], teamId: string | null): Pipeline[] {
  return pipelines.filter((p) => p.teamId === null || p.teamId === teamId);
}

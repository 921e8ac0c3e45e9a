import { z } from 'zod';
import { DisplayName, Id, Instant } from '../shared/schema.js';

export const StageId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9_-]{0,39}$/, 'Stage ids are short lower-case slugs such as proposal.');

export const Stage = z.object({
  id: StageId,
  name: DisplayName(60),
  /** Default win probability for deals in this stage, 0–100. */
  probability: z.number().int().min(0).max(100),
});
export type Stage = z.infer<typeof Stage>;

export const Pipeline = z.object({
  id: Id,
  name: DisplayName(100),
  isDefault: z.boolean(),
  /** In order, first to last. Won and lost are statuses, not stages. */
  stages: z
    .array(Stage)
    .min(1, 'A pipeline needs at least one stage.')
    .max(30)
    .refine((stages) => new Set(stages.map((s) => s.id)).size === stages.length, 'Stage ids must be unique.'),
  createdAt: Instant,
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

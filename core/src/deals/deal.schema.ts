import { z } from 'zod';
import { CustomFieldValues, CustomFieldValuesInput } from '../custom-fields/custom-field.schema.js';
import { Money } from '../shared/money.js';
import { CalendarDate, DisplayName, Id, Instant, OptionalText, Surface } from '../shared/schema.js';
import { StageId } from './pipeline.schema.js';

export const DealStatus = z.enum(['open', 'won', 'lost', 'suspended']);
export type DealStatus = z.infer<typeof DealStatus>;

const Probability = z.number().int('A whole percentage, 0–100.').min(0).max(100);

export const Deal = z.object({
  id: Id,
  title: DisplayName(),
  accountId: Id,
  primaryContactId: Id.nullable(),
  amount: Money,
  pipelineId: Id,
  stageId: StageId,
  /** Effective win probability, 0–100: the stage's default unless overridden. */
  probability: Probability,
  probabilityOverridden: z.boolean(),
  expectedCloseDate: CalendarDate.nullable(),
  ownerId: Id,
  collaboratorIds: z.array(Id),
  status: DealStatus,
  lostReason: z.string().nullable(),
  competitor: z.string().nullable(),
  campaignId: Id.nullable(),
  /** The owner's call that this deal is in their commit forecast. */
  commit: z.boolean(),
  /** When the deal entered its current stage: the last stage-history entry, kept for fast queries. */
  stageEnteredAt: Instant,
  closedAt: Instant.nullable(),
  /** Values of the custom fields defined on deals, by field key. */
  customFields: CustomFieldValues.default({}),
  version: z.number().int().min(1),
  createdAt: Instant,
  updatedAt: Instant,
});
export type Deal = z.infer<typeof Deal>;

/**
 * One entry of a deal's stage-history ledger: written on creation and on every stage move,
 * pipeline move or status change, never edited. Time in stage is computed from these.
 * Stage ids are stable (renaming a stage keeps its id), so old entries stay true.
 */
export const StageChange = z.object({
  id: Id,
  dealId: Id,
  /**
   * The pipeline `stageId` belongs to, and the one `fromStageId` belonged to. Null only on
   * entries written before deals could move between pipelines (the deal's pipeline then).
   */
  pipelineId: Id.nullable().default(null),
  fromPipelineId: Id.nullable().default(null),
  fromStageId: StageId.nullable(),
  fromStatus: DealStatus.nullable(),
  stageId: StageId,
  status: DealStatus,
  at: Instant,
  actorId: Id.nullable(),
  surface: Surface,
});
export type StageChange = z.infer<typeof StageChange>;

export const DealInput = z.strictObject({
  title: DisplayName(),
  accountId: Id,
  primaryContactId: Id.nullable().default(null),
  amount: Money,
  pipelineId: Id.optional(),
  stageId: StageId.optional(),
  probability: Probability.optional(),
  expectedCloseDate: CalendarDate.nullable().default(null),
  ownerId: Id.optional(),
  collaboratorIds: z.array(Id).max(50).default([]),
  campaignId: Id.nullable().default(null),
  commit: z.boolean().default(false),
  /** Values by custom field key, checked against the fields defined on deals. */
  customFields: CustomFieldValuesInput.optional(),
});
export type DealInput = z.input<typeof DealInput>;

export const DealPatch = z.strictObject({
  title: DisplayName().optional(),
  /** Moves the deal to another pipeline (with `stageId`, else the new pipeline's first open stage). */
  pipelineId: Id.optional(),
  /** Moves the deal to this stage of its (new) pipeline, as a stage move does. */
  stageId: StageId.optional(),
  primaryContactId: Id.nullable().optional(),
  amount: Money.optional(),
  /** A number overrides the stage default; null goes back to it. */
  probability: Probability.nullable().optional(),
  expectedCloseDate: CalendarDate.nullable().optional(),
  collaboratorIds: z.array(Id).max(50).optional(),
  campaignId: Id.nullable().optional(),
  commit: z.boolean().optional(),
  /** Keys sent replace their values, null clears one, keys not sent stay. */
  customFields: CustomFieldValuesInput.optional(),
});
export type DealPatch = z.input<typeof DealPatch>;

export const LoseInput = z.strictObject({
  reason: DisplayName(200),
  competitor: OptionalText(200),
});
export type LoseInput = z.input<typeof LoseInput>;

export const TransferInput = z.strictObject({
  toUserId: Id,
  note: DisplayName(2000),
});
export type TransferInput = z.input<typeof TransferInput>;

import { z } from 'zod';
import { Id, Instant, Surface } from '../shared/schema.js';

export const EntityType = z.enum(['user', 'team', 'account', 'contact', 'deal', 'activity', 'reminder', 'pipeline', 'token', 'target', 'campaign', 'custom_field']);
export type EntityType = z.infer<typeof EntityType>;

/** Every change, as it happened: feeds stage history, reports, channel alerts and the audit trail. */
export const CrmEvent = z.object({
  id: Id,
  /** `<entity>.<what>`: deal.created, deal.stage_changed, deal.won, contact.merged, … */
  type: z.string().regex(/^[a-z]+\.[a-z_]+$/),
  entityType: EntityType,
  entityId: Id,
  actorId: Id.nullable(),
  surface: Surface,
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  at: Instant,
});
export type CrmEvent = z.infer<typeof CrmEvent>;

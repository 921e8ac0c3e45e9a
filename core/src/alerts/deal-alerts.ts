import { z } from 'zod';
import type { Deal } from '../deals/deal.schema.js';
import type { Pipeline } from '../deals/pipeline.schema.js';
import type { CrmEvent } from '../events/event.schema.js';
import { Money } from '../shared/money.js';
import { Instant } from '../shared/schema.js';

/**
 * Which deal changes a team's alert channel hears about. Stored with the data
 * (settings key `alerts.deals`) and changed by admins only.
 */
export const DealAlertSettings = z.object({
  /** The chat channel alerts go to (a Slack channel id); null: alerts are off. */
  channel: z.string().trim().min(1).max(100).nullable(),
  /**
   * Per currency, the smallest deal worth announcing. Amounts are never converted: a deal is
   * compared with the minimum of its own currency, and a currency without one announces every deal.
   */
  minimums: z.array(Money).max(50),
  /** When the channel was set: changes made before it are not announced there. */
  since: Instant.nullable().default(null),
});
export type DealAlertSettings = z.infer<typeof DealAlertSettings>;

export const DEFAULT_ALERT_SETTINGS: DealAlertSettings = { channel: null, minimums: [], since: null };

/** The deal event types an alert channel may hear about. */
export const ALERT_EVENT_TYPES = ['deal.won', 'deal.lost', 'deal.stage_changed'] as const;

export type DealAlertKind = 'won' | 'lost' | 'moved_forward' | 'moved_back';

/** One announcement: what happened to which deal, who did it, and where it is now. */
export interface DealAlert {
  /** The event it announces; its id makes the announcement happen once. */
  eventId: string;
  kind: DealAlertKind;
  deal: Deal;
  accountName: string;
  /** Who made the change (null: the system), and the deal's owner. */
  actor: { id: string; name: string } | null;
  owner: { id: string; name: string } | null;
  /** For stage moves: where the deal came from and went to, by name. */
  fromStage: string | null;
  toStage: string | null;
  at: string;
}

/** The minimum that applies to a deal's amount, in its own currency (0 when none is set). */
export function minimumFor(settings: DealAlertSettings, currency: string): number {
  return settings.minimums.find((m) => m.currency === currency)?.minor ?? 0;
}

/**
 * Whether a deal event is worth announcing, and as what: wins, losses and stage moves of deals
 * at or above the minimum for their currency. Nothing is announced while no channel is set.
 */
export function alertKindOf(event: Pick<CrmEvent, 'type' | 'before' | 'after'>, deal: Deal, pipeline: Pipeline | null, settings: DealAlertSettings): DealAlertKind | null {
  if (settings.channel === null || deal.amount.minor < minimumFor(settings, deal.amount.currency)) return null;
  if (event.type === 'deal.won') return 'won';
  if (event.type === 'deal.lost') return 'lost';
  if (event.type !== 'deal.stage_changed') return null;
  const { from, to } = stageMove(event);
  if (!from || !to || from === to) return null;
  const order = (id: string) => pipeline?.stages.findIndex((s) => s.id === id) ?? -1;
  return order(to) < order(from) ? 'moved_back' : 'moved_forward';
}

/** The stage ids before and after a `deal.stage_changed` event (its before/after hold the changed fields). */
export function stageMove(event: Pick<CrmEvent, 'before' | 'after'>): { from: string | null; to: string | null } {
  const stageOf = (side: unknown): string | null =>
    typeof side === 'object' && side !== null && typeof (side as { stageId?: unknown }).stageId === 'string' ? (side as { stageId: string }).stageId : null;
  return { from: stageOf(event.before), to: stageOf(event.after) };
}

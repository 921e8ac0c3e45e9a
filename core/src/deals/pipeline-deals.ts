import { changedFields, recordEvent } from '../events/record-event.js';
import type { Actor, ServiceDeps } from '../services/context.js';
import { saveNextVersion } from '../services/versioned.js';
import type { UnitOfWork } from '../store/store.port.js';
import type { DealFilter } from './deal.port.js';
import type { Deal, DealStatus } from './deal.schema.js';
import { stageChangeOf } from './deal-transitions.js';
import type { Stage } from './pipeline.schema.js';

/** What editing a pipeline does to the deals in it, deal by deal, each as a versioned change with its event. */

/** Every deal of one stage of one pipeline (of the given statuses), read page by page before anything changes. */
export async function dealsInStage(uow: UnitOfWork, pipelineId: string, stageId: string, statuses?: readonly DealStatus[]): Promise<Deal[]> {
  const filter: DealFilter = { pipelineId, stageId, ...(statuses ? { statuses } : {}) };
  const deals: Deal[] = [];
  let cursor: string | undefined;
  do {
    const page = await uow.deals.list(filter, { limit: 200, cursor });
    deals.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return deals;
}

/**
 * Moves the deals of a stage being removed into `target`, whatever their status: open ones
 * enter it as on a stage move (its default probability unless overridden), closed and
 * suspended ones keep their status and only change stage. Each move lands in the ledger.
 */
export async function moveDealsToStage(uow: UnitOfWork, deps: ServiceDeps, actor: Actor, deals: readonly Deal[], target: Stage, now: string): Promise<void> {
  for (const deal of deals) {
    const changes: Partial<Deal> =
      deal.status === 'open'
        ? { stageId: target.id, stageEnteredAt: now, probability: deal.probabilityOverridden ? deal.probability : target.probability }
        : { stageId: target.id, stageEnteredAt: deal.status === 'suspended' ? now : deal.stageEnteredAt };
    const next = await saveNextVersion((d) => uow.deals.update(d), deal, changes, now, 'deal');
    await uow.deals.appendStageChange(stageChangeOf(deps.ids.next('stageChange'), actor, deal, next));
    await recordEvent(uow, deps, actor, { type: 'deal.stage_changed', entityType: 'deal', entityId: deal.id, ...changedFields(deal, next, ['version', 'updatedAt']) });
  }
}

/** Gives the open deals of a stage that follow its default the stage's new default probability. */
export async function repriceDeals(uow: UnitOfWork, deps: ServiceDeps, actor: Actor, deals: readonly Deal[], probability: number, now: string): Promise<void> {
  for (const deal of deals) {
    if (deal.probabilityOverridden || deal.probability === probability) continue;
    await saveNextVersion((d) => uow.deals.update(d), deal, { probability }, now, 'deal');
    await recordEvent(uow, deps, actor, { type: 'deal.updated', entityType: 'deal', entityId: deal.id, before: { probability: deal.probability }, after: { probability } });
  }
}

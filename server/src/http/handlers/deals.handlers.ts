import { CrmError, DEAL_SORT_KEYS, isDealSortKey, type DealFilter } from '@rapport/core';
import type { dealRoutes } from '@rapport/http';
import type { Handlers } from '../bind-route.js';
import type { HttpDeps } from '../hub-env.js';

export function dealHandlers({ services }: HttpDeps): Handlers<typeof dealRoutes> {
  const deals = services.deals;
  return {
    listDeals: async ({ actor, query }) => {
      const filter: DealFilter = {
        ...(query.accountId ? { accountId: query.accountId } : {}),
        ...(query.contactId ? { primaryContactId: query.contactId } : {}),
        ...(query.ownerId ? { ownerIds: query.ownerId } : {}),
        ...(query.status ? { statuses: query.status } : {}),
        ...(query.pipelineId ? { pipelineId: query.pipelineId } : {}),
        ...(query.stageId ? { stageId: query.stageId } : {}),
        ...(query.campaignId ? { campaignId: query.campaignId } : {}),
        ...(query.closeFrom ? { closeFrom: query.closeFrom } : {}),
        ...(query.closeTo ? { closeTo: query.closeTo } : {}),
      };
      // A built-in order goes to the deals; any other key must be a custom field's.
      const builtIn = query.sort !== undefined && isDealSortKey(query.sort.replace(/^-/, ''));
      const custom = await services.customFields.query(actor, 'deal', { filter: query.filter, sort: builtIn ? undefined : query.sort }).catch((error: unknown) => {
        throw unknownSort(error, query.sort);
      });
      if (custom) filter.custom = custom;
      return deals.list(actor, filter, { limit: query.limit, cursor: query.cursor }, builtIn ? query.sort : undefined);
    },
    createDeal: async ({ actor, body }) => deals.create(actor, body),
    getDeal: async ({ actor, params }) => deals.get(actor, params.id),
    updateDeal: async ({ actor, params, body, ifMatch }) => deals.update(actor, params.id, body, { expectedVersion: ifMatch }),
    deleteDeal: async ({ actor, params, ifMatch }) => deals.delete(actor, params.id, { expectedVersion: ifMatch }),
    dealHistory: async ({ actor, params }) => ({ items: await deals.history(actor, params.id) }),
    moveDealStage: async ({ actor, params, body, ifMatch }) => deals.moveStage(actor, params.id, body.stageId, { expectedVersion: ifMatch }),
    winDeal: async ({ actor, params, ifMatch }) => deals.win(actor, params.id, { expectedVersion: ifMatch }),
    loseDeal: async ({ actor, params, body, ifMatch }) => deals.lose(actor, params.id, body, { expectedVersion: ifMatch }),
    suspendDeal: async ({ actor, params, ifMatch }) => deals.suspend(actor, params.id, { expectedVersion: ifMatch }),
    reactivateDeal: async ({ actor, params, ifMatch }) => deals.reactivate(actor, params.id, { expectedVersion: ifMatch }),
    reopenDeal: async ({ actor, params, ifMatch }) => deals.reopen(actor, params.id, { expectedVersion: ifMatch }),
    transferDeal: async ({ actor, params, body, ifMatch }) => deals.transfer(actor, params.id, body, { expectedVersion: ifMatch }),
  };
}

/** A sort key that is neither the deals' own nor a custom field's: say every key there is. */
function unknownSort(error: unknown, sort: string | undefined): unknown {
  const issue = error instanceof CrmError ? error.issues.find((i) => i.path === 'sort') : undefined;
  if (!issue) return error;
  return new CrmError('invalid_input', `Deals cannot be sorted by "${(sort ?? '').replace(/^-/, '')}".`, {
    issues: [{ path: 'sort', message: `Use one of the deals' own orders (${DEAL_SORT_KEYS.join(', ')}) or a custom field: ${issue.message}` }],
  });
}

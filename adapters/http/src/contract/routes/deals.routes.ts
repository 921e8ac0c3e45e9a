import { CalendarDate, DEAL_SORT_KEYS, DealInput, DealPatch, DealStatus, Id, LoseInput, StageId, TransferInput } from '@rapport/core';
import { z } from 'zod';
import { csv, Empty, IdParams, PageQuery, pageOf } from '../common.js';
import { customFieldListParams } from '../custom-field-params.js';
import { defineRoute, type RouteDef } from '../route.js';
import { Deal, StageChange } from '../schemas.js';

export const DealListQuery = PageQuery.extend({
  accountId: Id.optional(),
  contactId: Id.optional(),
  ownerId: csv(Id).optional(),
  status: csv(DealStatus).optional(),
  pipelineId: Id.optional(),
  stageId: StageId.optional(),
  campaignId: Id.optional(),
  closeFrom: CalendarDate.optional(),
  closeTo: CalendarDate.optional(),
  ...customFieldListParams,
  /** A built-in order or a custom field key; a leading - for descending. */
  sort: z
    .string()
    .trim()
    .max(100)
    .describe(`One of ${DEAL_SORT_KEYS.join(', ')}, or a custom field key (sort=contract_end); a leading - sorts descending (-amount: biggest first). Ties break by id; cursors belong to one order; deals without a value of a custom field come last.`)
    .optional(),
});

const action = <B extends z.ZodType>(name: string, summary: string, body: B, description?: string): RouteDef<typeof IdParams, never, B, typeof Deal> => ({
  method: 'POST',
  path: `/api/v1/deals/{id}/${name}`,
  summary,
  ...(description ? { description } : {}),
  tag: 'Deals',
  auth: true,
  params: IdParams,
  body,
  response: Deal,
  status: 200,
  versioned: true,
  idempotent: true,
});

export const dealRoutes = {
  listDeals: defineRoute({ method: 'GET', path: '/api/v1/deals', summary: 'List deals, oldest first or sorted', tag: 'Deals', auth: true, query: DealListQuery, response: pageOf(Deal), status: 200 }),
  createDeal: defineRoute({ method: 'POST', path: '/api/v1/deals', summary: 'Create a deal', tag: 'Deals', auth: true, body: DealInput, response: Deal, status: 201, versioned: true, idempotent: true }),
  getDeal: defineRoute({ method: 'GET', path: '/api/v1/deals/{id}', summary: 'Get a deal (ETag: its version)', tag: 'Deals', auth: true, params: IdParams, response: Deal, status: 200, versioned: true }),
  updateDeal: defineRoute({
    method: 'PATCH',
    path: '/api/v1/deals/{id}',
    summary: 'Change a deal\'s fields',
    description: 'Send If-Match with the version you saw: a deal changed since is refused with 412. pipelineId (with stageId, else its first open stage) moves the deal to another pipeline, recorded in the stage history. Status and owner change through the actions below.',
    tag: 'Deals',
    auth: true,
    params: IdParams,
    body: DealPatch,
    response: Deal,
    status: 200,
    versioned: true,
  }),
  deleteDeal: defineRoute({ method: 'DELETE', path: '/api/v1/deals/{id}', summary: 'Delete a deal', tag: 'Deals', auth: true, params: IdParams, response: null, status: 204, versioned: true }),
  dealHistory: defineRoute({ method: 'GET', path: '/api/v1/deals/{id}/history', summary: 'The deal\'s stage history, oldest first', tag: 'Deals', auth: true, params: IdParams, response: z.object({ items: z.array(StageChange) }), status: 200 }),
  moveDealStage: action('stage', 'Move a deal to another stage', z.strictObject({ stageId: z.string().trim().min(1).max(60) }), 'Recorded in the stage history with who and when. Accepts a stage id or name.'),
  winDeal: action('win', 'Mark a deal won', Empty),
  loseDeal: action('lose', 'Mark a deal lost, with the reason and competitor', LoseInput),
  suspendDeal: action('suspend', 'Put a deal on hold', Empty),
  reactivateDeal: action('reactivate', 'Take a suspended deal off hold', Empty),
  reopenDeal: action('reopen', 'Reopen a won or lost deal (managers)', Empty),
  transferDeal: action('transfer', 'Hand a deal to another rep with a note', TransferInput, 'The note is logged on the deal with both reps as participants.'),
};

import type { Deal, Pipeline, PipelineReport } from '@rapport/core';
import type { HubApi } from '../../api/hub-api.js';
import { closeQuery, scopeOf, type Filters } from '../../state/filters.js';
import { sortOf, type BoardOrder } from '../../state/board-order.js';

/** Cards drawn per column at first; "Show more" pages on. */
export const CARDS_PER_COLUMN = 20;

export interface ColumnDeals {
  deals: Deal[];
  next: string | null;
}

export interface BoardData {
  report: PipelineReport;
  columns: Record<string, ColumnDeals>;
  staleIds: Set<string>;
  /** The owners the cards are listed for; undefined for everyone. */
  ownerIds: string[] | undefined;
}

/** Whose deals the filters show: one rep, a team's members, or everyone (their names kept for the cards). */
async function ownersOf(api: HubApi, filters: Filters): Promise<string[] | undefined> {
  if (filters.teamId === 'all' || filters.teamId === null) {
    await api.users();
    return filters.repId ? [filters.repId] : undefined;
  }
  const members = await api.users(filters.teamId);
  return filters.repId ? [filters.repId] : members.map((u) => u.id);
}

/** One page of a stage's open deals for the board's owners and close dates. */
export async function stageDeals(api: HubApi, pipeline: Pipeline, stageId: string, board: { ownerIds: string[] | undefined; closeFrom: string | null; closeTo: string | null; order: BoardOrder }, cursor?: string): Promise<ColumnDeals> {
  if (board.ownerIds?.length === 0) return { deals: [], next: null };
  const page = await api.call('listDeals', {
    query: {
      status: 'open',
      pipelineId: pipeline.id,
      stageId,
      limit: CARDS_PER_COLUMN,
      sort: sortOf(board.order),
      ...(board.ownerIds ? { ownerId: board.ownerIds.join(',') } : {}),
      ...(board.closeFrom ? { closeFrom: board.closeFrom } : {}),
      ...(board.closeTo ? { closeTo: board.closeTo } : {}),
      ...(cursor ? { cursor } : {}),
    },
  });
  return { deals: page.items, next: page.nextCursor };
}

/**
 * The board for the filters: the hub's stage totals (counts, amounts and weighted amounts per
 * currency), the first deals of each stage, and which are stale (the hub's rule: time in stage
 * against the team's factor × the stage median). Without a close period the deals are asked for
 * beside the totals; with one, once the hub has said which days the period spans in the
 * reader's time zone. Each column comes in the order the manager picked. Account names are
 * asked for afterwards (see BoardView).
 */
export async function loadBoard(api: HubApi, pipeline: Pipeline, filters: Filters, today: string, order: BoardOrder): Promise<BoardData> {
  const scope = scopeOf(filters);
  const scoped = scope ? { scope } : {};
  const ownerIds = await ownersOf(api, filters);
  const lists = (closeFrom: string | null, closeTo: string | null) => Promise.all(pipeline.stages.map((s) => stageDeals(api, pipeline, s.id, { ownerIds, closeFrom, closeTo, order })));
  const [report, stale, early] = await Promise.all([
    api.call('pipelineBoard', { query: { pipelineId: pipeline.id, ...scoped, ...closeQuery(filters.close, today) } }),
    api.call('staleDeals', { query: { pipelineId: pipeline.id, ...scoped, limit: 200 } }),
    filters.close === 'any' ? lists(null, null) : null,
  ]);
  const columns = early ?? (await lists(report.closeFrom, report.closeTo));
  return { report, ownerIds, staleIds: new Set(stale.deals.map((s) => s.deal.id)), columns: Object.fromEntries(pipeline.stages.map((s, i) => [s.id, columns[i] as ColumnDeals])) };
}

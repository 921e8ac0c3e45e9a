import type { Deal, Pipeline, PipelineReport } from '@rapport/core';
import type { HubApi } from '../../api/hub-api.js';
import { closeQuery, scopeOf, type Filters } from '../../state/filters.js';
import type { CardInfo } from './deal-card.js';

/** Cards drawn per column at first; "Show more" pages on. */
export const CARDS_PER_COLUMN = 20;

export interface ColumnCards {
  cards: CardInfo[];
  next: string | null;
}

export interface BoardData {
  report: PipelineReport;
  columns: Record<string, ColumnCards>;
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

/** Names the cards' accounts and owners. */
export async function toCards(api: HubApi, deals: readonly Deal[], staleIds: ReadonlySet<string>): Promise<CardInfo[]> {
  const accounts = await api.accountNames(deals.map((d) => d.accountId));
  return deals.map((deal) => ({ deal, account: accounts.get(deal.accountId) ?? '—', owner: api.person(deal.ownerId)?.name ?? '—', stale: staleIds.has(deal.id) }));
}

export async function stageCards(api: HubApi, pipeline: Pipeline, stageId: string, board: Pick<BoardData, 'report' | 'ownerIds' | 'staleIds'>, cursor?: string): Promise<ColumnCards> {
  if (board.ownerIds?.length === 0) return { cards: [], next: null };
  const { closeFrom, closeTo } = board.report;
  const page = await api.call('listDeals', {
    query: {
      status: 'open',
      pipelineId: pipeline.id,
      stageId,
      limit: CARDS_PER_COLUMN,
      ...(board.ownerIds ? { ownerId: board.ownerIds.join(',') } : {}),
      ...(closeFrom ? { closeFrom } : {}),
      ...(closeTo ? { closeTo } : {}),
      ...(cursor ? { cursor } : {}),
    },
  });
  return { cards: await toCards(api, page.items, board.staleIds), next: page.nextCursor };
}

/**
 * The board for the filters: the hub's stage totals (counts, amounts and weighted amounts per
 * currency), the first cards of each stage, and which of them are stale (the hub's stale-deal
 * rule: time in stage against the team's factor × the stage median).
 */
export async function loadBoard(api: HubApi, pipeline: Pipeline, filters: Filters, today: string): Promise<BoardData> {
  const scope = scopeOf(filters);
  const scoped = scope ? { scope } : {};
  const [report, stale, ownerIds] = await Promise.all([
    api.call('pipelineBoard', { query: { pipelineId: pipeline.id, ...scoped, ...closeQuery(filters.close, today) } }),
    api.call('staleDeals', { query: { pipelineId: pipeline.id, ...scoped, limit: 200 } }),
    ownersOf(api, filters),
  ]);
  const staleIds = new Set(stale.deals.map((s) => s.deal.id));
  const partial = { report, ownerIds, staleIds };
  const lists = await Promise.all(pipeline.stages.map((s) => stageCards(api, pipeline, s.id, partial)));
  return { ...partial, columns: Object.fromEntries(pipeline.stages.map((s, i) => [s.id, lists[i] as ColumnCards])) };
}

import { invalidInput, NO_CLOSE_DATE, readCursor, storedDescending, type Deal, type DealFilter, type DealSort, type DealSortKey, type Page, type PageRequest } from '@rapport/core';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { SqlContext } from '../context.js';
import { matchesNothing, pageOfRows } from '../sql-paging.js';
import { toDeal } from './sql-deal-rows.js';
import { whereDeal } from './sql-deal-repository.js';
import { whereCustomFields } from '../sql-custom-fields.js';

/**
 * Deal lists in a chosen order (see core's deal-sort.ts), keyset-paged on the sort value and
 * the id. Each order but the last activity has an index ending in the id (migration 012);
 * the last activity is read per deal from activities_by_deal.
 */
const SORT_VALUE: Record<DealSortKey, RawBuilder<unknown>> = {
  amount: sql`deals.amount_minor`,
  expectedCloseDate: sql`COALESCE(deals.expected_close_date, ${sql.lit(NO_CLOSE_DATE)})`,
  daysInStage: sql`deals.stage_entered_at`,
  lastActivityAt: sql`COALESCE((SELECT MAX(a.occurred_at) FROM activities a WHERE a.deal_id = deals.id), '')`,
  createdAt: sql`deals.created_at`,
  title: sql`deals.title_key`,
};

export async function listSortedDeals(ctx: SqlContext, filter: DealFilter, page: PageRequest, sort: DealSort): Promise<Page<Deal>> {
  const after = readCursor(page.cursor, 2);
  if (matchesNothing(filter.ownerIds, filter.statuses)) return { items: [], nextCursor: null };
  const value = SORT_VALUE[sort.key];
  const descending = storedDescending(sort);
  const direction = descending ? sql`DESC` : sql`ASC`;
  let query = whereDeal(ctx.db.selectFrom('deals').selectAll('deals').select(sql<string | number>`${value}`.as('sort_value')), filter);
  query = whereCustomFields(query, ctx.engine.kind, filter.custom);
  if (after) query = query.where(afterSortValue(value, sort.key, after, descending));
  const rows = await query
    .orderBy(sql`${value} ${direction}`)
    .orderBy(sql`deals.id ${direction}`)
    .limit(page.limit + 1)
    .execute();
  return pageOfRows(rows, page.limit, (row) => [String(row.sort_value), row.id], (row) => toDeal(row, ctx.engine));
}

/** `(value, id) > (?, ?)` (or `<`), the cursor's amount bound as a number so both engines compare numerically. */
function afterSortValue(value: RawBuilder<unknown>, key: DealSortKey, after: readonly string[], descending: boolean): RawBuilder<SqlBool> {
  const [sortValue = '', id = ''] = after;
  if (key === 'amount' && !/^\d{1,16}$/.test(sortValue)) throw invalidInput('This page cursor is not valid here: start again from the first page.', [{ path: 'cursor', message: 'Not a cursor of this list.' }]);
  const bound = key === 'amount' ? Number(sortValue) : sortValue;
  return descending ? sql<SqlBool>`(${value}, deals.id) < (${bound}, ${id})` : sql<SqlBool>`(${value}, deals.id) > (${bound}, ${id})`;
}

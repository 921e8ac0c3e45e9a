import type { ActivityType, RepActivityFilter, RepActivityRows, UserAmount, UserCount } from '@rapport/core';
import { sql } from 'kysely';
import type { SqlContext } from '../context.js';
import { matchesNothing } from '../sql-paging.js';
import { AMOUNT_SUM } from './sql-money-sums.js';

const COUNT = sql<number>`count(*)`;

const counted = (rows: Array<{ user_id: string; count: number | string }>): UserCount[] => rows.map((r) => ({ userId: r.user_id, count: Number(r.count) }));
const summed = (rows: Array<{ user_id: string; currency: string; count: number | string; amount_minor: number | string }>): UserAmount[] =>
  rows.map((r) => ({ userId: r.user_id, currency: r.currency, count: Number(r.count), amountMinor: Number(r.amount_minor) }));

const EMPTY: RepActivityRows = {
  activities: [],
  contactsCreated: [],
  accountsCreated: [],
  dealsCreated: [],
  dealsMoved: [],
  dealsWon: [],
  dealsLost: [],
  remindersCompleted: [],
  remindersOverdue: [],
};

/** A rep's work in [from, to): one small GROUP BY per figure, each over an index on its time column. */
export async function repActivity({ db }: SqlContext, filter: RepActivityFilter): Promise<RepActivityRows> {
  if (matchesNothing(filter.userIds)) return EMPTY;
  const { from, to, userIds } = filter;
  const users = userIds ?? null;

  let activities = db
    .selectFrom('activities')
    .select(['author_id as user_id', 'type', COUNT.as('count')])
    .where('occurred_at', '>=', from)
    .where('occurred_at', '<', to);
  if (users) activities = activities.where('author_id', 'in', users);

  let contacts = db.selectFrom('contacts').select(['owner_id as user_id', COUNT.as('count')]).where('created_at', '>=', from).where('created_at', '<', to);
  if (users) contacts = contacts.where('owner_id', 'in', users);
  let accounts = db.selectFrom('accounts').select(['owner_id as user_id', COUNT.as('count')]).where('created_at', '>=', from).where('created_at', '<', to);
  if (users) accounts = accounts.where('owner_id', 'in', users);

  let created = db.selectFrom('deals').select(['owner_id as user_id', 'currency', COUNT.as('count'), AMOUNT_SUM.as('amount_minor')]).where('created_at', '>=', from).where('created_at', '<', to);
  if (users) created = created.where('owner_id', 'in', users);

  let moved = db
    .selectFrom('deals')
    .select(['owner_id as user_id', 'currency', COUNT.as('count'), AMOUNT_SUM.as('amount_minor')])
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('stage_changes')
        .select('deal_id')
        .where('at', '>=', from)
        .where('at', '<', to)
        .where('from_stage_id', 'is not', null)
        .whereRef('from_stage_id', '<>', 'stage_id'),
    );
  if (users) moved = moved.where('owner_id', 'in', users);

  const closed = (status: 'won' | 'lost') => {
    let query = db
      .selectFrom('deals')
      .select(['owner_id as user_id', 'currency', COUNT.as('count'), AMOUNT_SUM.as('amount_minor')])
      .where('status', '=', status)
      .where('closed_at', '>=', from)
      .where('closed_at', '<', to);
    if (users) query = query.where('owner_id', 'in', users);
    return query.groupBy(['owner_id', 'currency']).orderBy('owner_id').orderBy('currency').execute();
  };

  let completed = db
    .selectFrom('reminders')
    .select(['assignee_id as user_id', COUNT.as('count')])
    .where('status', '=', 'done')
    .where('completed_at', '>=', from)
    .where('completed_at', '<', to);
  if (users) completed = completed.where('assignee_id', 'in', users);
  let overdue = db.selectFrom('reminders').select(['assignee_id as user_id', COUNT.as('count')]).where('status', '=', 'open').where('fire_at', '<', filter.overdueAt);
  if (users) overdue = overdue.where('assignee_id', 'in', users);

  const activityRows = await activities.groupBy(['author_id', 'type']).orderBy('author_id').orderBy('type').execute();
  return {
    activities: activityRows.map((r) => ({ userId: r.user_id, type: r.type as ActivityType, count: Number(r.count) })),
    contactsCreated: counted(await contacts.groupBy('owner_id').orderBy('owner_id').execute()),
    accountsCreated: counted(await accounts.groupBy('owner_id').orderBy('owner_id').execute()),
    dealsCreated: summed(await created.groupBy(['owner_id', 'currency']).orderBy('owner_id').orderBy('currency').execute()),
    dealsMoved: summed(await moved.groupBy(['owner_id', 'currency']).orderBy('owner_id').orderBy('currency').execute()),
    dealsWon: summed(await closed('won')),
    dealsLost: summed(await closed('lost')),
    remindersCompleted: counted(await completed.groupBy('assignee_id').orderBy('assignee_id').execute()),
    remindersOverdue: counted(await overdue.groupBy('assignee_id').orderBy('assignee_id').execute()),
  };
}

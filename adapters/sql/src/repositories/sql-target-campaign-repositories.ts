import { readCursor, sortKey, storeConflicts } from '@rapport/core';
import type { Campaign, CampaignChannel, CampaignFilter, CampaignRepository, Page, PageRequest, Target, TargetFilter, TargetRepository } from '@rapport/core';
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { SqlContext } from '../context.js';
import type { CampaignsTable, Database, TargetsTable } from '../database.js';
import { expectInserted } from '../errors.js';
import { affected, afterKeyset, matchesNothing, pageOfRows } from '../sql-paging.js';

export const toTargetRow = (t: Target): Insertable<TargetsTable> => ({
  id: t.id,
  user_id: t.userId,
  month: t.month,
  amount_minor: t.amount.minor,
  currency: t.amount.currency,
  version: t.version,
  created_at: t.createdAt,
  updated_at: t.updatedAt,
});

const toTarget = (row: Selectable<TargetsTable>): Target => ({
  id: row.id,
  userId: row.user_id,
  month: row.month,
  amount: { minor: Number(row.amount_minor), currency: row.currency },
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export class SqlTargetRepository implements TargetRepository {
  constructor(private readonly ctx: SqlContext) {}

  async get(id: string): Promise<Target | null> {
    const row = await this.ctx.db.selectFrom('targets').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toTarget(row) : null;
  }

  async list(filter: TargetFilter): Promise<Target[]> {
    if (matchesNothing(filter.userIds)) return [];
    let query = this.ctx.db.selectFrom('targets').selectAll().where('month', '>=', filter.fromMonth).where('month', '<=', filter.toMonth);
    if (filter.userIds) query = query.where('user_id', 'in', filter.userIds);
    const rows = await query.orderBy('user_id').orderBy('month').orderBy('currency').execute();
    return rows.map(toTarget);
  }

  async insert(target: Target): Promise<void> {
    await this.ctx.atomic(async (db) => {
      await assertFree(db, target);
      const result = await db.insertInto('targets').values(toTargetRow(target)).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
      expectInserted(result, 'target', target.id);
    });
  }

  async update(next: Target): Promise<boolean> {
    return this.ctx.atomic(async (db) => {
      await assertFree(db, next);
      const { id: _id, ...changes } = toTargetRow(next);
      const result = await db.updateTable('targets').set(changes).where('id', '=', next.id).where('version', '=', next.version - 1).executeTakeFirst();
      return affected(result) > 0;
    });
  }

  async delete(id: string): Promise<void> {
    await this.ctx.db.deleteFrom('targets').where('id', '=', id).execute();
  }
}

/** The unique rule on user, month and currency, said the way every store says it (the index still guards races). */
async function assertFree(db: Kysely<Database>, target: Target): Promise<void> {
  const clash = await db
    .selectFrom('targets')
    .select('id')
    .where('user_id', '=', target.userId)
    .where('month', '=', target.month)
    .where('currency', '=', target.amount.currency)
    .where('id', '<>', target.id)
    .executeTakeFirst();
  if (clash) throw storeConflicts.targetTaken(target.userId, target.month, target.amount.currency, clash.id);
}

export const toCampaignRow = (c: Campaign): Insertable<CampaignsTable> => ({
  id: c.id,
  name: c.name,
  sort_key: sortKey(c.name),
  channel: c.channel,
  cost_minor: c.cost.minor,
  currency: c.cost.currency,
  start_date: c.startDate,
  end_date: c.endDate,
  team_id: c.teamId,
  version: c.version,
  created_at: c.createdAt,
  updated_at: c.updatedAt,
});

const toCampaign = (row: Selectable<CampaignsTable>): Campaign => ({
  id: row.id,
  name: row.name,
  channel: row.channel as CampaignChannel,
  cost: { minor: Number(row.cost_minor), currency: row.currency },
  startDate: row.start_date,
  endDate: row.end_date,
  teamId: row.team_id,
  version: row.version,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

export class SqlCampaignRepository implements CampaignRepository {
  constructor(private readonly ctx: SqlContext) {}

  async get(id: string): Promise<Campaign | null> {
    const row = await this.ctx.db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toCampaign(row) : null;
  }

  async list(filter: CampaignFilter, page: PageRequest): Promise<Page<Campaign>> {
    const after = readCursor(page.cursor, 2);
    if (matchesNothing(filter.teamIds)) return { items: [], nextCursor: null };
    let query = this.ctx.db.selectFrom('campaigns').selectAll();
    if (filter.teamIds) {
      const teams = filter.teamIds.filter((id): id is string => id !== null);
      const companyWide = filter.teamIds.includes(null);
      query = query.where((eb) =>
        eb.or([...(teams.length > 0 ? [eb('team_id', 'in', teams)] : []), ...(companyWide ? [eb('team_id', 'is', null)] : [])]),
      );
    }
    if (after) query = query.where(afterKeyset(['sort_key', 'id'], after));
    const rows = await query.orderBy('sort_key').orderBy('id').limit(page.limit + 1).execute();
    return pageOfRows(rows, page.limit, (row) => [row.sort_key, row.id], toCampaign);
  }

  async insert(campaign: Campaign): Promise<void> {
    const result = await this.ctx.db.insertInto('campaigns').values(toCampaignRow(campaign)).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
    expectInserted(result, 'campaign', campaign.id);
  }

  async update(next: Campaign): Promise<boolean> {
    const { id: _id, ...changes } = toCampaignRow(next);
    const result = await this.ctx.db.updateTable('campaigns').set(changes).where('id', '=', next.id).where('version', '=', next.version - 1).executeTakeFirst();
    return affected(result) > 0;
  }

  async delete(id: string): Promise<void> {
    await this.ctx.db.deleteFrom('campaigns').where('id', '=', id).execute();
  }
}


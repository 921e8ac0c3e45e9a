import { sortKey, type Team, type TeamRepository } from '@rapport/core';
import type { Selectable } from 'kysely';
import type { SqlContext } from '../context.js';
import type { TeamsTable } from '../database.js';
import { expectInserted } from '../errors.js';
import { affected } from '../sql-paging.js';

const toTeam = (row: Selectable<TeamsTable>): Team => ({ id: row.id, name: row.name, createdAt: row.created_at });

export class SqlTeamRepository implements TeamRepository {
  constructor(private readonly ctx: SqlContext) {}

  async get(id: string): Promise<Team | null> {
    const row = await this.ctx.db.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toTeam(row) : null;
  }

  async list(): Promise<Team[]> {
    return (await this.ctx.db.selectFrom('teams').selectAll().orderBy('sort_key').orderBy('id').execute()).map(toTeam);
  }

  async insert(team: Team): Promise<void> {
    const result = await this.ctx.db
      .insertInto('teams')
      .values({ id: team.id, name: team.name, sort_key: sortKey(team.name), created_at: team.createdAt })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    expectInserted(result, 'team', team.id);
  }

  async update(team: Team): Promise<boolean> {
    const result = await this.ctx.db
      .updateTable('teams')
      .set({ name: team.name, sort_key: sortKey(team.name), created_at: team.createdAt })
      .where('id', '=', team.id)
      .executeTakeFirst();
    return affected(result) > 0;
  }
}

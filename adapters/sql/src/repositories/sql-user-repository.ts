import { normalizeEmail, readCursor, sortKey, storeConflicts } from '@rapport/core';
import type { Page, PageRequest, QuietHours, Role, User, UserRepository } from '@rapport/core';
import type { Insertable, Selectable } from 'kysely';
import type { SqlContext } from '../context.js';
import type { UsersTable } from '../database.js';
import { readBool, type Engine } from '../engine.js';
import { expectInserted } from '../errors.js';
import { affected, afterKeyset, pageOfRows } from '../sql-paging.js';

function toRow(user: User, engine: Engine): Insertable<UsersTable> {
  return {
    id: user.id,
    name: user.name,
    sort_key: sortKey(user.name),
    email: user.email,
    role: user.role,
    team_id: user.teamId,
    time_zone: user.timeZone,
    quiet_hours: engine.nullableJson(user.quietHours),
    slack_user_id: user.identities.slackUserId,
    entra_object_id: user.identities.entraObjectId,
    active: engine.bool(user.active),
    created_at: user.createdAt,
    updated_at: user.updatedAt,
  };
}

function toUser(row: Selectable<UsersTable>, engine: Engine): User {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role as Role,
    teamId: row.team_id,
    timeZone: row.time_zone,
    quietHours: engine.readNullableJson<QuietHours>(row.quiet_hours),
    identities: { slackUserId: row.slack_user_id, entraObjectId: row.entra_object_id },
    active: readBool(row.active),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export class SqlUserRepository implements UserRepository {
  constructor(private readonly ctx: SqlContext) {}

  async get(id: string): Promise<User | null> {
    const row = await this.ctx.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toUser(row, this.ctx.engine) : null;
  }

  async getMany(ids: readonly string[]): Promise<User[]> {
    if (ids.length === 0) return [];
    const rows = await this.ctx.db.selectFrom('users').selectAll().where('id', 'in', ids).orderBy('id').execute();
    return rows.map((row) => toUser(row, this.ctx.engine));
  }

  async findByEmail(email: string): Promise<User | null> {
    return this.first('email', normalizeEmail(email));
  }

  async findByIdentity(kind: 'slack' | 'entra', value: string): Promise<User | null> {
    return this.first(kind === 'slack' ? 'slack_user_id' : 'entra_object_id', value);
  }

  async list(filter: { teamId?: string; role?: Role; active?: boolean }, page: PageRequest): Promise<Page<User>> {
    const after = readCursor(page.cursor, 2);
    let query = this.ctx.db.selectFrom('users').selectAll();
    if (filter.teamId !== undefined) query = query.where('team_id', '=', filter.teamId);
    if (filter.role !== undefined) query = query.where('role', '=', filter.role);
    if (filter.active !== undefined) query = query.where('active', '=', this.ctx.engine.bool(filter.active));
    if (after) query = query.where(afterKeyset(['sort_key', 'id'], after));
    const rows = await query.orderBy('sort_key').orderBy('id').limit(page.limit + 1).execute();
    return pageOfRows(rows, page.limit, (row) => [row.sort_key, row.id], (row) => toUser(row, this.ctx.engine));
  }

  async count(): Promise<number> {
    const row = await this.ctx.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insert(user: User): Promise<void> {
    await this.refuseTakenEmail(user);
    const result = await this.ctx.db
      .insertInto('users')
      .values(toRow(user, this.ctx.engine))
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    expectInserted(result, 'user', user.id);
  }

  async update(user: User): Promise<boolean> {
    await this.refuseTakenEmail(user);
    const { id: _id, ...changes } = toRow(user, this.ctx.engine);
    return affected(await this.ctx.db.updateTable('users').set(changes).where('id', '=', user.id).executeTakeFirst()) > 0;
  }

  /** One user per address: said here for the message, guarded by the unique index against races. */
  private async refuseTakenEmail(user: User): Promise<void> {
    const other = await this.ctx.db.selectFrom('users').select('id').where('email', '=', normalizeEmail(user.email)).where('id', '<>', user.id).limit(1).executeTakeFirst();
    if (other) throw storeConflicts.userEmailTaken(normalizeEmail(user.email), other.id);
  }

  private async first(column: 'email' | 'slack_user_id' | 'entra_object_id', value: string): Promise<User | null> {
    const row = await this.ctx.db.selectFrom('users').selectAll().where(column, '=', value).orderBy('id').limit(1).executeTakeFirst();
    return row ? toUser(row, this.ctx.engine) : null;
  }
}

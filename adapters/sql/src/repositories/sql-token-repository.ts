import { storeConflicts, type AccessToken, type TokenRepository } from '@rapport/core';
import type { Insertable, Selectable } from 'kysely';
import type { SqlContext } from '../context.js';
import type { AccessTokensTable } from '../database.js';
import { affected } from '../sql-paging.js';

const toRow = (t: AccessToken): Insertable<AccessTokensTable> => ({
  id: t.id,
  user_id: t.userId,
  name: t.name,
  token_hash: t.tokenHash,
  prefix: t.prefix,
  created_at: t.createdAt,
  last_used_at: t.lastUsedAt,
  expires_at: t.expiresAt,
  revoked_at: t.revokedAt,
});

const toToken = (row: Selectable<AccessTokensTable>): AccessToken => ({
  id: row.id,
  userId: row.user_id,
  name: row.name,
  tokenHash: row.token_hash,
  prefix: row.prefix,
  createdAt: row.created_at,
  lastUsedAt: row.last_used_at,
  expiresAt: row.expires_at,
  revokedAt: row.revoked_at,
});

export class SqlTokenRepository implements TokenRepository {
  constructor(private readonly ctx: SqlContext) {}

  async get(id: string): Promise<AccessToken | null> {
    const row = await this.ctx.db.selectFrom('access_tokens').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toToken(row) : null;
  }

  async findByHash(tokenHash: string): Promise<AccessToken | null> {
    const row = await this.ctx.db.selectFrom('access_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
    return row ? toToken(row) : null;
  }

  async listByUser(userId: string): Promise<AccessToken[]> {
    const rows = await this.ctx.db
      .selectFrom('access_tokens')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map(toToken);
  }

  async insert(token: AccessToken): Promise<void> {
    const result = await this.ctx.db
      .insertInto('access_tokens')
      .values(toRow(token))
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0n) > 0) return;
    if (await this.get(token.id)) throw storeConflicts.duplicateId('token', token.id);
    throw await this.hashConflict(token);
  }

  async update(token: AccessToken): Promise<boolean> {
    const holder = await this.holderOfHash(token);
    if (holder) throw storeConflicts.tokenHashTaken(holder);
    const { id: _id, ...changes } = toRow(token);
    const result = await this.ctx.atomic((db) => db.updateTable('access_tokens').set(changes).where('id', '=', token.id).executeTakeFirst());
    return affected(result) > 0;
  }

  private async holderOfHash(token: AccessToken): Promise<string | null> {
    const row = await this.ctx.db
      .selectFrom('access_tokens')
      .select('id')
      .where('token_hash', '=', token.tokenHash)
      .where('id', '<>', token.id)
      .executeTakeFirst();
    return row?.id ?? null;
  }

  private async hashConflict(token: AccessToken): Promise<Error> {
    return storeConflicts.tokenHashTaken((await this.holderOfHash(token)) ?? 'unknown');
  }
}

import { normalizeEmail, storeConflicts, type AccessToken, type Page, type PageRequest, type Role, type Team, type TeamRepository, type TokenRepository, type User, type UserRepository } from '@rapport/core';
import type { Row } from '../idb-schema.js';
import type { IdbTx } from '../idb-tx.js';
import { optional } from '../idb-keys.js';
import { byId, byName, paginate, pickIds, sortBy } from '../idb-paging.js';

const userRow = (user: User): Row<User> => ({
  k: user.id,
  doc: user,
  i: {
    email: normalizeEmail(user.email),
    slack: optional(user.identities.slackUserId),
    entra: optional(user.identities.entraObjectId),
    team: optional(user.teamId),
  },
});

export class IdbUserRepository implements UserRepository {
  constructor(private readonly tx: IdbTx) {}

  get(id: string): Promise<User | null> {
    return this.tx.get<User>('users', id);
  }

  async getMany(ids: readonly string[]): Promise<User[]> {
    const found = await Promise.all([...new Set(ids)].map((id) => this.get(id)));
    return pickIds(found.filter((u): u is User => u !== null), ids);
  }

  async findByEmail(email: string): Promise<User | null> {
    return sortBy(await this.tx.query<User>('users', 'email', normalizeEmail(email)), byId<User>())[0] ?? null;
  }

  async findByIdentity(kind: 'slack' | 'entra', value: string): Promise<User | null> {
    return sortBy(await this.tx.query<User>('users', kind, value), byId<User>())[0] ?? null;
  }

  async list(filter: { teamId?: string; role?: Role; active?: boolean }, page: PageRequest): Promise<Page<User>> {
    const rows = filter.teamId === undefined ? await this.tx.query<User>('users', null, null) : await this.tx.query<User>('users', 'team', filter.teamId);
    const kept = rows.filter((u) => (filter.role === undefined || u.role === filter.role) && (filter.active === undefined || u.active === filter.active));
    return paginate(kept, page, byName<User>());
  }

  async count(): Promise<number> {
    return (await this.tx.query<User>('users', null, null)).length;
  }

  insert(user: User): Promise<void> {
    return this.tx.write(async () => {
      if (await this.get(user.id)) throw storeConflicts.duplicateId('user', user.id);
      await this.refuseTakenEmail(user);
      this.tx.put('users', userRow(user));
    });
  }

  update(user: User): Promise<boolean> {
    return this.tx.write(async () => {
      if (!(await this.get(user.id))) return false;
      await this.refuseTakenEmail(user);
      this.tx.put('users', userRow(user));
      return true;
    });
  }

  /** One user per address, as every store has it. */
  private async refuseTakenEmail(user: User): Promise<void> {
    const email = normalizeEmail(user.email);
    const other = (await this.tx.query<User>('users', 'email', email)).find((u) => u.id !== user.id);
    if (other) throw storeConflicts.userEmailTaken(email, other.id);
  }
}

export class IdbTeamRepository implements TeamRepository {
  constructor(private readonly tx: IdbTx) {}

  get(id: string): Promise<Team | null> {
    return this.tx.get<Team>('teams', id);
  }

  async list(): Promise<Team[]> {
    return sortBy(await this.tx.query<Team>('teams', null, null), byName<Team>());
  }

  insert(team: Team): Promise<void> {
    return this.tx.write(async () => {
      if (await this.get(team.id)) throw storeConflicts.duplicateId('team', team.id);
      this.tx.put('teams', { k: team.id, doc: team, i: {} });
    });
  }

  update(team: Team): Promise<boolean> {
    return this.tx.write(async () => {
      if (!(await this.get(team.id))) return false;
      this.tx.put('teams', { k: team.id, doc: team, i: {} });
      return true;
    });
  }
}

const tokenRow = (token: AccessToken): Row<AccessToken> => ({ k: token.id, doc: token, i: { hash: token.tokenHash, user: token.userId } });

export class IdbTokenRepository implements TokenRepository {
  constructor(private readonly tx: IdbTx) {}

  get(id: string): Promise<AccessToken | null> {
    return this.tx.get<AccessToken>('tokens', id);
  }

  async findByHash(tokenHash: string): Promise<AccessToken | null> {
    return (await this.tx.query<AccessToken>('tokens', 'hash', tokenHash))[0] ?? null;
  }

  async listByUser(userId: string): Promise<AccessToken[]> {
    const mine = await this.tx.query<AccessToken>('tokens', 'user', userId);
    return sortBy(mine, { keyOf: (t) => [t.createdAt, t.id], length: 2, descending: true });
  }

  insert(token: AccessToken): Promise<void> {
    return this.tx.write(async () => {
      if (await this.get(token.id)) throw storeConflicts.duplicateId('token', token.id);
      await this.checkHash(token);
      this.tx.put('tokens', tokenRow(token));
    });
  }

  update(token: AccessToken): Promise<boolean> {
    return this.tx.write(async () => {
      if (!(await this.get(token.id))) return false;
      await this.checkHash(token);
      this.tx.put('tokens', tokenRow(token));
      return true;
    });
  }

  private async checkHash(token: AccessToken): Promise<void> {
    const holder = (await this.tx.query<AccessToken>('tokens', 'hash', token.tokenHash)).find((t) => t.id !== token.id);
    if (holder) throw storeConflicts.tokenHashTaken(holder.id);
  }
}

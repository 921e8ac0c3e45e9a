import type { Page, PageRequest } from '../shared/page.js';
import type { Role, Team, User } from './user.schema.js';

export interface UserRepository {
  get(id: string): Promise<User | null>;
  getMany(ids: readonly string[]): Promise<User[]>;
  findByEmail(email: string): Promise<User | null>;
  findByIdentity(kind: 'slack' | 'entra', value: string): Promise<User | null>;
  /** Ordered by name (sortKey), then id. */
  list(filter: { teamId?: string; role?: Role; active?: boolean }, page: PageRequest): Promise<Page<User>>;
  count(): Promise<number>;
  insert(user: User): Promise<void>;
  /** Users carry no version: last write wins. Returns false when the user does not exist. */
  update(user: User): Promise<boolean>;
}

export interface TeamRepository {
  get(id: string): Promise<Team | null>;
  /** Ordered by name (sortKey), then id. */
  list(): Promise<Team[]>;
  insert(team: Team): Promise<void>;
  update(team: Team): Promise<boolean>;
}

import { normalizeEmail } from '../../shared/email.js';
import type { Page, PageRequest } from '../../shared/page.js';
import type { Role, User } from '../../users/user.schema.js';
import { storeConflicts } from '../store-conflicts.js';
import type { UserRepository } from '../../users/user.port.js';
import type { MemoryState } from './memory-state.js';
import { byId, byName, paginate, pickIds, sortBy } from '../record-paging.js';

export class MemoryUserRepository implements UserRepository {
  constructor(private readonly state: MemoryState) {}

  async get(id: string): Promise<User | null> {
    return this.state.users.get(id);
  }

  async getMany(ids: readonly string[]): Promise<User[]> {
    return pickIds(this.state.users.all(), ids);
  }

  async findByEmail(email: string): Promise<User | null> {
    const wanted = normalizeEmail(email);
    return this.first((user) => normalizeEmail(user.email) === wanted);
  }

  async findByIdentity(kind: 'slack' | 'entra', value: string): Promise<User | null> {
    return this.first((user) =>
      kind === 'slack' ? user.identities.slackUserId === value : user.identities.entraObjectId === value,
    );
  }

  async list(filter: { teamId?: string; role?: Role; active?: boolean }, page: PageRequest): Promise<Page<User>> {
    const rows = this.state.users
      .all()
      .filter(
        (user) =>
          (filter.teamId === undefined || user.teamId === filter.teamId) &&
          (filter.role === undefined || user.role === filter.role) &&
          (filter.active === undefined || user.active === filter.active),
      );
    return paginate(rows, page, byName<User>());
  }

  async count(): Promise<number> {
    return this.state.users.all().length;
  }

  async insert(user: User): Promise<void> {
    if (this.state.users.has(user.id)) throw storeConflicts.duplicateId('user', user.id);
    this.refuseTakenEmail(user);
    this.state.users.set(user.id, user);
  }

  async update(user: User): Promise<boolean> {
    if (!this.state.users.has(user.id)) return false;
    this.refuseTakenEmail(user);
    this.state.users.set(user.id, user);
    return true;
  }

  /** One user per address, as the SQL stores' unique index has it. */
  private refuseTakenEmail(user: User): void {
    const wanted = normalizeEmail(user.email);
    const other = this.state.users.all().find((u) => u.id !== user.id && normalizeEmail(u.email) === wanted);
    if (other) throw storeConflicts.userEmailTaken(wanted, other.id);
  }

  /** The first match in id order, so every store answers the same when several match. */
  private first(match: (user: User) => boolean): User | null {
    return sortBy(this.state.users.all().filter(match), byId<User>())[0] ?? null;
  }
}

import type { AccessToken } from '../../users/token.schema.js';
import { storeConflicts } from '../store-conflicts.js';
import type { TokenRepository } from '../../users/token.port.js';
import type { MemoryState } from './memory-state.js';
import { sortBy } from '../record-paging.js';

export class MemoryTokenRepository implements TokenRepository {
  constructor(private readonly state: MemoryState) {}

  async get(id: string): Promise<AccessToken | null> {
    return this.state.tokens.get(id);
  }

  async findByHash(tokenHash: string): Promise<AccessToken | null> {
    return this.state.tokens.all().find((token) => token.tokenHash === tokenHash) ?? null;
  }

  async listByUser(userId: string): Promise<AccessToken[]> {
    const mine = this.state.tokens.all().filter((token) => token.userId === userId);
    return sortBy(mine, { keyOf: (token) => [token.createdAt, token.id], length: 2, descending: true });
  }

  async insert(token: AccessToken): Promise<void> {
    if (this.state.tokens.has(token.id)) throw storeConflicts.duplicateId('token', token.id);
    this.checkHash(token);
    this.state.tokens.set(token.id, token);
  }

  async update(token: AccessToken): Promise<boolean> {
    if (!this.state.tokens.has(token.id)) return false;
    this.checkHash(token);
    this.state.tokens.set(token.id, token);
    return true;
  }

  private checkHash(token: AccessToken): void {
    const holder = this.state.tokens.all().find((t) => t.tokenHash === token.tokenHash && t.id !== token.id);
    if (holder) throw storeConflicts.tokenHashTaken(holder.id);
  }
}

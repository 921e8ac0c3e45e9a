import type { AccessToken } from './token.schema.js';

export interface TokenRepository {
  get(id: string): Promise<AccessToken | null>;
  findByHash(tokenHash: string): Promise<AccessToken | null>;
  /** Newest first. */
  listByUser(userId: string): Promise<AccessToken[]>;
  insert(token: AccessToken): Promise<void>;
  update(token: AccessToken): Promise<boolean>;
}
